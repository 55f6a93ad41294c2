// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor, Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {PlenumGovernor} from "../src/PlenumGovernor.sol";
import {DisputeModule, IDisputableGovernor} from "../src/DisputeModule.sol";
import {NetworkParameters} from "../src/NetworkParameters.sol";
import {IDisputePanelAdmin} from "../src/PanelCalls.sol";

// ==================================================================== reentrancy doubles

interface ITokenReceiver {
    function onTokenReceived(address from, uint256 amount) external;
}

/// @dev An ERC20 that calls the recipient back on every transfer into a contract (ERC777-style), except when a
/// contract pulls tokens into itself with transferFrom (the module collecting bonds, stakes and rewards).
contract HookedToken is ERC20 {
    constructor() ERC20("Hooked", "HOOK") {
        _mint(msg.sender, 1e30);
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (to.code.length > 0 && to != msg.sender) ITokenReceiver(to).onTokenReceived(from, value);
    }
}

/// @dev A governor whose proposal states, ETAs and targets the test sets by hand.
contract MockGovernor is IDisputableGovernor {
    mapping(uint256 proposalId => IGovernor.ProposalState) private _states;
    mapping(uint256 proposalId => uint256) private _etas;
    mapping(uint256 proposalId => address[]) private _targets;
    uint256 public cancelCalls;

    function setTargets(uint256 proposalId, address[] calldata targets) external {
        _targets[proposalId] = targets;
    }

    function proposalDetails(uint256 proposalId)
        external
        view
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas, bytes32 descriptionHash)
    {
        targets = _targets[proposalId];
        values = new uint256[](targets.length);
        calldatas = new bytes[](targets.length);
        descriptionHash = keccak256(abi.encode(proposalId));
    }

    function setProposal(uint256 proposalId, IGovernor.ProposalState proposalState, uint256 eta) external {
        _states[proposalId] = proposalState;
        _etas[proposalId] = eta;
    }

    function state(uint256 proposalId) external view returns (IGovernor.ProposalState) {
        return _states[proposalId];
    }

    function proposalEta(uint256 proposalId) external view returns (uint256) {
        return _etas[proposalId];
    }

    function cancel(uint256 proposalId) external {
        ++cancelCalls;
        _states[proposalId] = IGovernor.ProposalState.Canceled;
    }

    address public disputeModule;

    function setDisputeModule(address module) external {
        disputeModule = module;
    }
}

/// @dev Files a dispute, and when paid out, tries to withdraw again from inside the token's callback.
contract ReentrantChallenger is ITokenReceiver {
    DisputeModule private immutable _module;
    IERC20 private immutable _token;
    bool private _armed;
    uint256 public reentryAttempts;
    uint256 public reentrantPayout;
    bytes public reentryError;

    constructor(DisputeModule module_, IERC20 token_) {
        _module = module_;
        _token = token_;
    }

    function fileDispute(uint256 proposalId) external returns (uint256) {
        _token.approve(address(_module), _module.bond());
        return _module.fileDispute(proposalId, "The proposal drains the treasury");
    }

    function attack() external returns (uint256 paid) {
        _armed = true;
        paid = _module.withdraw();
        _armed = false;
    }

    function onTokenReceived(address, uint256) external {
        if (!_armed || msg.sender != address(_token)) return;
        _armed = false; // one nested attempt is enough to prove the point
        ++reentryAttempts;
        try _module.withdraw() returns (uint256 amount) {
            reentrantPayout += amount;
        } catch (bytes memory err) {
            reentryError = err;
        }
    }
}

// ==================================================================== tests

contract DisputeModuleTest is PlenumFixture {
    string internal constant EVIDENCE = "Raises the inference fee tenfold; see the pricing analysis";
    IDisputePanelAdmin.SlashGround internal constant MALICIOUS = IDisputePanelAdmin.SlashGround.MaliciousRuling;
    IDisputePanelAdmin.SlashGround internal constant NEGLIGENT = IDisputePanelAdmin.SlashGround.NegligentRuling;

    // ---------------------------------------------------------------- local helpers

    function _queuedProposal(string memory description) internal returns (Proposal memory p) {
        p = _setParameterProposal(params.INFERENCE_FEE(), 2e18, description);
        _proposeAndQueue(p);
    }

    function _disputedProposal(string memory description) internal returns (Proposal memory p, uint256 disputeId) {
        p = _queuedProposal(description);
        disputeId = _fileDispute(p);
    }

    function _approveBond(address account, uint256 amount) internal {
        vm.prank(account);
        token.approve(address(disputes), amount);
    }

    function _fundPool(uint256 amount) internal {
        token.approve(address(disputes), amount);
        disputes.fundRewards(amount);
    }

    function _status(uint256 disputeId) internal view returns (DisputeModule.Status) {
        return disputes.getDispute(disputeId).status;
    }

    function _assertStatus(uint256 disputeId, DisputeModule.Status expected, string memory message) internal view {
        assertEq(uint256(_status(disputeId)), uint256(expected), message);
    }

    function _assertProposalState(uint256 proposalId, IGovernor.ProposalState expected, string memory message)
        internal
        view
    {
        assertEq(uint256(governor.state(proposalId)), uint256(expected), message);
    }

    /// @dev Every PLM the module holds is owed to someone: open bonds, payouts, the reward pool, stakes.
    function _assertBooks() internal view {
        assertEq(
            token.balanceOf(address(disputes)),
            disputes.bondsHeld() + disputes.totalClaimable() + disputes.rewardPool() + disputes.totalStaked(),
            "module balance == bondsHeld + totalClaimable + rewardPool + totalStaked"
        );
    }

    function _salt(Proposal memory p) internal view returns (bytes32) {
        return bytes32(bytes20(address(governor))) ^ p.descriptionHash;
    }

    function _opId(Proposal memory p) internal view returns (bytes32) {
        return timelock.hashOperationBatch(p.targets, p.values, p.calldatas, bytes32(0), _salt(p));
    }

    address internal constant SOLE_PANELIST = address(0x5E1);
    address internal constant STANDALONE_TREASURY = address(0x7EA5);

    /// @dev A module over a token with transfer hooks and a mock governor, whose one staked panelist decides alone.
    function _standaloneModule() internal returns (HookedToken hooked, MockGovernor mockGovernor, DisputeModule module) {
        hooked = new HookedToken();
        mockGovernor = new MockGovernor();
        address[] memory panel = new address[](1);
        panel[0] = SOLE_PANELIST;
        string[] memory profiles = new string[](1);
        profiles[0] = "Sole panelist";
        module = new DisputeModule(
            IERC20(address(hooked)),
            mockGovernor,
            STANDALONE_TREASURY,
            DisputeModule.Settings(BOND, REWARD, ADJUDICATION_PERIOD, 1, EXPERT_STAKE),
            panel,
            profiles
        );
        mockGovernor.setDisputeModule(address(module));
        hooked.transfer(SOLE_PANELIST, EXPERT_STAKE);
        vm.startPrank(SOLE_PANELIST);
        hooked.approve(address(module), EXPERT_STAKE);
        module.depositStake(EXPERT_STAKE);
        vm.stopPrank();
    }

    function _text(uint256 length) internal pure returns (string memory) {
        bytes memory b = new bytes(length);
        for (uint256 i = 0; i < length; ++i) b[i] = "x";
        return string(b);
    }

    function _outOfBounds(bytes32 setting, uint256 value, uint256 min, uint256 max)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encodeWithSelector(DisputeModule.SettingOutOfBounds.selector, setting, value, min, max);
    }

    function _invalidText(bytes32 field, uint256 length, uint256 max) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(DisputeModule.InvalidText.selector, field, length, max);
    }

    // ---------------------------------------------------------------- filing

    function test_filingTakesTheBondAndFreezesTheProposal() public {
        Proposal memory p = _queuedProposal("# Tenfold fee");
        uint256 challengerBefore = token.balanceOf(challenger);
        uint256 deadline = block.timestamp + ADJUDICATION_PERIOD;

        _approveBond(challenger, BOND);
        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.DisputeFiled(1, p.id, challenger, BOND, deadline);
        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.EvidenceAdded(1, challenger, EVIDENCE);
        vm.prank(challenger);
        uint256 disputeId = disputes.fileDispute(p.id, EVIDENCE);

        assertEq(disputeId, 1, "ids start at 1");
        assertEq(disputes.disputeOf(p.id), 1, "indexed by proposal");
        assertEq(disputes.disputeCount(), 1, "count");
        DisputeModule.Dispute memory d = disputes.getDispute(disputeId);
        assertEq(d.proposalId, p.id, "proposal");
        assertEq(d.challenger, challenger, "challenger");
        assertEq(d.filedAt, block.timestamp, "filed at");
        assertEq(d.deadline, deadline, "deadline");
        assertEq(d.bond, BOND, "bond");
        assertEq(d.totalBond, BOND, "total bond");
        assertEq(d.challengerCount, 1, "one challenger");
        assertEq(d.evidenceCount, 1, "one piece of evidence");
        assertEq(disputes.bondOf(disputeId, challenger), BOND, "the challenger's bond");
        assertEq(uint256(d.status), uint256(DisputeModule.Status.Open), "open");
        assertEq(d.rulingQuorum, RULING_QUORUM, "ruling quorum snapshot");

        assertTrue(disputes.isBlocking(p.id), "blocking");
        assertEq(disputes.openDisputeCount(), 1, "one open dispute");
        assertEq(disputes.bondsHeld(), BOND, "bond held");
        assertEq(token.balanceOf(challenger), challengerBefore - BOND, "bond taken from the challenger");
        _assertBooks();
    }

    function test_onlyQueuedProposalsCanBeDisputed() public {
        Proposal memory p = _setParameterProposal(params.INFERENCE_FEE(), 2e18, "# Every state");
        _approveBond(challenger, type(uint256).max);

        _propose(p, alice);
        vm.expectRevert(
            abi.encodeWithSelector(DisputeModule.ProposalNotQueued.selector, p.id, IGovernor.ProposalState.Pending)
        );
        vm.prank(challenger);
        disputes.fileDispute(p.id, EVIDENCE);

        _waitForSnapshot(p);
        vm.expectRevert(
            abi.encodeWithSelector(DisputeModule.ProposalNotQueued.selector, p.id, IGovernor.ProposalState.Active)
        );
        vm.prank(challenger);
        disputes.fileDispute(p.id, EVIDENCE);

        _vote(p, alice, FOR);
        _waitForDeadline(p);
        vm.expectRevert(
            abi.encodeWithSelector(DisputeModule.ProposalNotQueued.selector, p.id, IGovernor.ProposalState.Succeeded)
        );
        vm.prank(challenger);
        disputes.fileDispute(p.id, EVIDENCE);

        _queue(p);
        _waitForEta(p);
        _execute(p);
        vm.expectRevert(
            abi.encodeWithSelector(DisputeModule.ProposalNotQueued.selector, p.id, IGovernor.ProposalState.Executed)
        );
        vm.prank(challenger);
        disputes.fileDispute(p.id, EVIDENCE);

        Proposal memory canceled = _setParameterProposal(params.INFERENCE_FEE(), 1e18, "# Canceled");
        _proposeAndQueue(canceled);
        vm.prank(guardian);
        governor.cancel(canceled.id);
        vm.expectRevert(
            abi.encodeWithSelector(
                DisputeModule.ProposalNotQueued.selector, canceled.id, IGovernor.ProposalState.Canceled
            )
        );
        vm.prank(challenger);
        disputes.fileDispute(canceled.id, EVIDENCE);

        Proposal memory defeated = _setParameterProposal(params.INFERENCE_FEE(), 1.5e18, "# Defeated");
        _propose(defeated, alice);
        _waitForSnapshot(defeated);
        _vote(defeated, alice, AGAINST);
        _waitForDeadline(defeated);
        vm.expectRevert(
            abi.encodeWithSelector(
                DisputeModule.ProposalNotQueued.selector, defeated.id, IGovernor.ProposalState.Defeated
            )
        );
        vm.prank(challenger);
        disputes.fileDispute(defeated.id, EVIDENCE);

        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorNonexistentProposal.selector, 12345));
        vm.prank(challenger);
        disputes.fileDispute(12345, EVIDENCE);

        assertEq(disputes.disputeCount(), 0, "nothing was filed");
    }

    function test_challengeWindowClosesAtTheEta() public {
        Proposal memory p = _queuedProposal("# Late challenge");
        uint256 eta = governor.proposalEta(p.id);
        _approveBond(challenger, type(uint256).max);

        vm.warp(eta);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.ChallengeWindowClosed.selector, p.id, eta));
        vm.prank(challenger);
        disputes.fileDispute(p.id, EVIDENCE);

        vm.warp(eta + 3 days);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.ChallengeWindowClosed.selector, p.id, eta));
        vm.prank(challenger);
        disputes.fileDispute(p.id, EVIDENCE);

        Proposal memory q = _queuedProposal("# Challenged in the last second");
        vm.warp(governor.proposalEta(q.id) - 1);
        vm.prank(challenger);
        disputes.fileDispute(q.id, EVIDENCE);
        assertTrue(disputes.isBlocking(q.id), "one second before the eta is still in time");
    }

    function test_oneDisputePerProposalEvenAfterRejection() public {
        (Proposal memory p, uint256 disputeId) = _disputedProposal("# Contested twice");
        bytes memory alreadyFiled =
            abi.encodeWithSelector(DisputeModule.DisputeAlreadyFiled.selector, p.id, disputeId);

        _approveBond(carol, BOND);
        vm.expectRevert(alreadyFiled);
        vm.prank(carol);
        disputes.fileDispute(p.id, "Another angle");

        _rule(disputeId, expert1, false);
        _rule(disputeId, expert2, false);
        _assertStatus(disputeId, DisputeModule.Status.Rejected, "rejected");
        _assertProposalState(p.id, IGovernor.ProposalState.Queued, "still queued");
        assertTrue(block.timestamp < governor.proposalEta(p.id), "still inside the challenge window");

        vm.expectRevert(alreadyFiled);
        vm.prank(carol);
        disputes.fileDispute(p.id, "Another angle");
        assertEq(disputes.disputeCount(), 1, "only the first dispute exists");
    }

    function test_evidenceMustBeNonEmptyAndBounded() public {
        Proposal memory p = _queuedProposal("# Evidence limits");
        uint256 max = disputes.MAX_EVIDENCE_LENGTH();
        _approveBond(challenger, BOND);

        vm.expectRevert(_invalidText("evidence", 0, max));
        vm.prank(challenger);
        disputes.fileDispute(p.id, "");

        string memory tooLong = _text(max + 1);
        vm.expectRevert(_invalidText("evidence", max + 1, max));
        vm.prank(challenger);
        disputes.fileDispute(p.id, tooLong);

        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.EvidenceAdded(1, challenger, _text(max));
        vm.prank(challenger);
        disputes.fileDispute(p.id, _text(max));
    }

    // ---------------------------------------------------------------- ruling

    function test_reasonMustBeNonEmptyAndBounded() public {
        (, uint256 disputeId) = _disputedProposal("# Reason limits");
        uint256 max = disputes.MAX_REASON_LENGTH();

        vm.expectRevert(_invalidText("reason", 0, max));
        vm.prank(expert1);
        disputes.castRuling(disputeId, true, "");

        string memory tooLong = _text(max + 1);
        vm.expectRevert(_invalidText("reason", max + 1, max));
        vm.prank(expert1);
        disputes.castRuling(disputeId, true, tooLong);

        vm.prank(expert1);
        disputes.castRuling(disputeId, true, _text(max));
        assertEq(uint256(disputes.rulingOf(disputeId, expert1)), uint256(DisputeModule.Ruling.Uphold), "ruled");
    }

    function test_unknownDisputeIdsAreRejected() public {
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.UnknownDispute.selector, 0));
        disputes.getDispute(0);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.UnknownDispute.selector, 1));
        disputes.getDispute(1);

        _disputedProposal("# One dispute");
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.UnknownDispute.selector, 0));
        vm.prank(expert1);
        disputes.castRuling(0, true, "No such dispute");
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.UnknownDispute.selector, 2));
        vm.prank(expert1);
        disputes.castRuling(2, true, "No such dispute");
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.UnknownDispute.selector, 2));
        disputes.resolveTimeout(2);
        assertFalse(disputes.isBlocking(12345), "an undisputed id blocks nothing");
    }

    function test_onlyPanelMembersRule() public {
        (, uint256 disputeId) = _disputedProposal("# Outsider ruling");
        address[3] memory callers = [outsider, guardian, challenger];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(DisputeModule.NotPanelMember.selector, callers[i]));
            vm.prank(callers[i]);
            disputes.castRuling(disputeId, true, "I am not on the panel");
        }
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.NotPanelMember.selector, address(timelock)));
        vm.prank(address(timelock));
        disputes.castRuling(disputeId, true, "Even the owner does not rule");
    }

    function test_anExpertRulesOnlyOnce() public {
        (, uint256 disputeId) = _disputedProposal("# Ruling twice");
        _rule(disputeId, expert1, true);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.AlreadyRuled.selector, disputeId, expert1));
        _rule(disputeId, expert1, true);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.AlreadyRuled.selector, disputeId, expert1));
        _rule(disputeId, expert1, false);
        DisputeModule.Dispute memory d = disputes.getDispute(disputeId);
        assertEq(d.upholdCount, 1, "one uphold");
        assertEq(d.rejectCount, 0, "no reject");
        _assertStatus(disputeId, DisputeModule.Status.Open, "one ruling does not decide");
    }

    function test_underStakedMembersCannotRule() public {
        address expert4 = address(0xE4);
        vm.prank(address(timelock));
        disputes.addPanelMember(expert4, "Inference hardware auditor");
        (, uint256 disputeId) = _disputedProposal("# New member ruling");

        vm.expectRevert(abi.encodeWithSelector(DisputeModule.InsufficientStake.selector, expert4, 0, EXPERT_STAKE));
        _rule(disputeId, expert4, true);

        _fund(expert4, EXPERT_STAKE);
        vm.startPrank(expert4);
        token.approve(address(disputes), EXPERT_STAKE);
        disputes.depositStake(EXPERT_STAKE - 1);
        vm.stopPrank();
        vm.expectRevert(
            abi.encodeWithSelector(DisputeModule.InsufficientStake.selector, expert4, EXPERT_STAKE - 1, EXPERT_STAKE)
        );
        _rule(disputeId, expert4, true);

        vm.prank(expert4);
        disputes.depositStake(1);
        _rule(disputeId, expert4, true);
        assertEq(disputes.getDispute(disputeId).upholdCount, 1, "a fully staked member rules");
    }

    function test_rulingsCloseAtTheDeadlineAndTimeoutsOpenAfterIt() public {
        (, uint256 disputeId) = _disputedProposal("# Deadline");
        uint256 deadline = disputes.getDispute(disputeId).deadline;

        vm.warp(deadline);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.AdjudicationNotOver.selector, disputeId, deadline));
        disputes.resolveTimeout(disputeId);
        _rule(disputeId, expert1, true); // the deadline itself still takes rulings

        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.AdjudicationClosed.selector, disputeId, deadline));
        _rule(disputeId, expert2, true);

        disputes.resolveTimeout(disputeId);
        _assertStatus(disputeId, DisputeModule.Status.TimedOut, "timed out");
    }

    function test_aDecidedDisputeTakesNoMoreRulingsOrTimeouts() public {
        (, uint256 disputeId) = _disputedProposal("# Decided");
        _rule(disputeId, expert1, true);
        _rule(disputeId, expert2, true);

        bytes memory notOpen = abi.encodeWithSelector(
            DisputeModule.DisputeNotOpen.selector, disputeId, DisputeModule.Status.Upheld
        );
        vm.expectRevert(notOpen);
        _rule(disputeId, expert3, false);
        vm.warp(block.timestamp + ADJUDICATION_PERIOD + 1);
        vm.expectRevert(notOpen);
        disputes.resolveTimeout(disputeId);
        _assertStatus(disputeId, DisputeModule.Status.Upheld, "the ruling stands");
    }

    function test_splitPanelIsDecidedByTheQuorumthMatchingRuling() public {
        (Proposal memory p, uint256 disputeId) = _disputedProposal("# Split panel");
        _rule(disputeId, expert1, true);
        _rule(disputeId, expert2, false);
        _assertStatus(disputeId, DisputeModule.Status.Open, "1-1 decides nothing");
        assertTrue(disputes.isBlocking(p.id), "still frozen");
        _rule(disputeId, expert3, true);
        _assertStatus(disputeId, DisputeModule.Status.Upheld, "the second uphold decides");
        _assertProposalState(p.id, IGovernor.ProposalState.Canceled, "canceled");
    }

    /// @dev Judges do not challenge: a member with a bond could not rule, so it would block the quorum while
    /// dodging the idle record.
    function test_panelMembersCannotChallenge() public {
        Proposal memory p = _queuedProposal("# Filed by an expert");
        _fund(expert3, BOND);
        vm.startPrank(expert3);
        token.approve(address(disputes), BOND);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.PanelMemberCannotChallenge.selector, expert3));
        disputes.fileDispute(p.id, EVIDENCE);
        vm.stopPrank();
        assertEq(disputes.disputeCount(), 0, "nothing filed");
    }

    /// @dev Who rules is who sat on the panel at filing: a challenger made a member afterwards does not rule on its
    /// own dispute, nor does any member added after the filing.
    function test_onlyMembersSeatedAtFilingRule() public {
        (Proposal memory p, uint256 disputeId) = _disputedProposal("# Self-judged");
        vm.warp(block.timestamp + 1 hours);
        vm.startPrank(address(timelock));
        disputes.addPanelMember(challenger, "Inference market analyst");
        disputes.addPanelMember(address(0xE4), "Joined during the dispute");
        vm.stopPrank();
        _depositSurplus(challenger, EXPERT_STAKE);
        _depositSurplus(address(0xE4), EXPERT_STAKE);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.NotOnPanelAtFiling.selector, disputeId, challenger));
        _rule(disputeId, challenger, true);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.NotOnPanelAtFiling.selector, disputeId, address(0xE4)));
        _rule(disputeId, address(0xE4), true);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.NotPanelMember.selector, outsider));
        vm.prank(outsider);
        disputes.castRuling(disputeId, true, "Not on the panel");

        _rule(disputeId, expert1, true);
        _rule(disputeId, expert2, true);
        _assertStatus(disputeId, DisputeModule.Status.Upheld, "the panel seated at filing decides");
        _assertProposalState(p.id, IGovernor.ProposalState.Canceled, "canceled");

        // On a dispute filed after they joined, the new members rule as usual.
        Proposal memory q = _queuedProposal("# Carol's challenge");
        _approveBond(carol, BOND);
        vm.prank(carol);
        uint256 carols = disputes.fileDispute(q.id, EVIDENCE);
        _rule(carols, challenger, false);
        assertEq(disputes.getDispute(carols).rejectCount, 1, "ruled on a later dispute");
    }

    function test_rulingQuorumIsSnapshotAtFiling() public {
        Proposal memory p = _setParameterProposal(params.INFERENCE_FEE(), 2e18, "# Filed under quorum 2");
        Proposal memory q = _setParameterProposal(params.INFERENCE_FEE(), 1e18, "# Filed under quorum 1");
        _propose(p, alice);
        _propose(q, alice);
        _waitForSnapshot(p);
        _vote(p, alice, FOR);
        _vote(q, alice, FOR);
        _waitForDeadline(p);
        _queue(p);
        _queue(q);

        uint256 first = _fileDispute(p);
        assertEq(disputes.getDispute(first).rulingQuorum, RULING_QUORUM, "snapshot");
        vm.prank(address(timelock));
        disputes.setRulingQuorum(1);
        uint256 second = _fileDispute(q);
        assertEq(disputes.getDispute(second).rulingQuorum, 1, "the next dispute takes the new quorum");

        _rule(first, expert1, true);
        _assertStatus(first, DisputeModule.Status.Open, "one ruling does not decide a quorum-2 dispute");
        assertTrue(disputes.isBlocking(p.id), "still frozen");
        _rule(second, expert1, false);
        _assertStatus(second, DisputeModule.Status.Rejected, "one ruling decides a quorum-1 dispute");

        // Raising the quorum later does not move the bar for the dispute already filed.
        vm.prank(address(timelock));
        disputes.setRulingQuorum(3);
        _rule(first, expert2, true);
        _assertStatus(first, DisputeModule.Status.Upheld, "the second matching ruling decides, as at filing");
        _assertProposalState(p.id, IGovernor.ProposalState.Canceled, "canceled");
        assertEq(disputes.getDispute(first).rulingQuorum, RULING_QUORUM, "snapshot unchanged");
        _assertBooks();
    }

    // ---------------------------------------------------------------- outcomes

    function test_upholdCancelsThroughTheGovernorAndPaysBondPlusReward() public {
        _fundPool(20_000e18);
        (Proposal memory p, uint256 disputeId) = _disputedProposal("# Harmful fee");
        bytes32 opId = _opId(p);
        uint256 challengerBefore = token.balanceOf(challenger);
        _rule(disputeId, expert1, true);

        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.DisputeResolved(disputeId, p.id, DisputeModule.Status.Upheld, REWARD);
        vm.expectEmit(true, true, true, true, address(governor));
        emit IGovernor.ProposalCanceled(p.id);
        vm.expectEmit(true, true, true, true, address(timelock));
        emit TimelockController.Cancelled(opId);
        _rule(disputeId, expert2, true);

        _assertStatus(disputeId, DisputeModule.Status.Upheld, "upheld");
        _assertProposalState(p.id, IGovernor.ProposalState.Canceled, "canceled");
        assertFalse(timelock.isOperation(opId), "timelock operation canceled");
        assertFalse(disputes.isBlocking(p.id), "nothing left to freeze");
        assertEq(disputes.getDispute(disputeId).reward, REWARD, "full reward");
        assertEq(disputes.claimable(challenger), BOND + REWARD, "bond plus reward");
        assertEq(disputes.rewardPool(), 20_000e18 - REWARD, "pool paid the reward");
        assertEq(disputes.bondsHeld(), 0, "no bond held");
        assertEq(disputes.openDisputeCount(), 0, "no open dispute");
        _assertBooks();

        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.Withdrawn(challenger, BOND + REWARD);
        vm.prank(challenger);
        assertEq(disputes.withdraw(), BOND + REWARD, "paid");
        assertEq(token.balanceOf(challenger), challengerBefore + BOND + REWARD, "challenger got bond and reward");
        _assertBooks();

        _waitForEta(p);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                p.id,
                IGovernor.ProposalState.Canceled,
                bytes32(1 << uint8(IGovernor.ProposalState.Queued))
            )
        );
        _execute(p);
    }

    function test_rewardIsCappedByAnUnderfundedPool() public {
        _fundPool(1_000e18);
        (, uint256 disputeId) = _disputedProposal("# Thin pool");
        _rule(disputeId, expert1, true);
        _rule(disputeId, expert2, true);
        assertEq(disputes.getDispute(disputeId).reward, 1_000e18, "what the pool had");
        assertEq(disputes.rewardPool(), 0, "pool emptied");
        assertEq(disputes.claimable(challenger), BOND + 1_000e18, "bond plus the capped reward");
        _assertBooks();

        // The next upheld dispute finds an empty pool and still resolves.
        Proposal memory q = _queuedProposal("# Empty pool");
        uint256 second = _fileDispute(q);
        _rule(second, expert1, true);
        _rule(second, expert3, true);
        assertEq(disputes.getDispute(second).reward, 0, "no reward from an empty pool");
        assertEq(disputes.claimable(challenger), 2 * BOND + 1_000e18, "both bonds and the one reward");
        _assertBooks();
    }

    function test_upholdStillWorksAfterTheGuardianCanceled() public {
        _fundPool(REWARD);
        (Proposal memory p, uint256 disputeId) = _disputedProposal("# Canceled meanwhile");
        vm.prank(guardian);
        governor.cancel(p.id);
        _assertProposalState(p.id, IGovernor.ProposalState.Canceled, "the guardian acted first");

        _rule(disputeId, expert1, true);
        _rule(disputeId, expert2, true);
        _assertStatus(disputeId, DisputeModule.Status.Upheld, "the panel's ruling stands");
        _assertProposalState(p.id, IGovernor.ProposalState.Canceled, "still canceled");
        assertEq(disputes.claimable(challenger), BOND + REWARD, "the challenger is paid all the same");
        assertFalse(disputes.isBlocking(p.id), "resolved");
        _assertBooks();
    }

    function test_rejectLiftsTheFreezeAndSendsTheBondToTheTreasury() public {
        (Proposal memory p, uint256 disputeId) = _disputedProposal("# Fine after all");
        uint256 treasuryBefore = token.balanceOf(address(timelock));
        _rule(disputeId, expert1, false);

        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.DisputeResolved(disputeId, p.id, DisputeModule.Status.Rejected, 0);
        _rule(disputeId, expert2, false);

        _assertStatus(disputeId, DisputeModule.Status.Rejected, "rejected");
        assertFalse(disputes.isBlocking(p.id), "freeze lifted");
        assertEq(token.balanceOf(address(timelock)), treasuryBefore + BOND, "bond went to the treasury");
        assertEq(disputes.claimable(challenger), 0, "nothing for the challenger");
        assertEq(disputes.bondsHeld(), 0, "no bond held");
        _assertBooks();

        vm.expectRevert(abi.encodeWithSelector(DisputeModule.NothingToWithdraw.selector, challenger));
        vm.prank(challenger);
        disputes.withdraw();

        vm.warp(governor.proposalEta(p.id) + 10 days); // long past the eta
        _execute(p);
        _assertProposalState(p.id, IGovernor.ProposalState.Executed, "executed");
        assertEq(params.getParameter(params.INFERENCE_FEE()), 2e18, "applied");
    }

    function test_timeoutRefundsTheBondAndLiftsTheFreeze() public {
        (Proposal memory p, uint256 disputeId) = _disputedProposal("# Panel asleep");
        _rule(disputeId, expert1, true); // one ruling short of a decision
        _waitForEta(p);
        vm.expectRevert(abi.encodeWithSelector(PlenumGovernor.ProposalDisputed.selector, p.id));
        _execute(p);

        vm.warp(disputes.getDispute(disputeId).deadline + 1);
        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.DisputeResolved(disputeId, p.id, DisputeModule.Status.TimedOut, 0);
        vm.prank(outsider); // anyone may resolve
        disputes.resolveTimeout(disputeId);

        _assertStatus(disputeId, DisputeModule.Status.TimedOut, "timed out");
        assertFalse(disputes.isBlocking(p.id), "freeze lifted");
        assertEq(disputes.claimable(challenger), BOND, "bond refunded");
        _assertBooks();

        _execute(p);
        _assertProposalState(p.id, IGovernor.ProposalState.Executed, "executed after the timeout");
    }

    function test_withdrawPaysOnce() public {
        (, uint256 disputeId) = _disputedProposal("# Pay once");
        vm.warp(block.timestamp + ADJUDICATION_PERIOD + 1);
        disputes.resolveTimeout(disputeId);
        uint256 before = token.balanceOf(challenger);

        vm.prank(challenger);
        disputes.withdraw();
        assertEq(token.balanceOf(challenger), before + BOND, "paid the bond");
        assertEq(disputes.claimable(challenger), 0, "nothing left");

        vm.expectRevert(abi.encodeWithSelector(DisputeModule.NothingToWithdraw.selector, challenger));
        vm.prank(challenger);
        disputes.withdraw();
        assertEq(token.balanceOf(challenger), before + BOND, "paid exactly once");

        vm.expectRevert(abi.encodeWithSelector(DisputeModule.NothingToWithdraw.selector, outsider));
        vm.prank(outsider);
        disputes.withdraw();
        _assertBooks();
    }

    // ---------------------------------------------------------------- amounts and stakes

    function test_zeroAndExcessiveAmountsAreRejected() public {
        bytes memory invalid = abi.encodeWithSelector(DisputeModule.InvalidAmount.selector);
        vm.expectRevert(invalid);
        disputes.fundRewards(0);
        vm.expectRevert(invalid);
        vm.prank(expert1);
        disputes.depositStake(0);
        vm.expectRevert(invalid);
        vm.prank(expert1);
        disputes.withdrawStake(0);
        vm.expectRevert(invalid);
        vm.prank(expert1);
        disputes.withdrawStake(EXPERT_STAKE + 1);

        _fundPool(1_000e18);
        vm.startPrank(address(timelock));
        vm.expectRevert(invalid);
        disputes.reclaimRewards(0);
        vm.expectRevert(invalid);
        disputes.reclaimRewards(1_000e18 + 1);
        vm.expectRevert(invalid);
        disputes.slashExpert(expert1, 0, MALICIOUS, 1, "Nothing");
        vm.stopPrank();

        assertEq(disputes.rewardPool(), 1_000e18, "pool untouched");
        assertEq(disputes.stakeOf(expert1), EXPERT_STAKE, "stake untouched");
        _assertBooks();
    }

    function _depositSurplus(address expert, uint256 amount) internal {
        _fund(expert, amount);
        vm.startPrank(expert);
        token.approve(address(disputes), amount);
        disputes.depositStake(amount);
        vm.stopPrank();
    }

    function _belowMinimum(address expert, uint256 remaining, uint256 required) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(DisputeModule.StakeBelowMinimum.selector, expert, remaining, required);
    }

    function test_stakeCannotLeaveWhileItsOwnerSitsOnAnOpenDispute() public {
        uint256 surplus = 10_000e18;
        _depositSurplus(expert3, surplus);
        (, uint256 disputeId) = _disputedProposal("# Stake frozen");
        // Not even the part above the minimum.
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.ExpertOnOpenDispute.selector, expert3));
        vm.prank(expert3);
        disputes.withdrawStake(1);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.ExpertOnOpenDispute.selector, expert3));
        vm.prank(expert3);
        disputes.withdrawStake(EXPERT_STAKE + surplus);

        _rule(disputeId, expert1, false);
        _rule(disputeId, expert2, false);
        uint256 before = token.balanceOf(expert3);
        vm.prank(expert3);
        disputes.withdrawStake(surplus);
        assertEq(token.balanceOf(expert3), before + surplus, "the surplus leaves once nothing is open");
        assertEq(disputes.totalStaked(), 3 * EXPERT_STAKE, "total staked");

        // The minimum stays while expert3 sits on the panel.
        vm.expectRevert(_belowMinimum(expert3, EXPERT_STAKE - 1, EXPERT_STAKE));
        vm.prank(expert3);
        disputes.withdrawStake(1);
        assertEq(disputes.stakeOf(expert3), EXPERT_STAKE, "the minimum stays");
        _assertBooks();
    }

    function test_stakeIsLockedFor14DaysAfterARuling() public {
        uint256 surplus = 10_000e18;
        _depositSurplus(expert1, surplus);
        _depositSurplus(expert3, surplus);
        (, uint256 disputeId) = _disputedProposal("# Lock after ruling");
        _rule(disputeId, expert1, false);
        _rule(disputeId, expert2, false);
        uint256 until = block.timestamp + disputes.STAKE_LOCK_AFTER_RULING();
        assertEq(until, block.timestamp + 14 days, "14 days");
        assertEq(disputes.stakeLockedUntil(expert1), until, "recorded");
        assertEq(disputes.openDisputeCount(), 0, "the dispute is decided");

        vm.expectRevert(abi.encodeWithSelector(DisputeModule.StakeLocked.selector, expert1, until));
        vm.prank(expert1);
        disputes.withdrawStake(1);

        vm.prank(expert3); // did not rule: free to take its surplus
        disputes.withdrawStake(surplus);

        vm.warp(until - 1);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.StakeLocked.selector, expert1, until));
        vm.prank(expert1);
        disputes.withdrawStake(1);

        vm.warp(until);
        vm.prank(expert1);
        disputes.withdrawStake(surplus);
        assertEq(disputes.stakeOf(expert1), EXPERT_STAKE, "the surplus is withdrawn after the lock");
        vm.expectRevert(_belowMinimum(expert1, EXPERT_STAKE - 1, EXPERT_STAKE));
        vm.prank(expert1);
        disputes.withdrawStake(1);
        _assertBooks();
    }

    function test_aPanelMemberNeverWithdrawsBelowTheMinimum() public {
        uint256 surplus = 10_000e18;
        _depositSurplus(expert1, surplus);

        vm.expectRevert(_belowMinimum(expert1, EXPERT_STAKE - 1, EXPERT_STAKE));
        vm.prank(expert1);
        disputes.withdrawStake(surplus + 1);
        vm.expectRevert(_belowMinimum(expert1, 0, EXPERT_STAKE));
        vm.prank(expert1);
        disputes.withdrawStake(EXPERT_STAKE + surplus);
        vm.expectRevert(_belowMinimum(expert2, 0, EXPERT_STAKE));
        vm.prank(expert2);
        disputes.withdrawStake(EXPERT_STAKE);

        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.StakeWithdrawn(expert1, surplus);
        vm.prank(expert1);
        disputes.withdrawStake(surplus);
        assertEq(disputes.stakeOf(expert1), EXPERT_STAKE, "down to exactly the minimum");

        // A raised minimum binds the stakes already there: a member below it withdraws nothing.
        vm.prank(address(timelock));
        disputes.setExpertStake(60_000e18);
        _depositSurplus(expert2, 5_000e18);
        vm.expectRevert(_belowMinimum(expert2, EXPERT_STAKE + 5_000e18 - 1, 60_000e18));
        vm.prank(expert2);
        disputes.withdrawStake(1);

        // Nobody withdraws a stake they do not have: the call only ever moves the caller's own stake.
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.InvalidAmount.selector));
        vm.prank(outsider);
        disputes.withdrawStake(1);
        assertEq(disputes.stakeOf(expert2), EXPERT_STAKE + 5_000e18, "untouched");
        _assertBooks();
    }

    function test_candidatesAndFormerMembersWithdrawTheirWholeStake() public {
        address candidate = address(0xE5);
        _depositSurplus(candidate, EXPERT_STAKE);
        (, uint256 disputeId) = _disputedProposal("# Open while they leave");

        // Not on the panel: neither the minimum nor the open dispute holds a candidate's stake.
        vm.prank(candidate);
        disputes.withdrawStake(EXPERT_STAKE);
        assertEq(disputes.stakeOf(candidate), 0, "the candidate left");

        // A member who ruled is removed: the open dispute no longer holds the stake, the lock still does.
        _rule(disputeId, expert1, true);
        uint256 until = block.timestamp + disputes.STAKE_LOCK_AFTER_RULING();
        vm.prank(address(timelock));
        disputes.removePanelMember(expert1);
        assertEq(disputes.openDisputeCount(), 1, "the dispute is still open");
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.StakeLocked.selector, expert1, until));
        vm.prank(expert1);
        disputes.withdrawStake(EXPERT_STAKE);

        // A member who never ruled leaves with the whole stake at once, open dispute or not.
        vm.prank(address(timelock));
        disputes.setRulingQuorum(1);
        vm.prank(address(timelock));
        disputes.removePanelMember(expert3);
        vm.prank(expert3);
        disputes.withdrawStake(EXPERT_STAKE);
        assertEq(disputes.stakeOf(expert3), 0, "expert3 left");

        vm.warp(until);
        vm.prank(expert1);
        disputes.withdrawStake(EXPERT_STAKE);
        assertEq(disputes.stakeOf(expert1), 0, "the former member left once the lock ran out");
        _assertBooks();
    }

    // ---------------------------------------------------------------- panel management

    function test_panelMembershipRules() public {
        vm.startPrank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.InvalidAddress.selector, address(0)));
        disputes.addPanelMember(address(0), "Nobody");
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.AlreadyPanelMember.selector, expert1));
        disputes.addPanelMember(expert1, "Again");
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.NotPanelMember.selector, outsider));
        disputes.removePanelMember(outsider);

        uint256 max = disputes.MAX_PROFILE_LENGTH();
        vm.expectRevert(_invalidText("profile", 0, max));
        disputes.addPanelMember(address(0xE4), "");
        vm.expectRevert(_invalidText("profile", max + 1, max));
        disputes.addPanelMember(address(0xE4), _text(max + 1));
        disputes.addPanelMember(address(0xE4), _text(max));
        vm.stopPrank();
        assertTrue(disputes.isPanelMember(address(0xE4)), "the longest profile fits");
    }

    function test_panelIsCappedAt15Members() public {
        uint256 maxSize = disputes.MAX_PANEL_SIZE();
        vm.startPrank(address(timelock));
        for (uint256 i = disputes.panelMembers().length; i < maxSize; ++i) {
            disputes.addPanelMember(address(uint160(0x1000 + i)), "Expert");
        }
        assertEq(disputes.panelMembers().length, maxSize, "full panel");
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.PanelFull.selector, maxSize));
        disputes.addPanelMember(address(0x2000), "One too many");
        vm.stopPrank();
    }

    function test_panelCannotShrinkBelowTheRulingQuorum() public {
        vm.startPrank(address(timelock));
        disputes.removePanelMember(expert1); // 3 -> 2, quorum 2
        assertEq(disputes.panelMembers().length, 2, "two left");

        bytes memory belowQuorum =
            abi.encodeWithSelector(DisputeModule.PanelBelowQuorum.selector, 1, RULING_QUORUM);
        vm.expectRevert(belowQuorum);
        disputes.removePanelMember(expert2);

        disputes.setRulingQuorum(1);
        disputes.removePanelMember(expert2);
        vm.stopPrank();
        assertEq(disputes.panelMembers().length, 1, "shrinks once the quorum allows it");
        assertFalse(disputes.isPanelMember(expert2), "removed");
    }

    function test_constructorRejectsMismatchedProfiles() public {
        address[] memory panel = new address[](2);
        (panel[0], panel[1]) = (expert1, expert2);
        string[] memory profiles = new string[](1);
        profiles[0] = "Only one";
        vm.expectRevert(_invalidText("profiles", 1, 2));
        new DisputeModule(
            token,
            IDisputableGovernor(address(governor)),
            address(timelock),
            DisputeModule.Settings(BOND, REWARD, ADJUDICATION_PERIOD, 1, EXPERT_STAKE),
            panel,
            profiles
        );
    }

    // ---------------------------------------------------------------- settings

    function test_everySettingIsBoundedAtBothEnds() public {
        uint256 minBond = disputes.MIN_BOND();
        uint256 maxBond = disputes.MAX_BOND();
        uint256 maxReward = disputes.MAX_REWARD();
        uint256 minPeriod = disputes.MIN_ADJUDICATION_PERIOD();
        uint256 maxPeriod = disputes.MAX_ADJUDICATION_PERIOD();
        uint256 minStake = disputes.MIN_EXPERT_STAKE();
        uint256 maxStake = disputes.MAX_EXPERT_STAKE();
        uint256 panelSize = disputes.panelMembers().length;

        vm.startPrank(address(timelock));
        vm.expectRevert(_outOfBounds("bond", minBond - 1, minBond, maxBond));
        disputes.setBond(minBond - 1);
        vm.expectRevert(_outOfBounds("bond", maxBond + 1, minBond, maxBond));
        disputes.setBond(maxBond + 1);
        disputes.setBond(minBond);
        assertEq(disputes.bond(), minBond, "lowest bond accepted");
        disputes.setBond(maxBond);
        assertEq(disputes.bond(), maxBond, "highest bond accepted");

        vm.expectRevert(_outOfBounds("rewardAmount", maxReward + 1, 0, maxReward));
        disputes.setRewardAmount(maxReward + 1);
        disputes.setRewardAmount(0); // the lower bound is zero: no reward at all
        assertEq(disputes.rewardAmount(), 0, "zero reward accepted");
        disputes.setRewardAmount(maxReward);
        assertEq(disputes.rewardAmount(), maxReward, "highest reward accepted");

        vm.expectRevert(_outOfBounds("adjudicationPeriod", minPeriod - 1, minPeriod, maxPeriod));
        disputes.setAdjudicationPeriod(minPeriod - 1);
        vm.expectRevert(_outOfBounds("adjudicationPeriod", maxPeriod + 1, minPeriod, maxPeriod));
        disputes.setAdjudicationPeriod(maxPeriod + 1);
        disputes.setAdjudicationPeriod(minPeriod);
        assertEq(disputes.adjudicationPeriod(), 1 days, "shortest period accepted");
        disputes.setAdjudicationPeriod(maxPeriod);
        assertEq(disputes.adjudicationPeriod(), 14 days, "longest period accepted");

        vm.expectRevert(_outOfBounds("rulingQuorum", 0, 1, panelSize));
        disputes.setRulingQuorum(0);
        vm.expectRevert(_outOfBounds("rulingQuorum", panelSize + 1, 1, panelSize));
        disputes.setRulingQuorum(panelSize + 1);
        disputes.setRulingQuorum(1);
        assertEq(disputes.rulingQuorum(), 1, "single expert quorum accepted");
        disputes.setRulingQuorum(panelSize);
        assertEq(disputes.rulingQuorum(), panelSize, "unanimity accepted");

        vm.expectRevert(_outOfBounds("expertStake", minStake - 1, minStake, maxStake));
        disputes.setExpertStake(minStake - 1);
        vm.expectRevert(_outOfBounds("expertStake", maxStake + 1, minStake, maxStake));
        disputes.setExpertStake(maxStake + 1);
        disputes.setExpertStake(minStake);
        assertEq(disputes.expertStake(), minStake, "lowest stake accepted");
        disputes.setExpertStake(maxStake);
        assertEq(disputes.expertStake(), maxStake, "highest stake accepted");
        vm.stopPrank();
    }

    function test_constructorChecksSettingBounds() public {
        address[] memory panel = new address[](1);
        panel[0] = expert1;
        string[] memory profiles = new string[](1);
        profiles[0] = "Expert";
        vm.expectRevert(_outOfBounds("rulingQuorum", 2, 1, 1));
        new DisputeModule(
            token,
            IDisputableGovernor(address(governor)),
            address(timelock),
            DisputeModule.Settings(BOND, REWARD, ADJUDICATION_PERIOD, 2, EXPERT_STAKE),
            panel,
            profiles
        );
    }

    // ---------------------------------------------------------------- owner-only functions

    function test_ownerFunctionsRefuseEveryoneButTheTimelock() public {
        _fundPool(10_000e18);
        (, uint256 disputeId) = _disputedProposal("# Ruled on by expert1");
        _rule(disputeId, expert1, true);
        bytes[9] memory calls = [
            abi.encodeCall(DisputeModule.slashExpert, (expert1, 1_000e18, NEGLIGENT, disputeId, "Negligent ruling")),
            abi.encodeCall(DisputeModule.addPanelMember, (address(0xE4), "Self-appointed")),
            abi.encodeCall(DisputeModule.removePanelMember, (expert2)),
            abi.encodeCall(DisputeModule.reclaimRewards, (10_000e18)),
            abi.encodeCall(DisputeModule.setBond, (100e18)),
            abi.encodeCall(DisputeModule.setRewardAmount, (0)),
            abi.encodeCall(DisputeModule.setAdjudicationPeriod, (1 days)),
            abi.encodeCall(DisputeModule.setRulingQuorum, (1)),
            abi.encodeCall(DisputeModule.setExpertStake, (1_000e18))
        ];
        address[6] memory callers = [guardian, expert1, outsider, alice, address(governor), challenger];
        for (uint256 c = 0; c < callers.length; ++c) {
            for (uint256 i = 0; i < calls.length; ++i) {
                vm.prank(callers[c]);
                (bool ok, bytes memory revertData) = address(disputes).call(calls[i]);
                assertFalse(ok, "an owner function accepted an outside call");
                assertEq(
                    keccak256(revertData),
                    keccak256(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, callers[c])),
                    "OwnableUnauthorizedAccount"
                );
            }
        }

        assertEq(disputes.stakeOf(expert1), EXPERT_STAKE, "no slash");
        assertTrue(disputes.isPanelMember(expert1) && disputes.isPanelMember(expert2), "no removal");
        assertFalse(disputes.isPanelMember(address(0xE4)), "no addition");
        assertEq(disputes.rewardPool(), 10_000e18, "no reclaim");
        assertEq(disputes.bond(), BOND, "bond");
        assertEq(disputes.rewardAmount(), REWARD, "reward");
        assertEq(disputes.adjudicationPeriod(), ADJUDICATION_PERIOD, "period");
        assertEq(disputes.rulingQuorum(), RULING_QUORUM, "quorum");
        assertEq(disputes.expertStake(), EXPERT_STAKE, "stake");

        // The same calls succeed for the timelock.
        for (uint256 i = 0; i < calls.length; ++i) {
            vm.prank(address(timelock));
            (bool ok,) = address(disputes).call(calls[i]);
            assertTrue(ok, "the timelock is the owner");
        }
        assertFalse(disputes.isPanelMember(expert1), "the timelock slashed and removed expert1");
        assertFalse(disputes.isPanelMember(expert2), "and removed expert2");
        assertTrue(disputes.isPanelMember(address(0xE4)), "and added a member");
        assertEq(disputes.rewardPool(), 0, "and reclaimed the pool");
        assertEq(disputes.expertStake(), 1_000e18, "and lowered the stake");
    }

    function test_slashingThroughGovernanceSendsTheStakeToTheTreasury() public {
        uint256 slashed = 20_000e18;
        (, uint256 ruledOn) = _disputedProposal("# Ruled on carelessly");
        _rule(ruledOn, expert1, true);
        _rule(ruledOn, expert2, true);
        Proposal memory p = _single(
            address(disputes),
            abi.encodeCall(
                DisputeModule.slashExpert,
                (expert1, slashed, NEGLIGENT, ruledOn, "Upheld a dispute without reading it")
            ),
            "# Slash expert1"
        );
        uint256 treasuryBefore = token.balanceOf(address(timelock));
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.ExpertSlashed(expert1, slashed, NEGLIGENT, ruledOn, "Upheld a dispute without reading it");
        _execute(p);

        assertEq(token.balanceOf(address(timelock)), treasuryBefore + slashed, "stake went to the treasury");
        assertEq(disputes.stakeOf(expert1), EXPERT_STAKE - slashed, "stake reduced");
        assertEq(disputes.totalStaked(), 3 * EXPERT_STAKE - slashed, "total reduced");
        assertFalse(disputes.isPanelMember(expert1), "removed from the panel");
        assertEq(disputes.panelMembers().length, 2, "two members left");
        _assertBooks();

        (, uint256 disputeId) = _disputedProposal("# After the slash");
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.NotPanelMember.selector, expert1));
        _rule(disputeId, expert1, true);

        // No longer on the panel, the slashed expert may take the rest back despite the open dispute, once the lock
        // after its last ruling has passed.
        vm.warp(disputes.stakeLockedUntil(expert1));
        vm.prank(expert1);
        disputes.withdrawStake(EXPERT_STAKE - slashed);
        assertEq(disputes.stakeOf(expert1), 0, "rest withdrawn");
        _assertBooks();
    }

    function test_bondChangesThroughGovernance() public {
        Proposal memory p = _single(
            address(disputes), abi.encodeCall(DisputeModule.setBond, (20_000e18)), "# Raise the dispute bond"
        );
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.SettingChanged("bond", BOND, 20_000e18);
        _execute(p);
        assertEq(disputes.bond(), 20_000e18, "bond raised");

        Proposal memory q = _queuedProposal("# Under the new bond");
        uint256 before = token.balanceOf(challenger);
        _approveBond(challenger, 20_000e18);
        vm.prank(challenger);
        uint256 disputeId = disputes.fileDispute(q.id, EVIDENCE);
        assertEq(disputes.getDispute(disputeId).bond, 20_000e18, "new disputes post the new bond");
        assertEq(token.balanceOf(challenger), before - 20_000e18, "charged the new bond");
        _assertBooks();
    }

    function test_aBondChangeDoesNotTouchOpenDisputes() public {
        (, uint256 disputeId) = _disputedProposal("# Filed under the old bond");
        vm.prank(address(timelock));
        disputes.setBond(50_000e18);
        vm.warp(block.timestamp + ADJUDICATION_PERIOD + 1);
        disputes.resolveTimeout(disputeId);
        assertEq(disputes.claimable(challenger), BOND, "refunds exactly what was posted");
        _assertBooks();
    }

    function test_timelockManagesPanelAndPool() public {
        _fundPool(30_000e18);
        uint256 treasuryBefore = token.balanceOf(address(timelock));
        address expert4 = address(0xE4);

        vm.startPrank(address(timelock));
        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.PanelMemberAdded(expert4, "Inference hardware auditor");
        disputes.addPanelMember(expert4, "Inference hardware auditor");
        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.PanelMemberRemoved(expert3);
        disputes.removePanelMember(expert3);
        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.RewardsReclaimed(20_000e18);
        disputes.reclaimRewards(20_000e18);
        disputes.setRewardAmount(7_000e18);
        disputes.setAdjudicationPeriod(5 days);
        disputes.setRulingQuorum(3);
        disputes.setExpertStake(60_000e18);
        vm.stopPrank();

        assertTrue(disputes.isPanelMember(expert4), "added");
        assertEq(disputes.panelProfile(expert4), "Inference hardware auditor", "profile");
        assertFalse(disputes.isPanelMember(expert3), "removed");
        assertEq(disputes.panelMembers().length, 3, "three members");
        assertEq(disputes.rewardPool(), 10_000e18, "pool reduced");
        assertEq(token.balanceOf(address(timelock)), treasuryBefore + 20_000e18, "reclaimed to the treasury");
        assertEq(disputes.rewardAmount(), 7_000e18, "reward");
        assertEq(disputes.adjudicationPeriod(), 5 days, "period");
        assertEq(disputes.rulingQuorum(), 3, "quorum");
        assertEq(disputes.expertStake(), 60_000e18, "stake");
        _assertBooks();

        // The new settings apply to the next dispute: the old stake no longer qualifies.
        (, uint256 disputeId) = _disputedProposal("# New settings");
        assertEq(disputes.getDispute(disputeId).deadline, block.timestamp + 5 days, "new adjudication period");
        vm.expectRevert(
            abi.encodeWithSelector(DisputeModule.InsufficientStake.selector, expert1, EXPERT_STAKE, 60_000e18)
        );
        _rule(disputeId, expert1, true);
    }

    // ---------------------------------------------------------------- reentrancy

    function test_reentrantPayoutReceiverCannotWithdrawTwice() public {
        (HookedToken hooked, MockGovernor mockGovernor, DisputeModule module) = _standaloneModule();
        ReentrantChallenger attacker = new ReentrantChallenger(module, IERC20(address(hooked)));

        hooked.approve(address(module), 3 * REWARD);
        module.fundRewards(3 * REWARD); // more than one reward, so a second payout would find funds
        hooked.transfer(address(attacker), BOND);

        uint256 proposalId = 7;
        mockGovernor.setProposal(proposalId, IGovernor.ProposalState.Queued, block.timestamp + 2 days);
        uint256 disputeId = attacker.fileDispute(proposalId);
        vm.prank(SOLE_PANELIST);
        module.castRuling(disputeId, true, "Drains the treasury");
        assertEq(mockGovernor.cancelCalls(), 1, "the module canceled through the governor");
        assertEq(module.claimable(address(attacker)), BOND + REWARD, "owed bond plus reward");
        assertEq(hooked.balanceOf(address(attacker)), 0, "holds nothing yet");

        uint256 paid = attacker.attack();

        assertEq(paid, BOND + REWARD, "the outer withdraw paid the due");
        assertEq(attacker.reentryAttempts(), 1, "the hook did try to re-enter");
        assertEq(attacker.reentrantPayout(), 0, "the nested withdraw paid nothing");
        bytes4 refusal = bytes4(attacker.reentryError());
        assertTrue(
            refusal == ReentrancyGuard.ReentrancyGuardReentrantCall.selector
                || refusal == DisputeModule.NothingToWithdraw.selector,
            "the nested withdraw was refused"
        );
        assertEq(hooked.balanceOf(address(attacker)), BOND + REWARD, "received exactly its due, once");
        assertEq(module.claimable(address(attacker)), 0, "nothing left owed");
        assertEq(module.rewardPool(), 2 * REWARD, "the pool paid one reward");
        assertEq(
            hooked.balanceOf(address(module)),
            module.bondsHeld() + module.totalClaimable() + module.rewardPool() + module.totalStaked(),
            "books balance"
        );

        vm.expectRevert(abi.encodeWithSelector(DisputeModule.NothingToWithdraw.selector, address(attacker)));
        attacker.attack();
    }

    function test_upholdSkipsCancelWhenTheProposalIsAlreadyCanceled() public {
        (HookedToken hooked, MockGovernor mockGovernor, DisputeModule module) = _standaloneModule();

        mockGovernor.setProposal(9, IGovernor.ProposalState.Queued, block.timestamp + 2 days);
        hooked.approve(address(module), BOND);
        uint256 disputeId = module.fileDispute(9, "Evidence");
        mockGovernor.setProposal(9, IGovernor.ProposalState.Canceled, block.timestamp + 2 days);
        vm.prank(SOLE_PANELIST);
        module.castRuling(disputeId, true, "Harmful");
        assertEq(mockGovernor.cancelCalls(), 0, "no second cancel");
        assertEq(module.claimable(address(this)), BOND, "bond refunded, empty pool");
    }

    function test_upholdCancelsOnlyAQueuedProposal() public {
        (HookedToken hooked, MockGovernor mockGovernor, DisputeModule module) = _standaloneModule();
        hooked.approve(address(module), type(uint256).max);

        // Whatever state the proposal reached meanwhile, the ruling lands without a cancel.
        for (uint8 s = 0; s <= uint8(IGovernor.ProposalState.Executed); ++s) {
            if (s == uint8(IGovernor.ProposalState.Queued)) continue;
            uint256 proposalId = 100 + s;
            mockGovernor.setProposal(proposalId, IGovernor.ProposalState.Queued, block.timestamp + 2 days);
            uint256 disputeId = module.fileDispute(proposalId, "Evidence");
            mockGovernor.setProposal(proposalId, IGovernor.ProposalState(s), block.timestamp + 2 days);
            vm.prank(SOLE_PANELIST);
            module.castRuling(disputeId, true, "Harmful");
            assertEq(uint256(module.getDispute(disputeId).status), uint256(DisputeModule.Status.Upheld), "upheld");
        }
        assertEq(mockGovernor.cancelCalls(), 0, "nothing canceled");

        mockGovernor.setProposal(200, IGovernor.ProposalState.Queued, block.timestamp + 2 days);
        uint256 queuedDispute = module.fileDispute(200, "Evidence");
        vm.prank(SOLE_PANELIST);
        module.castRuling(queuedDispute, true, "Harmful");
        assertEq(mockGovernor.cancelCalls(), 1, "a queued proposal is canceled");
        assertTrue(mockGovernor.state(200) == IGovernor.ProposalState.Canceled, "canceled");
    }

    function test_upholdLandsEvenWhenTheOperationRanAroundTheGovernor() public {
        // Governance grants a second executor on the timelock, which can run a disputed operation directly.
        address rogue = address(0x6E6E);
        Proposal memory grant = _single(
            address(timelock),
            abi.encodeCall(IAccessControl.grantRole, (timelock.EXECUTOR_ROLE(), rogue)),
            "# A second executor"
        );
        _proposeAndExecute(grant);
        _fundPool(REWARD);

        (Proposal memory p, uint256 disputeId) = _disputedProposal("# Run around the freeze");
        _rule(disputeId, expert1, true);
        _waitForEta(p);
        vm.prank(rogue);
        timelock.executeBatch(p.targets, p.values, p.calldatas, bytes32(0), _salt(p));
        _assertProposalState(p.id, IGovernor.ProposalState.Executed, "executed on the timelock directly");

        _rule(disputeId, expert2, true);
        _assertStatus(disputeId, DisputeModule.Status.Upheld, "the ruling lands");
        _assertProposalState(p.id, IGovernor.ProposalState.Executed, "nothing to cancel");
        assertEq(disputes.claimable(challenger), BOND + REWARD, "the challenger is paid");
        assertEq(disputes.openDisputeCount(), 0, "closed");
        _assertBooks();
    }

    // ---------------------------------------------------------------- fuzz

    function testFuzz_bondAccountingBalances(uint256 bondSeed, uint256 rewardSeed, uint256 poolSeed, uint8 outcome)
        public
    {
        uint256 newBond = bound(bondSeed, disputes.MIN_BOND(), disputes.MAX_BOND());
        uint256 reward = bound(rewardSeed, 0, disputes.MAX_REWARD());
        uint256 pool = bound(poolSeed, 0, 2 * disputes.MAX_REWARD());
        vm.startPrank(address(timelock));
        disputes.setBond(newBond);
        disputes.setRewardAmount(reward);
        vm.stopPrank();
        if (pool > 0) _fundPool(pool);
        _assertBooks();

        Proposal memory p = _queuedProposal("# Fuzzed dispute");
        _fund(challenger, newBond);
        uint256 challengerBefore = token.balanceOf(challenger);
        uint256 treasuryBefore = token.balanceOf(address(timelock));
        _approveBond(challenger, newBond);
        vm.prank(challenger);
        uint256 disputeId = disputes.fileDispute(p.id, EVIDENCE);
        assertEq(disputes.bondsHeld(), newBond, "bond held");
        _assertBooks();

        uint256 expectedPayout;
        outcome = outcome % 3;
        if (outcome == 0) {
            _rule(disputeId, expert1, true);
            _rule(disputeId, expert3, true);
            uint256 expectedReward = reward < pool ? reward : pool;
            expectedPayout = newBond + expectedReward;
            assertEq(disputes.rewardPool(), pool - expectedReward, "pool paid min(reward, pool)");
        } else if (outcome == 1) {
            _rule(disputeId, expert2, false);
            _rule(disputeId, expert3, false);
            assertEq(token.balanceOf(address(timelock)), treasuryBefore + newBond, "bond to the treasury");
            assertEq(disputes.rewardPool(), pool, "pool untouched");
        } else {
            vm.warp(block.timestamp + ADJUDICATION_PERIOD + 1);
            disputes.resolveTimeout(disputeId);
            expectedPayout = newBond;
            assertEq(disputes.rewardPool(), pool, "pool untouched");
        }
        assertEq(disputes.bondsHeld(), 0, "no bond held after resolution");
        assertEq(disputes.claimable(challenger), expectedPayout, "payout owed");
        assertFalse(disputes.isBlocking(p.id), "freeze lifted");
        _assertBooks();

        if (expectedPayout > 0) {
            vm.prank(challenger);
            disputes.withdraw();
        }
        assertEq(token.balanceOf(challenger), challengerBefore - newBond + expectedPayout, "challenger net");
        assertEq(disputes.totalClaimable(), 0, "nothing owed");
        _assertBooks();
        assertEq(
            token.balanceOf(address(disputes)), disputes.rewardPool() + disputes.totalStaked(), "only pool and stakes"
        );
    }
}
