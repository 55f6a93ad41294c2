// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {DisputeModule} from "../src/DisputeModule.sol";

/// @dev One dispute per proposal, but anyone may add evidence and join its bond while it is open, so an ally of the
/// proposer who files a weak dispute first does not own the case.
contract CoChallengersTest is PlenumFixture {
    address internal ally = address(0xA11E); // files first, for the proposer
    address internal dana = address(0xDA4A); // the real challenger
    address internal erin = address(0xE214); // a second co-challenger

    string internal constant WEAK = "I have a feeling about this one.";
    string internal constant STRONG = "The fee exceeds every competitor's by 8x: https://example.org/pricing";

    function setUp() public override {
        super.setUp();
        _fund(ally, BOND);
        _fund(dana, 2 * BOND);
        _fund(erin, BOND);
        token.approve(address(disputes), 20_000e18);
        disputes.fundRewards(20_000e18);
    }

    function _queuedFeeProposal(string memory description) internal returns (Proposal memory p) {
        p = _setParameterProposal(params.INFERENCE_FEE(), 2e18, description);
        _proposeAndQueue(p);
    }

    function _fileAs(address account, uint256 proposalId, string memory evidence) internal returns (uint256 id) {
        vm.startPrank(account);
        token.approve(address(disputes), BOND);
        id = disputes.fileDispute(proposalId, evidence);
        vm.stopPrank();
    }

    function _joinAs(address account, uint256 disputeId, string memory evidence) internal {
        vm.startPrank(account);
        token.approve(address(disputes), BOND);
        disputes.joinDispute(disputeId, evidence);
        vm.stopPrank();
    }

    function _assertBooks() internal view {
        assertEq(
            token.balanceOf(address(disputes)),
            disputes.bondsHeld() + disputes.totalClaimable() + disputes.rewardPool() + disputes.totalStaked(),
            "module balance == bondsHeld + totalClaimable + rewardPool + totalStaked"
        );
    }

    /// @dev The review's attack: the real challenger used to get `DisputeAlreadyFiled` and could only watch the
    /// panel reject the ally's weak evidence. Now they join with their evidence and bond, and share the reward.
    function test_theRealChallengerJoinsTheAllysDisputeAndSharesTheReward() public {
        Proposal memory p = _queuedFeeProposal("# Tenfold fee");
        uint256 disputeId = _fileAs(ally, p.id, WEAK);

        vm.startPrank(dana);
        token.approve(address(disputes), BOND);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.DisputeAlreadyFiled.selector, p.id, disputeId));
        disputes.fileDispute(p.id, STRONG);
        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.EvidenceAdded(disputeId, dana, STRONG);
        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.DisputeJoined(disputeId, dana, BOND);
        disputes.joinDispute(disputeId, STRONG);
        vm.stopPrank();

        DisputeModule.Dispute memory d = disputes.getDispute(disputeId);
        assertEq(d.challengerCount, 2, "two challengers");
        assertEq(d.totalBond, 2 * BOND, "two bonds");
        assertEq(d.evidenceCount, 2, "two pieces of evidence");
        assertEq(disputes.bondsHeld(), 2 * BOND, "both bonds held");
        _assertBooks();

        _rule(disputeId, expert1, true);
        _rule(disputeId, expert2, true);
        assertEq(uint256(governor.state(p.id)), uint256(IGovernor.ProposalState.Canceled), "canceled");
        assertEq(disputes.getDispute(disputeId).reward, REWARD, "one reward for the dispute");
        assertEq(disputes.claimable(ally), BOND + REWARD / 2, "the filer: bond plus half the reward");
        assertEq(disputes.claimable(dana), BOND + REWARD / 2, "the co-challenger: bond plus half the reward");
        _assertBooks();

        uint256 before = token.balanceOf(dana);
        vm.prank(dana);
        assertEq(disputes.withdraw(), BOND + REWARD / 2, "paid");
        assertEq(token.balanceOf(dana), before + BOND + REWARD / 2, "received");
        vm.prank(ally);
        disputes.withdraw();
        assertEq(disputes.totalClaimable(), 0, "nothing owed");
        _assertBooks();
    }

    function test_aRejectedDisputeForfeitsEveryBondToTheTreasury() public {
        Proposal memory p = _queuedFeeProposal("# Fine after all");
        uint256 disputeId = _fileAs(dana, p.id, STRONG);
        _joinAs(erin, disputeId, "");
        uint256 treasuryBefore = token.balanceOf(address(timelock));
        _rule(disputeId, expert1, false);
        _rule(disputeId, expert2, false);
        assertEq(token.balanceOf(address(timelock)), treasuryBefore + 2 * BOND, "both bonds to the treasury");
        assertEq(disputes.claimable(dana), 0, "nothing for the filer");
        assertEq(disputes.claimable(erin), 0, "nothing for the co-challenger");
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.NothingToWithdraw.selector, erin));
        vm.prank(erin);
        disputes.withdraw();
        _assertBooks();
    }

    function test_aTimedOutDisputeRefundsEveryBond() public {
        Proposal memory p = _queuedFeeProposal("# Panel asleep");
        uint256 disputeId = _fileAs(dana, p.id, STRONG);
        _joinAs(erin, disputeId, "Seconded.");
        vm.warp(disputes.getDispute(disputeId).deadline + 1);
        disputes.resolveTimeout(disputeId);
        assertEq(disputes.claimable(dana), BOND, "the filer's bond");
        assertEq(disputes.claimable(erin), BOND, "the co-challenger's bond");
        _assertBooks();
    }

    function test_anUnevenRewardLeavesTheRemainderInThePool() public {
        Proposal memory p = _queuedFeeProposal("# Three challengers");
        vm.prank(address(timelock));
        disputes.setRewardAmount(1_000e18);
        uint256 disputeId = _fileAs(ally, p.id, WEAK);
        _joinAs(dana, disputeId, STRONG);
        _joinAs(erin, disputeId, "");
        uint256 poolBefore = disputes.rewardPool();
        _rule(disputeId, expert1, true);
        _rule(disputeId, expert3, true);
        uint256 reward = disputes.getDispute(disputeId).reward;
        assertEq(reward, 1_000e18 - 1, "the largest amount three challengers can share equally");
        assertEq(disputes.rewardPool(), poolBefore - reward, "the remainder stays in the pool");
        assertEq(disputes.claimable(erin), BOND + reward / 3, "an equal share");
        _assertBooks();
    }

    function test_anyoneAddsEvidenceWhileTheDisputeIsOpen() public {
        Proposal memory p = _queuedFeeProposal("# Evidence from all sides");
        uint256 disputeId = _fileAs(dana, p.id, STRONG);
        // The proposer answers, a bystander adds data; neither posts a bond.
        vm.expectEmit(true, true, true, true, address(disputes));
        emit DisputeModule.EvidenceAdded(disputeId, alice, "Competitors subsidise their fees; ours is honest.");
        vm.prank(alice);
        disputes.addEvidence(disputeId, "Competitors subsidise their fees; ours is honest.");
        vm.prank(outsider);
        disputes.addEvidence(disputeId, "Latency data attached.");
        assertEq(disputes.getDispute(disputeId).evidenceCount, 3, "three pieces");
        assertEq(disputes.bondOf(disputeId, alice), 0, "evidence posts no bond");

        uint256 max = disputes.MAX_EVIDENCE_LENGTH();
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.InvalidText.selector, bytes32("evidence"), 0, max));
        vm.prank(outsider);
        disputes.addEvidence(disputeId, "");
        bytes memory tooLong = new bytes(max + 1);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.InvalidText.selector, bytes32("evidence"), max + 1, max));
        vm.prank(outsider);
        disputes.addEvidence(disputeId, string(tooLong));
        vm.startPrank(erin);
        token.approve(address(disputes), BOND);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.InvalidText.selector, bytes32("evidence"), max + 1, max));
        disputes.joinDispute(disputeId, string(tooLong));
        vm.stopPrank();

        // Nothing after the deadline, nor once decided.
        uint256 deadline = disputes.getDispute(disputeId).deadline;
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.AdjudicationClosed.selector, disputeId, deadline));
        vm.prank(outsider);
        disputes.addEvidence(disputeId, "Too late");
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.AdjudicationClosed.selector, disputeId, deadline));
        vm.prank(erin);
        disputes.joinDispute(disputeId, "");
        disputes.resolveTimeout(disputeId);
        vm.expectRevert(
            abi.encodeWithSelector(DisputeModule.DisputeNotOpen.selector, disputeId, DisputeModule.Status.TimedOut)
        );
        vm.prank(outsider);
        disputes.addEvidence(disputeId, "After the fact");
    }

    function test_joiningRules() public {
        Proposal memory p = _queuedFeeProposal("# Who may join");
        uint256 disputeId = _fileAs(dana, p.id, STRONG);
        vm.warp(block.timestamp + 1 hours);

        // Once per account, the filer included.
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.AlreadyChallenger.selector, disputeId, dana));
        vm.prank(dana);
        disputes.joinDispute(disputeId, "");
        _joinAs(erin, disputeId, "");
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.AlreadyChallenger.selector, disputeId, erin));
        vm.prank(erin);
        disputes.joinDispute(disputeId, "");

        // Judges do not challenge: no panel member posts a bond, whether or not it ruled.
        _fund(expert1, BOND);
        _fund(expert2, BOND);
        vm.startPrank(expert2);
        token.approve(address(disputes), BOND);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.PanelMemberCannotChallenge.selector, expert2));
        disputes.joinDispute(disputeId, "");
        vm.stopPrank();
        // A member who ruled and then left the panel still cannot join the case it ruled on.
        _rule(disputeId, expert1, true);
        vm.prank(address(timelock));
        disputes.removePanelMember(expert1);
        vm.startPrank(expert1);
        token.approve(address(disputes), BOND);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.AlreadyRuled.selector, disputeId, expert1));
        disputes.joinDispute(disputeId, "");
        vm.stopPrank();
        // A member removed after the filing may still rule on it, but not once it holds a bond in it.
        vm.prank(address(timelock));
        disputes.addPanelMember(address(0xE4), "Joins the panel so expert3 can leave");
        vm.prank(address(timelock));
        disputes.removePanelMember(expert2);
        _joinAs(expert2, disputeId, "");
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.ChallengerCannotRule.selector, disputeId, expert2));
        _rule(disputeId, expert2, true);

        // The bond is the one fixed at filing, whatever the setting says now; without allowance nothing moves.
        vm.prank(address(timelock));
        disputes.setBond(50_000e18);
        _fund(carol, BOND);
        _joinAs(carol, disputeId, "");
        assertEq(disputes.bondOf(disputeId, carol), BOND, "the dispute's bond");
        vm.expectRevert();
        vm.prank(bob);
        disputes.joinDispute(disputeId, "");

        vm.expectRevert(abi.encodeWithSelector(DisputeModule.UnknownDispute.selector, 9));
        vm.prank(bob);
        disputes.joinDispute(9, "");
        assertEq(disputes.getDispute(disputeId).challengerCount, 4, "dana, erin, expert2, carol");
        assertEq(disputes.getDispute(disputeId).upholdCount, 1, "expert1's ruling alone");
    }

    function test_withdrawCollectsEveryResolvedDisputeAndLeavesOpenOnes() public {
        Proposal memory upheld = _setParameterProposal(params.INFERENCE_FEE(), 2e18, "# One");
        Proposal memory timedOut = _setParameterProposal(params.INFERENCE_FEE(), 1.9e18, "# Two");
        Proposal memory rejected = _setParameterProposal(params.INFERENCE_FEE(), 1.8e18, "# Three");
        Proposal memory open = _setParameterProposal(params.INFERENCE_FEE(), 1.7e18, "# Four");
        Proposal[4] memory all = [upheld, timedOut, rejected, open];
        for (uint256 i = 0; i < 4; ++i) _propose(all[i], alice);
        _waitForSnapshot(upheld);
        for (uint256 i = 0; i < 4; ++i) _vote(all[i], alice, FOR);
        _waitForDeadline(upheld);
        for (uint256 i = 0; i < 4; ++i) _queue(all[i]);

        _fund(dana, 2 * BOND);
        uint256[4] memory ids;
        for (uint256 i = 0; i < 4; ++i) ids[i] = _fileAs(dana, all[i].id, STRONG);
        _rule(ids[0], expert1, true);
        _rule(ids[0], expert2, true);
        _rule(ids[2], expert1, false);
        _rule(ids[2], expert2, false);
        vm.warp(disputes.getDispute(ids[1]).deadline + 1);
        disputes.resolveTimeout(ids[1]);
        // ids[3] stays open: it was filed last, so its deadline is the latest; rule on it later.

        uint256 owed = 2 * BOND + REWARD;
        assertEq(disputes.claimable(dana), owed, "upheld: bond + reward; timed out: bond; rejected: nothing");
        uint256 before = token.balanceOf(dana);
        vm.prank(dana);
        assertEq(disputes.withdraw(), owed, "one withdraw for every resolved dispute");
        assertEq(token.balanceOf(dana), before + owed, "paid");
        assertEq(disputes.claimable(dana), 0, "nothing left");

        disputes.resolveTimeout(ids[3]);
        assertEq(disputes.claimable(dana), BOND, "the last one, once resolved");
        vm.prank(dana);
        disputes.withdraw();
        _assertBooks();
    }
}
