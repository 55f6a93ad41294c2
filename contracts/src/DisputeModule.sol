// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {ERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IDisputeModule} from "./IDisputeModule.sol";
import {IDisputePanelAdmin, PanelCalls} from "./PanelCalls.sol";
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
    function disputeModule() external view returns (address);
}

/// @title Bonded disputes against queued proposals, ruled by a staked expert panel
/// @notice Anyone may challenge a proposal while it is Queued and before its ETA by posting a bond. While the
/// dispute is open the governor refuses to execute the proposal, anyone may add evidence, and anyone may join the
/// bond as a co-challenger (one dispute per proposal, so a proposal is delayed once at most, and an ally of the
/// proposer cannot capture the case by filing a weak dispute first). Panel members (each with PLM staked here) rule
/// uphold or reject with a reason; no challenger rules, and no member who ruled joins. The dispute's
/// `rulingQuorum` (the setting when it was filed)-th matching ruling decides:
/// - upheld: the proposal is canceled through the governor (if it is still queued); every challenger may withdraw
///   their bond plus an equal share of min(rewardAmount, rewardPool) (every challenger posts the same bond, so the
///   share is pro rata to the bonds);
/// - rejected: the freeze lifts and every bond goes to the treasury;
/// - no decision by the deadline: anyone may resolve it as timed out; the freeze lifts, the bonds are refunded, and
///   the members who sat on the panel when it was filed and did not rule are recorded as idle, a ground to slash.
/// The panel does not judge the calls that change the panel (see PanelCalls): such a proposal cannot be disputed.
/// The owner (the timelock, which is also the treasury) sets every parameter within hard bounds, manages the
/// panel and may slash a member's stake on a recorded ground; it can never renounce ownership. Payouts are pulled
/// with `withdraw`.
contract DisputeModule is IDisputeModule, IDisputePanelAdmin, ERC165, TimelockOwned, ReentrancyGuard {
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
        /// @dev Who filed it; co-challengers join later (`DisputeJoined`).
        address challenger;
        uint64 filedAt;
        Status status;
        uint16 upholdCount;
        uint64 deadline;
        uint16 rejectCount;
        /// @dev Matching rulings that decide this dispute: `rulingQuorum()` when it was filed.
        uint16 rulingQuorum;
        uint32 challengerCount;
        uint32 evidenceCount;
        /// @dev The stake a member needs to rule on it: `expertStake()` when it was filed.
        uint96 expertStake;
        /// @dev What each challenger posts: `bond()` when it was filed.
        uint256 bond;
        uint256 totalBond;
        /// @dev Paid from the pool when upheld, shared equally by the challengers.
        uint256 reward;
    }

    struct PanelSeat {
        uint64 since;
        /// @dev 0 while seated.
        uint64 until;
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
    /// @notice A member's stake stays put this long after their last ruling, or after a timeout they sat idle
    /// through, so governance has time to slash (a proposal takes 8 days with the default settings).
    uint256 public constant STAKE_LOCK_AFTER_RULING = 14 days;

    IERC20 public immutable token;
    IDisputableGovernor private immutable _governor;

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
    mapping(uint256 disputeId => mapping(address account => uint256)) public bondOf;
    /// @dev Disputes the account posted a bond on and has not been paid for yet.
    mapping(address account => uint256[] disputeIds) private _unsettled;
    mapping(uint256 disputeId => address[]) private _idleMembers;
    mapping(uint256 disputeId => mapping(address expert => bool)) public wasIdle;
    mapping(address expert => uint256) public missedTimeouts;

    address[] private _panel;
    mapping(address expert => string) public panelProfile;
    /// @notice When each expert took (and, once removed, left) their seat on the panel: who may rule on a dispute is
    /// whoever sat on the panel when it was filed, whatever the panel became since.
    mapping(address expert => PanelSeat) public panelSeat;
    mapping(address account => uint256) public stakeOf;
    mapping(address expert => uint256) public stakeLockedUntil;

    event DisputeFiled(
        uint256 indexed disputeId, uint256 indexed proposalId, address indexed challenger, uint256 bond, uint256 deadline
    );
    event DisputeJoined(uint256 indexed disputeId, address indexed challenger, uint256 bond);
    event EvidenceAdded(uint256 indexed disputeId, address indexed author, string evidence);
    event RulingCast(uint256 indexed disputeId, address indexed expert, bool uphold, string reason);
    event DisputeResolved(uint256 indexed disputeId, uint256 indexed proposalId, Status status, uint256 reward);
    event PanelMemberIdle(uint256 indexed disputeId, address indexed expert);
    event Withdrawn(address indexed account, uint256 amount);
    event RewardsFunded(address indexed from, uint256 amount);
    event RewardsReclaimed(uint256 amount);
    event PanelMemberAdded(address indexed expert, string profile);
    event PanelMemberRemoved(address indexed expert);
    event StakeDeposited(address indexed expert, uint256 amount);
    event StakeWithdrawn(address indexed expert, uint256 amount);
    event ExpertSlashed(
        address indexed expert, uint256 amount, SlashGround ground, uint256 indexed disputeId, string reason
    );
    event SettingChanged(bytes32 indexed setting, uint256 oldValue, uint256 newValue);

    error ProposalNotQueued(uint256 proposalId, IGovernor.ProposalState state);
    error ChallengeWindowClosed(uint256 proposalId, uint256 eta);
    error PanelConflicted(uint256 proposalId);
    error ChallengerCannotRule(uint256 disputeId, address expert);
    error PanelMemberCannotChallenge(address expert);
    error NotOnPanelAtFiling(uint256 disputeId, address account);
    error ModuleReplaced(address currentModule);
    error AlreadyChallenger(uint256 disputeId, address account);
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
    error NoGroundToSlash(address expert, SlashGround ground, uint256 disputeId);
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
        _governor = governor_;
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

    // ---------------------------------------------------------------- disputes

    /// @notice Challenge a queued proposal before its ETA, posting `bond()` PLM (approve it first). Refused for a
    /// proposal of panel calls (`PanelConflicted`), when the proposal is already disputed (`DisputeAlreadyFiled`:
    /// join that dispute instead), to a panel member (judges do not challenge), and by a module the governor has
    /// replaced. The dispute records the current `bond()`, `rulingQuorum()` and `expertStake()`.
    /// @return disputeId starting at 1
    function fileDispute(uint256 proposalId, string calldata evidence) external nonReentrant returns (uint256 disputeId) {
        _checkChallenger();
        IGovernor.ProposalState proposalState = _governor.state(proposalId);
        if (proposalState != IGovernor.ProposalState.Queued) revert ProposalNotQueued(proposalId, proposalState);
        uint256 eta = _governor.proposalEta(proposalId);
        if (block.timestamp >= eta) revert ChallengeWindowClosed(proposalId, eta);
        uint256 existing = disputeOf[proposalId];
        if (existing != 0) revert DisputeAlreadyFiled(proposalId, existing);
        (address[] memory targets,, bytes[] memory calldatas,) = _governor.proposalDetails(proposalId);
        if (PanelCalls.isPanelProposal(targets, calldatas, address(_governor), address(this))) {
            revert PanelConflicted(proposalId);
        }
        _checkText("evidence", evidence, MAX_EVIDENCE_LENGTH);

        uint256 deadline = block.timestamp + adjudicationPeriod;
        Dispute storage dispute = _disputes.push();
        dispute.proposalId = proposalId;
        dispute.challenger = msg.sender;
        dispute.filedAt = uint64(block.timestamp);
        dispute.deadline = uint64(deadline);
        dispute.status = Status.Open;
        dispute.rulingQuorum = uint16(rulingQuorum); // at most MAX_PANEL_SIZE
        dispute.expertStake = uint96(expertStake); // at most MAX_EXPERT_STAKE
        dispute.bond = bond;
        disputeId = _disputes.length;
        disputeOf[proposalId] = disputeId;
        ++openDisputeCount;
        emit DisputeFiled(disputeId, proposalId, msg.sender, bond, deadline);
        _addEvidence(disputeId, dispute, evidence);
        _postBond(disputeId, dispute);
    }

    /// @notice Join an open dispute as a co-challenger before its deadline, posting the same bond as its filer
    /// (`getDispute(id).bond`; approve it first), with evidence or none (""). Not for a panel member, nor for one
    /// who ruled on it.
    function joinDispute(uint256 disputeId, string calldata evidence) external nonReentrant {
        _checkChallenger();
        Dispute storage dispute = _disputeTakingSubmissions(disputeId);
        if (bondOf[disputeId][msg.sender] != 0) revert AlreadyChallenger(disputeId, msg.sender);
        if (rulingOf[disputeId][msg.sender] != Ruling.None) revert AlreadyRuled(disputeId, msg.sender);
        if (bytes(evidence).length != 0) {
            _checkText("evidence", evidence, MAX_EVIDENCE_LENGTH);
            _addEvidence(disputeId, dispute, evidence);
        }
        emit DisputeJoined(disputeId, msg.sender, dispute.bond);
        _postBond(disputeId, dispute);
    }

    /// @notice Add evidence to an open dispute before its deadline (anyone, for or against the proposal).
    function addEvidence(uint256 disputeId, string calldata evidence) external {
        Dispute storage dispute = _disputeTakingSubmissions(disputeId);
        _checkText("evidence", evidence, MAX_EVIDENCE_LENGTH);
        _addEvidence(disputeId, dispute, evidence);
    }

    /// @notice A ruling by an expert who sat on the panel when the dispute was filed (a member added later does not
    /// rule on it; one removed since still may), holding the stake the dispute requires (`expertStake()` when it was
    /// filed). The dispute's `rulingQuorum`-th matching ruling (also fixed at filing) decides it. So a panel change
    /// landing during the dispute neither packs nor disarms the panel that judges it. Never by a challenger.
    function castRuling(uint256 disputeId, bool uphold, string calldata reason) external nonReentrant {
        Dispute storage dispute = _disputeAt(disputeId);
        if (!_satAtFiling(msg.sender, dispute)) {
            if (!isPanelMember(msg.sender)) revert NotPanelMember(msg.sender);
            revert NotOnPanelAtFiling(disputeId, msg.sender);
        }
        if (dispute.status != Status.Open) revert DisputeNotOpen(disputeId, dispute.status);
        if (block.timestamp > dispute.deadline) revert AdjudicationClosed(disputeId, dispute.deadline);
        if (bondOf[disputeId][msg.sender] != 0) revert ChallengerCannotRule(disputeId, msg.sender);
        if (stakeOf[msg.sender] < dispute.expertStake) {
            revert InsufficientStake(msg.sender, stakeOf[msg.sender], dispute.expertStake);
        }
        if (rulingOf[disputeId][msg.sender] != Ruling.None) revert AlreadyRuled(disputeId, msg.sender);
        _checkText("reason", reason, MAX_REASON_LENGTH);

        rulingOf[disputeId][msg.sender] = uphold ? Ruling.Uphold : Ruling.Reject;
        stakeLockedUntil[msg.sender] = block.timestamp + STAKE_LOCK_AFTER_RULING;
        uint256 matching = uphold ? ++dispute.upholdCount : ++dispute.rejectCount;
        emit RulingCast(disputeId, msg.sender, uphold, reason);

        if (matching >= dispute.rulingQuorum) _resolve(disputeId, dispute, uphold ? Status.Upheld : Status.Rejected);
    }

    /// @notice Close a dispute the panel did not decide by its deadline (anyone): the bonds are refunded, and every
    /// current member who sat on the panel since the filing without ruling is recorded as idle (`PanelMemberIdle`,
    /// `idleMembers`), a ground for `slashExpert`; their stake stays locked for `STAKE_LOCK_AFTER_RULING`.
    function resolveTimeout(uint256 disputeId) external nonReentrant {
        Dispute storage dispute = _openDispute(disputeId);
        if (block.timestamp <= dispute.deadline) revert AdjudicationNotOver(disputeId, dispute.deadline);
        for (uint256 i = 0; i < _panel.length; ++i) {
            address expert = _panel[i];
            if (!_satAtFiling(expert, dispute) || rulingOf[disputeId][expert] != Ruling.None) continue;
            _idleMembers[disputeId].push(expert);
            wasIdle[disputeId][expert] = true;
            ++missedTimeouts[expert];
            uint256 lockedUntil = block.timestamp + STAKE_LOCK_AFTER_RULING;
            if (stakeLockedUntil[expert] < lockedUntil) stakeLockedUntil[expert] = lockedUntil;
            emit PanelMemberIdle(disputeId, expert);
        }
        _resolve(disputeId, dispute, Status.TimedOut);
    }

    /// @notice Pay out everything owed to the caller: bonds refunded and rewards of every resolved dispute they
    /// posted a bond on.
    function withdraw() external nonReentrant returns (uint256 amount) {
        uint256[] storage disputeIds = _unsettled[msg.sender];
        for (uint256 i = disputeIds.length; i > 0; --i) {
            uint256 disputeId = disputeIds[i - 1];
            Dispute storage dispute = _disputes[disputeId - 1];
            if (dispute.status == Status.Open) continue;
            amount += _payoutOf(dispute, bondOf[disputeId][msg.sender]);
            disputeIds[i - 1] = disputeIds[disputeIds.length - 1];
            disputeIds.pop();
        }
        if (amount == 0) revert NothingToWithdraw(msg.sender);
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

    /// @notice Slash up to `amount` of an expert's stake (all of it if it holds less) to the treasury and remove
    /// them from the panel, on a ground the module recorded: a ruling they cast on `disputeId` (malicious or
    /// negligent), or their idleness on `disputeId` when it timed out. Lowers the ruling quorum to the panel left when
    /// the removal would leave it below.
    function slashExpert(address expert, uint256 amount, SlashGround ground, uint256 disputeId, string calldata reason)
        external
        onlyOwner
        nonReentrant
    {
        if (amount == 0) revert InvalidAmount();
        _checkText("reason", reason, MAX_REASON_LENGTH);
        bool grounded = ground == SlashGround.IdleOnTimeout
            ? wasIdle[disputeId][expert]
            : rulingOf[disputeId][expert] != Ruling.None;
        if (!grounded) revert NoGroundToSlash(expert, ground, disputeId);

        uint256 slashed = amount < stakeOf[expert] ? amount : stakeOf[expert];
        stakeOf[expert] -= slashed;
        totalStaked -= slashed;
        if (isPanelMember(expert)) {
            _removePanelMember(expert);
            uint256 panelSize = _panel.length;
            if (rulingQuorum > panelSize && panelSize > 0) {
                emit SettingChanged("rulingQuorum", rulingQuorum, panelSize);
                rulingQuorum = panelSize;
            }
        }
        emit ExpertSlashed(expert, slashed, ground, disputeId, reason);
        if (slashed != 0) token.safeTransfer(owner(), slashed);
    }

    function addPanelMember(address expert, string calldata profile) external onlyOwner {
        _addPanelMember(expert, profile);
    }

    /// @notice Remove a member; refused when fewer members than the ruling quorum would be left (lower it first, in
    /// the same proposal).
    function removePanelMember(address expert) external onlyOwner {
        if (!isPanelMember(expert)) revert NotPanelMember(expert);
        if (_panel.length - 1 < rulingQuorum) revert PanelBelowQuorum(_panel.length - 1, rulingQuorum);
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

    function governor() external view returns (address) {
        return address(_governor);
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC165, IERC165) returns (bool) {
        return interfaceId == type(IDisputeModule).interfaceId || super.supportsInterface(interfaceId);
    }

    function isBlocking(uint256 proposalId) external view returns (bool) {
        uint256 disputeId = disputeOf[proposalId];
        return disputeId != 0 && _disputes[disputeId - 1].status == Status.Open;
    }

    /// @notice What `withdraw()` would pay `account` now.
    function claimable(address account) external view returns (uint256 amount) {
        uint256[] storage disputeIds = _unsettled[account];
        for (uint256 i = 0; i < disputeIds.length; ++i) {
            Dispute storage dispute = _disputes[disputeIds[i] - 1];
            if (dispute.status != Status.Open) amount += _payoutOf(dispute, bondOf[disputeIds[i]][account]);
        }
    }

    function getDispute(uint256 disputeId) external view returns (Dispute memory) {
        return _disputeAt(disputeId);
    }

    function disputeCount() external view returns (uint256) {
        return _disputes.length;
    }

    /// @notice The members recorded idle when the dispute timed out.
    function idleMembers(uint256 disputeId) external view returns (address[] memory) {
        return _idleMembers[disputeId];
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
        uint256 totalBond = dispute.totalBond;
        bondsHeld -= totalBond;
        uint256 proposalId = dispute.proposalId;

        if (status == Status.Upheld) {
            uint256 available = rewardAmount < rewardPool ? rewardAmount : rewardPool;
            // Shared equally: what does not divide evenly stays in the pool.
            uint256 reward = available - available % dispute.challengerCount;
            rewardPool -= reward;
            dispute.reward = reward;
            totalClaimable += totalBond + reward;
            emit DisputeResolved(disputeId, proposalId, status, reward);
            // Cancel only what still sits in the timelock: the guardian may have canceled it meanwhile, or it may have
            // left the timelock some other way (an executor or canceller granted by governance acting on the
            // timelock directly). The ruling stands either way.
            if (_governor.state(proposalId) == IGovernor.ProposalState.Queued) _governor.cancel(proposalId);
        } else if (status == Status.Rejected) {
            emit DisputeResolved(disputeId, proposalId, status, 0);
            token.safeTransfer(owner(), totalBond);
        } else {
            totalClaimable += totalBond;
            emit DisputeResolved(disputeId, proposalId, status, 0);
        }
    }

    /// @dev What a resolved dispute pays one of its challengers.
    function _payoutOf(Dispute storage dispute, uint256 bondPosted) private view returns (uint256) {
        if (dispute.status == Status.Upheld) return bondPosted + dispute.reward / dispute.challengerCount;
        if (dispute.status == Status.TimedOut) return bondPosted;
        return 0;
    }

    function _postBond(uint256 disputeId, Dispute storage dispute) private {
        uint256 amount = dispute.bond;
        bondOf[disputeId][msg.sender] = amount;
        _unsettled[msg.sender].push(disputeId);
        ++dispute.challengerCount;
        dispute.totalBond += amount;
        bondsHeld += amount;
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    function _addEvidence(uint256 disputeId, Dispute storage dispute, string calldata evidence) private {
        ++dispute.evidenceCount;
        emit EvidenceAdded(disputeId, msg.sender, evidence);
    }

    /// @dev Judges do not challenge (a member with a bond could not rule, and would block the quorum while dodging
    /// the idle record), and a module the governor replaced takes no new bonds: it could never cancel.
    function _checkChallenger() private view {
        if (isPanelMember(msg.sender)) revert PanelMemberCannotChallenge(msg.sender);
        address current = _governor.disputeModule();
        if (current != address(this)) revert ModuleReplaced(current);
    }

    /// @dev Whether `expert` sat on the panel when the dispute was filed (and may rule on it).
    function _satAtFiling(address expert, Dispute storage dispute) private view returns (bool) {
        PanelSeat memory seat = panelSeat[expert];
        return seat.since != 0 && seat.since <= dispute.filedAt && (seat.until == 0 || seat.until > dispute.filedAt);
    }

    /// @dev An open dispute before its deadline: it takes evidence and co-challengers.
    function _disputeTakingSubmissions(uint256 disputeId) private view returns (Dispute storage dispute) {
        dispute = _openDispute(disputeId);
        if (block.timestamp > dispute.deadline) revert AdjudicationClosed(disputeId, dispute.deadline);
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
        panelSeat[expert] = PanelSeat(uint64(block.timestamp), 0);
        emit PanelMemberAdded(expert, profile);
    }

    function _removePanelMember(address expert) private {
        uint256 size = _panel.length;
        for (uint256 i = 0; i < size; ++i) {
            if (_panel[i] == expert) {
                _panel[i] = _panel[size - 1];
                _panel.pop();
                break;
            }
        }
        delete panelProfile[expert];
        panelSeat[expert].until = uint64(block.timestamp);
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
