// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IDisputeModule} from "./IDisputeModule.sol";
import {TimelockOwned} from "./TimelockOwned.sol";

/// @notice The governor calls the module makes: state, ETA and action reads, and cancel by proposal id.
interface IDisputableGovernor {
    function state(uint256 proposalId) external view returns (IGovernor.ProposalState);
    function proposalEta(uint256 proposalId) external view returns (uint256);
    /// @dev As provided by OpenZeppelin's GovernorStorage.
    function proposalDetails(uint256 proposalId)
        external
        view
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas, bytes32 descriptionHash);
    function cancel(uint256 proposalId) external;
}

/// @title Bonded disputes against queued proposals, ruled by a staked expert panel
/// @notice Anyone may challenge a proposal while it is Queued and before its ETA by posting a bond. While the
/// dispute is open the governor refuses to execute the proposal. Panel members (each with PLM staked here)
/// rule uphold or reject with a reason; the challenger never rules on their own dispute. The dispute's
/// `rulingQuorum` (the setting when it was filed)-th matching ruling decides:
/// - upheld: the proposal is canceled through the governor (if it is still queued); the challenger may
///   withdraw the bond plus a reward of min(rewardAmount, rewardPool);
/// - rejected: the freeze lifts and the bond goes to the treasury;
/// - no decision by the deadline: anyone may resolve it as timed out; the freeze lifts, the bond is refunded.
/// The panel is recused from disputes against proposals that call this module or the governor (where the
/// module is replaced and `relay` lives): it must not veto its own slashing or removal, nor the replacement of
/// the module. Such a dispute is marked `recused` at filing, takes no rulings and can only time out.
/// The owner (the timelock, which is also the treasury) sets every parameter within hard bounds, manages the
/// panel and may slash a member's stake; it can never renounce ownership. Payouts are pulled with `withdraw`.
contract DisputeModule is IDisputeModule, TimelockOwned, ReentrancyGuard {
    using SafeERC20 for IERC20;

    enum Status {
        None,
        Open,
        Upheld,
        Rejected,
        TimedOut
    }

    enum Ruling {
        None,
        Uphold,
        Reject
    }

    struct Dispute {
        uint256 proposalId;
        address challenger;
        uint64 filedAt;
        uint64 deadline;
        Status status;
        uint16 upholdCount;
        uint16 rejectCount;
        uint256 bond;
        uint256 reward;
        string evidence;
        /// @dev The proposal calls this module or the governor: the panel may not rule, the dispute can only time out.
        bool recused;
        /// @dev Matching rulings that decide this dispute: `rulingQuorum()` when it was filed.
        uint16 rulingQuorum;
    }

    struct Settings {
        uint256 bond;
        uint256 rewardAmount;
        uint256 adjudicationPeriod;
        uint256 rulingQuorum;
        uint256 expertStake;
    }

    uint256 public constant MIN_BOND = 100e18;
    uint256 public constant MAX_BOND = 1_000_000e18;
    uint256 public constant MAX_REWARD = 1_000_000e18;
    uint256 public constant MIN_ADJUDICATION_PERIOD = 1 days;
    uint256 public constant MAX_ADJUDICATION_PERIOD = 14 days;
    uint256 public constant MIN_EXPERT_STAKE = 1_000e18;
    uint256 public constant MAX_EXPERT_STAKE = 10_000_000e18;
    uint256 public constant MAX_PANEL_SIZE = 15;
    uint256 public constant MAX_EVIDENCE_LENGTH = 4_096;
    uint256 public constant MAX_REASON_LENGTH = 2_048;
    uint256 public constant MAX_PROFILE_LENGTH = 512;
    /// @notice A member's stake stays put this long after their last ruling, so governance has time to
    /// slash a negligent or malicious ruling (a proposal takes 8 days with the default settings).
    uint256 public constant STAKE_LOCK_AFTER_RULING = 14 days;

    IERC20 public immutable token;
    IDisputableGovernor public immutable governor;

    uint256 public bond;
    uint256 public rewardAmount;
    uint256 public adjudicationPeriod;
    uint256 public rulingQuorum;
    uint256 public expertStake;

    uint256 public rewardPool;
    uint256 public bondsHeld;
    uint256 public totalClaimable;
    uint256 public totalStaked;
    uint256 public openDisputeCount;

    Dispute[] private _disputes;
    mapping(uint256 proposalId => uint256 disputeId) public disputeOf;
    mapping(uint256 disputeId => mapping(address expert => Ruling)) public rulingOf;
    mapping(address account => uint256) public claimable;

    address[] private _panel;
    mapping(address expert => string) public panelProfile;
    mapping(address account => uint256) public stakeOf;
    mapping(address expert => uint256) public stakeLockedUntil;

    event DisputeFiled(
        uint256 indexed disputeId,
        uint256 indexed proposalId,
        address indexed challenger,
        uint256 bond,
        uint256 deadline,
        string evidence
    );
    event RulingCast(uint256 indexed disputeId, address indexed expert, bool uphold, string reason);
    event DisputeResolved(uint256 indexed disputeId, uint256 indexed proposalId, Status status, uint256 reward);
    event Withdrawn(address indexed account, uint256 amount);
    event RewardsFunded(address indexed from, uint256 amount);
    event RewardsReclaimed(uint256 amount);
    event PanelMemberAdded(address indexed expert, string profile);
    event PanelMemberRemoved(address indexed expert);
    event StakeDeposited(address indexed expert, uint256 amount);
    event StakeWithdrawn(address indexed expert, uint256 amount);
    event ExpertSlashed(address indexed expert, uint256 amount, string reason);
    event SettingChanged(bytes32 indexed setting, uint256 oldValue, uint256 newValue);

    error ProposalNotQueued(uint256 proposalId, IGovernor.ProposalState state);
    error ChallengeWindowClosed(uint256 proposalId, uint256 eta);
    error ChallengerCannotRule(uint256 disputeId, address expert);
    error PanelRecused(uint256 disputeId);
    error StakeBelowMinimum(address expert, uint256 remaining, uint256 required);
    error DisputeAlreadyFiled(uint256 proposalId, uint256 disputeId);
    error InvalidText(bytes32 field, uint256 length, uint256 maxLength);
    error UnknownDispute(uint256 disputeId);
    error DisputeNotOpen(uint256 disputeId, Status status);
    error AdjudicationClosed(uint256 disputeId, uint256 deadline);
    error AdjudicationNotOver(uint256 disputeId, uint256 deadline);
    error NotPanelMember(address account);
    error AlreadyPanelMember(address account);
    error AlreadyRuled(uint256 disputeId, address expert);
    error InsufficientStake(address expert, uint256 staked, uint256 required);
    error NothingToWithdraw(address account);
    error InvalidAmount();
    error InvalidAddress(address account);
    error ExpertOnOpenDispute(address expert);
    error StakeLocked(address expert, uint256 until);
    error PanelFull(uint256 maxSize);
    error PanelBelowQuorum(uint256 panelSize, uint256 rulingQuorum);
    error SettingOutOfBounds(bytes32 setting, uint256 value, uint256 min, uint256 max);

    constructor(
        IERC20 token_,
        IDisputableGovernor governor_,
        address timelock,
        Settings memory settings,
        address[] memory panel,
        string[] memory profiles
    ) Ownable(timelock) {
        token = token_;
        governor = governor_;
        if (panel.length != profiles.length) revert InvalidText("profiles", profiles.length, panel.length);
        for (uint256 i = 0; i < panel.length; ++i) {
            _addPanelMember(panel[i], profiles[i]);
        }
        _setBond(settings.bond);
        _setRewardAmount(settings.rewardAmount);
        _setAdjudicationPeriod(settings.adjudicationPeriod);
        _setRulingQuorum(settings.rulingQuorum);
        _setExpertStake(settings.expertStake);
    }

    modifier onlyPanel() {
        if (!isPanelMember(msg.sender)) revert NotPanelMember(msg.sender);
        _;
    }

    // ---------------------------------------------------------------- disputes

    /// @notice Challenge a queued proposal before its ETA, posting `bond()` PLM (approve it first). The dispute
    /// records the current `rulingQuorum()`, and whether the panel is recused (a target of the proposal is this
    /// module or the governor).
    /// @return disputeId starting at 1
    function fileDispute(uint256 proposalId, string calldata evidence) external nonReentrant returns (uint256 disputeId) {
        IGovernor.ProposalState proposalState = governor.state(proposalId);
        if (proposalState != IGovernor.ProposalState.Queued) revert ProposalNotQueued(proposalId, proposalState);
        uint256 eta = governor.proposalEta(proposalId);
        if (block.timestamp >= eta) revert ChallengeWindowClosed(proposalId, eta);
        uint256 existing = disputeOf[proposalId];
        if (existing != 0) revert DisputeAlreadyFiled(proposalId, existing);
        _checkText("evidence", evidence, MAX_EVIDENCE_LENGTH);

        uint256 deadline = block.timestamp + adjudicationPeriod;
        bool recused = _concernsThePanel(proposalId);
        _disputes.push(
            Dispute({
                proposalId: proposalId,
                challenger: msg.sender,
                filedAt: uint64(block.timestamp),
                deadline: uint64(deadline),
                status: Status.Open,
                upholdCount: 0,
                rejectCount: 0,
                bond: bond,
                reward: 0,
                evidence: evidence,
                recused: recused,
                rulingQuorum: uint16(rulingQuorum) // at most MAX_PANEL_SIZE
            })
        );
        disputeId = _disputes.length;
        disputeOf[proposalId] = disputeId;
        bondsHeld += bond;
        ++openDisputeCount;
        emit DisputeFiled(disputeId, proposalId, msg.sender, bond, deadline, evidence);

        token.safeTransferFrom(msg.sender, address(this), bond);
    }

    /// @notice A panel member's ruling. The dispute's `rulingQuorum`-th matching ruling (the setting when it was
    /// filed) decides it. Not on a recused dispute, and never by the dispute's own challenger.
    function castRuling(uint256 disputeId, bool uphold, string calldata reason) external nonReentrant onlyPanel {
        Dispute storage dispute = _openDispute(disputeId);
        if (dispute.recused) revert PanelRecused(disputeId);
        if (block.timestamp > dispute.deadline) revert AdjudicationClosed(disputeId, dispute.deadline);
        if (msg.sender == dispute.challenger) revert ChallengerCannotRule(disputeId, msg.sender);
        if (stakeOf[msg.sender] < expertStake) {
            revert InsufficientStake(msg.sender, stakeOf[msg.sender], expertStake);
        }
        if (rulingOf[disputeId][msg.sender] != Ruling.None) revert AlreadyRuled(disputeId, msg.sender);
        _checkText("reason", reason, MAX_REASON_LENGTH);

        rulingOf[disputeId][msg.sender] = uphold ? Ruling.Uphold : Ruling.Reject;
        stakeLockedUntil[msg.sender] = block.timestamp + STAKE_LOCK_AFTER_RULING;
        uint256 matching = uphold ? ++dispute.upholdCount : ++dispute.rejectCount;
        emit RulingCast(disputeId, msg.sender, uphold, reason);

        if (matching >= dispute.rulingQuorum) _resolve(disputeId, dispute, uphold ? Status.Upheld : Status.Rejected);
    }

    /// @notice Close a dispute the panel did not decide by its deadline (anyone): the bond is refunded.
    function resolveTimeout(uint256 disputeId) external nonReentrant {
        Dispute storage dispute = _openDispute(disputeId);
        if (block.timestamp <= dispute.deadline) revert AdjudicationNotOver(disputeId, dispute.deadline);
        _resolve(disputeId, dispute, Status.TimedOut);
    }

    /// @notice Pay out everything owed to the caller (refunded bonds and rewards).
    function withdraw() external nonReentrant returns (uint256 amount) {
        amount = claimable[msg.sender];
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        claimable[msg.sender] = 0;
        totalClaimable -= amount;
        emit Withdrawn(msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    /// @notice Add `amount` PLM to the pool that pays rewards for upheld disputes (anyone; usually the treasury).
    function fundRewards(uint256 amount) external nonReentrant {
        if (amount == 0) revert InvalidAmount();
        rewardPool += amount;
        emit RewardsFunded(msg.sender, amount);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    // ---------------------------------------------------------------- expert stakes

    function depositStake(uint256 amount) external nonReentrant {
        if (amount == 0) revert InvalidAmount();
        stakeOf[msg.sender] += amount;
        totalStaked += amount;
        emit StakeDeposited(msg.sender, amount);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Take stake back.
    /// - A panel member withdraws nothing while any dispute is open (`ExpertOnOpenDispute`), and otherwise only
    ///   what exceeds `expertStake()`: the stake never drops below the minimum while on the panel
    ///   (`StakeBelowMinimum`). To take the whole stake back, leave the panel (the timelock removes members).
    /// - Members and former members alike: nothing within `STAKE_LOCK_AFTER_RULING` of one's last ruling
    ///   (`StakeLocked`), so governance has time to slash it.
    /// - Anyone else who staked (a candidate not yet on the panel) withdraws freely.
    function withdrawStake(uint256 amount) external nonReentrant {
        uint256 staked = stakeOf[msg.sender];
        if (amount == 0 || amount > staked) revert InvalidAmount();
        if (isPanelMember(msg.sender)) {
            if (openDisputeCount > 0) revert ExpertOnOpenDispute(msg.sender);
            if (staked - amount < expertStake) revert StakeBelowMinimum(msg.sender, staked - amount, expertStake);
        }
        if (block.timestamp < stakeLockedUntil[msg.sender]) {
            revert StakeLocked(msg.sender, stakeLockedUntil[msg.sender]);
        }
        stakeOf[msg.sender] -= amount;
        totalStaked -= amount;
        emit StakeWithdrawn(msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    // ---------------------------------------------------------------- governance (timelock only)

    /// @notice Slash `amount` of an expert's stake to the treasury and remove them from the panel.
    function slashExpert(address expert, uint256 amount, string calldata reason) external onlyOwner nonReentrant {
        if (amount == 0 || amount > stakeOf[expert]) revert InvalidAmount();
        _checkText("reason", reason, MAX_REASON_LENGTH);
        stakeOf[expert] -= amount;
        totalStaked -= amount;
        if (isPanelMember(expert)) _removePanelMember(expert);
        emit ExpertSlashed(expert, amount, reason);
        token.safeTransfer(owner(), amount);
    }

    function addPanelMember(address expert, string calldata profile) external onlyOwner {
        _addPanelMember(expert, profile);
    }

    function removePanelMember(address expert) external onlyOwner {
        if (!isPanelMember(expert)) revert NotPanelMember(expert);
        _removePanelMember(expert);
    }

    /// @notice Return unused reward pool funds to the treasury.
    function reclaimRewards(uint256 amount) external onlyOwner nonReentrant {
        if (amount == 0 || amount > rewardPool) revert InvalidAmount();
        rewardPool -= amount;
        emit RewardsReclaimed(amount);
        token.safeTransfer(owner(), amount);
    }

    function setBond(uint256 newBond) external onlyOwner {
        _setBond(newBond);
    }

    function setRewardAmount(uint256 newRewardAmount) external onlyOwner {
        _setRewardAmount(newRewardAmount);
    }

    function setAdjudicationPeriod(uint256 newPeriod) external onlyOwner {
        _setAdjudicationPeriod(newPeriod);
    }

    function setRulingQuorum(uint256 newQuorum) external onlyOwner {
        _setRulingQuorum(newQuorum);
    }

    function setExpertStake(uint256 newExpertStake) external onlyOwner {
        _setExpertStake(newExpertStake);
    }

    // ---------------------------------------------------------------- views

    function isBlocking(uint256 proposalId) external view returns (bool) {
        uint256 disputeId = disputeOf[proposalId];
        return disputeId != 0 && _disputes[disputeId - 1].status == Status.Open;
    }

    function getDispute(uint256 disputeId) external view returns (Dispute memory) {
        return _disputeAt(disputeId);
    }

    function disputeCount() external view returns (uint256) {
        return _disputes.length;
    }

    function panelMembers() external view returns (address[] memory) {
        return _panel;
    }

    function isPanelMember(address account) public view returns (bool) {
        return bytes(panelProfile[account]).length != 0;
    }

    // ---------------------------------------------------------------- internals

    function _resolve(uint256 disputeId, Dispute storage dispute, Status status) private {
        dispute.status = status;
        --openDisputeCount;
        bondsHeld -= dispute.bond;
        uint256 proposalId = dispute.proposalId;

        if (status == Status.Upheld) {
            uint256 reward = rewardAmount < rewardPool ? rewardAmount : rewardPool;
            rewardPool -= reward;
            dispute.reward = reward;
            _credit(dispute.challenger, dispute.bond + reward);
            emit DisputeResolved(disputeId, proposalId, status, reward);
            // Cancel only what still sits in the timelock: the guardian may have canceled it meanwhile, or it may have
            // left the timelock some other way (an executor or canceller granted by governance acting on the
            // timelock directly). The ruling stands either way.
            if (governor.state(proposalId) == IGovernor.ProposalState.Queued) governor.cancel(proposalId);
        } else if (status == Status.Rejected) {
            emit DisputeResolved(disputeId, proposalId, status, 0);
            token.safeTransfer(owner(), dispute.bond);
        } else {
            _credit(dispute.challenger, dispute.bond);
            emit DisputeResolved(disputeId, proposalId, status, 0);
        }
    }

    /// @dev Whether the proposal calls this module or the governor (where the module is replaced and `relay`
    /// lives): the panel must not rule on its own slashing or removal, nor on the replacement of the module.
    function _concernsThePanel(uint256 proposalId) private view returns (bool) {
        (address[] memory targets,,,) = governor.proposalDetails(proposalId);
        for (uint256 i = 0; i < targets.length; ++i) {
            if (targets[i] == address(this) || targets[i] == address(governor)) return true;
        }
        return false;
    }

    function _credit(address account, uint256 amount) private {
        claimable[account] += amount;
        totalClaimable += amount;
    }

    function _openDispute(uint256 disputeId) private view returns (Dispute storage dispute) {
        dispute = _disputeAt(disputeId);
        if (dispute.status != Status.Open) revert DisputeNotOpen(disputeId, dispute.status);
    }

    function _disputeAt(uint256 disputeId) private view returns (Dispute storage) {
        if (disputeId == 0 || disputeId > _disputes.length) revert UnknownDispute(disputeId);
        return _disputes[disputeId - 1];
    }

    function _addPanelMember(address expert, string memory profile) private {
        if (expert == address(0)) revert InvalidAddress(expert);
        if (isPanelMember(expert)) revert AlreadyPanelMember(expert);
        if (_panel.length >= MAX_PANEL_SIZE) revert PanelFull(MAX_PANEL_SIZE);
        _checkText("profile", profile, MAX_PROFILE_LENGTH);
        _panel.push(expert);
        panelProfile[expert] = profile;
        emit PanelMemberAdded(expert, profile);
    }

    function _removePanelMember(address expert) private {
        uint256 size = _panel.length;
        if (size - 1 < rulingQuorum) revert PanelBelowQuorum(size - 1, rulingQuorum);
        for (uint256 i = 0; i < size; ++i) {
            if (_panel[i] == expert) {
                _panel[i] = _panel[size - 1];
                _panel.pop();
                break;
            }
        }
        delete panelProfile[expert];
        emit PanelMemberRemoved(expert);
    }

    function _setBond(uint256 newBond) private {
        _checkBounds("bond", newBond, MIN_BOND, MAX_BOND);
        emit SettingChanged("bond", bond, newBond);
        bond = newBond;
    }

    function _setRewardAmount(uint256 newRewardAmount) private {
        _checkBounds("rewardAmount", newRewardAmount, 0, MAX_REWARD);
        emit SettingChanged("rewardAmount", rewardAmount, newRewardAmount);
        rewardAmount = newRewardAmount;
    }

    function _setAdjudicationPeriod(uint256 newPeriod) private {
        _checkBounds("adjudicationPeriod", newPeriod, MIN_ADJUDICATION_PERIOD, MAX_ADJUDICATION_PERIOD);
        emit SettingChanged("adjudicationPeriod", adjudicationPeriod, newPeriod);
        adjudicationPeriod = newPeriod;
    }

    function _setRulingQuorum(uint256 newQuorum) private {
        _checkBounds("rulingQuorum", newQuorum, 1, _panel.length);
        emit SettingChanged("rulingQuorum", rulingQuorum, newQuorum);
        rulingQuorum = newQuorum;
    }

    function _setExpertStake(uint256 newExpertStake) private {
        _checkBounds("expertStake", newExpertStake, MIN_EXPERT_STAKE, MAX_EXPERT_STAKE);
        emit SettingChanged("expertStake", expertStake, newExpertStake);
        expertStake = newExpertStake;
    }

    function _checkBounds(bytes32 setting, uint256 value, uint256 min, uint256 max) private pure {
        if (value < min || value > max) revert SettingOutOfBounds(setting, value, min, max);
    }

    function _checkText(bytes32 field, string memory text, uint256 maxLength) private pure {
        uint256 length = bytes(text).length;
        if (length == 0 || length > maxLength) revert InvalidText(field, length, maxLength);
    }
}
