// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {GovernorProposalGuardian} from "@openzeppelin/contracts/governance/extensions/GovernorProposalGuardian.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {PlenumGovernor} from "../src/PlenumGovernor.sol";
import {NetworkParameters} from "../src/NetworkParameters.sol";

/// @dev The security council's powers are limited to the launch phase: a term that only governance extends, no
/// veto on the proposals that limit it, and a pause that lapses by itself.
contract GuardianTest is PlenumFixture {
    address internal council = address(0xC0C0);

    function _guardianProposal(bytes memory data, string memory description) internal view returns (Proposal memory) {
        return _single(address(governor), data, description);
    }

    function _unpauseProposal(string memory description) internal view returns (Proposal memory) {
        return _single(address(params), abi.encodeCall(NetworkParameters.unpause, ()), description);
    }

    function _assertGuardianCannotCancel(Proposal memory p) internal {
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, p.id, guardian));
        vm.prank(guardian);
        governor.cancel(p.id);
    }

    function _assertGuardianCancels(Proposal memory p) internal {
        vm.prank(guardian);
        governor.cancel(p.id);
        assertEq(uint256(governor.state(p.id)), uint256(IGovernor.ProposalState.Canceled), "canceled by the guardian");
    }

    // ---------------------------------------------------------------- term

    function test_theTermIsSetAtDeployment() public view {
        assertEq(governor.guardianTermEnd(), 1_750_000_000 + GUARDIAN_TERM, "one year from deployment");
        assertEq(governor.MAX_GUARDIAN_TERM(), 730 days, "governance may set it up to two years ahead");
    }

    /// @dev The review's finding: the guardian's veto never ended.
    function test_afterItsTermTheGuardianCanNeitherCancelNorPause() public {
        Proposal memory p = _setParameterProposal(params.INFERENCE_FEE(), 0.3e18, "# After the launch phase");
        vm.warp(governor.guardianTermEnd());
        _propose(p, alice);
        _assertGuardianCannotCancel(p);
        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.GuardianTermOver.selector, governor.guardianTermEnd()));
        vm.prank(guardian);
        params.pause();

        // One second earlier, both worked.
        vm.warp(governor.guardianTermEnd() - 1);
        vm.prank(guardian);
        params.pause();
        _assertGuardianCancels(p);
    }

    function test_onlyGovernanceMovesTheTerm() public {
        uint256 extended = block.timestamp + 700 days;
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, guardian));
        vm.prank(guardian);
        governor.setGuardianTermEnd(uint48(extended));

        Proposal memory p = _guardianProposal(
            abi.encodeCall(PlenumGovernor.setGuardianTermEnd, (uint48(extended))), "# Extend the launch phase"
        );
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.expectEmit(true, true, true, true, address(governor));
        emit PlenumGovernor.GuardianTermSet(1_750_000_000 + GUARDIAN_TERM, extended);
        _execute(p);
        assertEq(governor.guardianTermEnd(), extended, "extended");
    }

    function test_theTermCannotBeSetBeyondTwoYearsAhead() public {
        uint256 tooFar = block.timestamp + 10 days + 731 days; // the proposal executes about 8 days from now
        Proposal memory p = _guardianProposal(
            abi.encodeCall(PlenumGovernor.setGuardianTermEnd, (uint48(tooFar))), "# A council for ever"
        );
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.expectRevert(
            abi.encodeWithSelector(PlenumGovernor.GuardianTermTooLong.selector, tooFar, block.timestamp + 730 days)
        );
        _execute(p);
    }

    // ---------------------------------------------------------------- proposals the guardian cannot cancel

    /// @dev The review's finding: the guardian could cancel the proposal that replaces it.
    function test_theGuardianCannotCancelWhatLimitsIt() public {
        Proposal[5] memory protected = [
            _guardianProposal(abi.encodeCall(GovernorProposalGuardian.setProposalGuardian, (council)), "# Replace"),
            _guardianProposal(abi.encodeCall(GovernorProposalGuardian.setProposalGuardian, (address(0))), "# Remove"),
            _guardianProposal(
                abi.encodeCall(PlenumGovernor.setGuardianTermEnd, (uint48(block.timestamp + 30 days))), "# Shorten"
            ),
            _guardianProposal(
                abi.encodeCall(PlenumGovernor.setGuardianTermEnd, (uint48(block.timestamp))), "# End it now"
            ),
            _unpauseProposal("# Unpause")
        ];
        for (uint256 i = 0; i < protected.length; ++i) {
            _propose(protected[i], alice);
            assertTrue(governor.isProtectedFromGuardian(protected[i].id), "protected");
            _assertGuardianCannotCancel(protected[i]);
        }
        // Through every state up to the execution.
        _waitForSnapshot(protected[0]);
        _vote(protected[0], alice, FOR);
        _assertGuardianCannotCancel(protected[0]);
        _waitForDeadline(protected[0]);
        _queue(protected[0]);
        _assertGuardianCannotCancel(protected[0]);
        _waitForEta(protected[0]);
        _execute(protected[0]);
        assertEq(governor.proposalGuardian(), council, "replaced");
        assertEq(params.guardian(), council, "the parameters follow the governor's guardian");
    }

    function test_theGuardianStillCancelsWhatMerelyTouchesIt() public {
        // Extending its own term, or a replacement bundled with anything else, stays within its veto.
        Proposal memory extend = _guardianProposal(
            abi.encodeCall(PlenumGovernor.setGuardianTermEnd, (uint48(block.timestamp + 700 days))), "# Extend"
        );
        Proposal memory bundled;
        bundled.targets = new address[](2);
        bundled.values = new uint256[](2);
        bundled.calldatas = new bytes[](2);
        (bundled.targets[0], bundled.targets[1]) = (address(governor), address(params));
        bundled.calldatas[0] = abi.encodeCall(GovernorProposalGuardian.setProposalGuardian, (council));
        bundled.calldatas[1] = abi.encodeCall(NetworkParameters.setParameter, (params.INFERENCE_FEE(), 2e18));
        bundled.description = "# New council and a tenfold fee";
        bundled.descriptionHash = keccak256(bytes(bundled.description));
        // An unpause-looking call to some other contract is not an unpause of the parameters.
        Proposal memory elsewhere =
            _single(address(registry), abi.encodeCall(NetworkParameters.unpause, ()), "# Unpause elsewhere");
        // Sending value along does not qualify either.
        Proposal memory paid = _guardianProposal(
            abi.encodeCall(GovernorProposalGuardian.setProposalGuardian, (council)), "# Replace, with value"
        );
        paid.values[0] = 1;

        Proposal[4] memory cancelable = [extend, bundled, elsewhere, paid];
        for (uint256 i = 0; i < cancelable.length; ++i) {
            _propose(cancelable[i], alice);
            assertFalse(governor.isProtectedFromGuardian(cancelable[i].id), "not protected");
            _assertGuardianCancels(cancelable[i]);
        }
    }

    function test_removingTheGuardianGivesProposersNoExtraPower() public {
        _proposeAndExecute(
            _guardianProposal(abi.encodeCall(GovernorProposalGuardian.setProposalGuardian, (address(0))), "# Remove")
        );
        Proposal memory p = _setParameterProposal(params.INFERENCE_FEE(), 0.3e18, "# Proposer changes mind late");
        _proposeAndQueue(p);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, p.id, alice));
        vm.prank(alice);
        governor.cancel(p.id);
        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.NotGuardian.selector, address(0)));
        vm.prank(address(0));
        params.pause();
    }

    // ---------------------------------------------------------------- the pause lapses

    /// @dev The review's finding: a pause only a proposal could lift, and that proposal the guardian could cancel.
    function test_aGuardianPauseLapsesAfterSevenDays() public {
        vm.prank(guardian);
        params.pause();
        uint256 until = block.timestamp + 7 days;
        assertEq(params.pausedUntil(), until, "paused for the pause duration");
        vm.warp(until - 1);
        assertTrue(params.paused(), "still paused");
        vm.warp(until);
        assertFalse(params.paused(), "lapsed by itself");
        bytes32 fee = params.INFERENCE_FEE();
        vm.prank(address(timelock));
        params.setParameter(fee, 0.3e18);
        assertEq(params.getParameter(fee), 0.3e18, "parameters change again");
    }

    function test_theGuardianCannotChainPauses() public {
        vm.prank(guardian);
        params.pause();
        uint256 lapse = params.pausedUntil();
        vm.warp(lapse);
        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.GuardianPauseTooSoon.selector, lapse + 7 days));
        vm.prank(guardian);
        params.pause();
        vm.warp(lapse + 7 days);
        vm.prank(guardian);
        params.pause();
        assertTrue(params.paused(), "paused again once as long has passed");
    }

    function test_theGuardianCannotPauseRightAfterGovernanceUnpauses() public {
        Proposal memory p = _unpauseProposal("# Resume parameter updates");
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.prank(guardian);
        params.pause();
        _execute(p);
        assertFalse(params.paused(), "unpaused");
        vm.expectRevert(
            abi.encodeWithSelector(NetworkParameters.GuardianPauseTooSoon.selector, block.timestamp + 7 days)
        );
        vm.prank(guardian);
        params.pause();
    }

    function test_governanceRenewsAPause() public {
        vm.prank(guardian);
        params.pause();
        vm.warp(block.timestamp + 6 days);
        vm.expectEmit(true, true, true, true, address(params));
        emit NetworkParameters.Paused(address(timelock), block.timestamp + 7 days);
        vm.prank(address(timelock));
        params.pause();
        vm.warp(block.timestamp + 6 days);
        assertTrue(params.paused(), "renewed beyond the guardian's pause");
    }

    function test_thePauseDurationIsBoundedAndTimelockOnly() public {
        vm.startPrank(address(timelock));
        vm.expectRevert(
            abi.encodeWithSelector(NetworkParameters.PauseDurationOutOfBounds.selector, 1 days - 1, 1 days, 30 days)
        );
        params.setPauseDuration(1 days - 1);
        vm.expectRevert(
            abi.encodeWithSelector(NetworkParameters.PauseDurationOutOfBounds.selector, 30 days + 1, 1 days, 30 days)
        );
        params.setPauseDuration(30 days + 1);
        vm.expectEmit(true, true, true, true, address(params));
        emit NetworkParameters.PauseDurationChanged(7 days, 2 days);
        params.setPauseDuration(2 days);
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        vm.prank(guardian);
        params.setPauseDuration(30 days);

        vm.prank(guardian);
        params.pause();
        assertEq(params.pausedUntil(), block.timestamp + 2 days, "the new duration applies");
    }

    /// @dev Review finding: a proposal takes 8 days and a pause lapses in 7, so an `unpause()` written in answer to a
    /// pause used to revert at execution, taking down the guardian's protected removal bundled with it.
    function test_removingAPausingGuardianTogetherWithAnUnpauseExecutesAfterThePauseLapsed() public {
        vm.prank(guardian);
        params.pause();
        Proposal memory p;
        p.targets = new address[](2);
        p.values = new uint256[](2);
        p.calldatas = new bytes[](2);
        (p.targets[0], p.targets[1]) = (address(governor), address(params));
        p.calldatas[0] = abi.encodeCall(GovernorProposalGuardian.setProposalGuardian, (address(0)));
        p.calldatas[1] = abi.encodeCall(NetworkParameters.unpause, ());
        p.description = "# Dismiss the council and lift its pause";
        p.descriptionHash = keccak256(bytes(p.description));
        _proposeAndQueue(p);
        assertTrue(governor.isProtectedFromGuardian(p.id), "the guardian cannot cancel it");
        _waitForEta(p);
        assertFalse(params.paused(), "the pause lapsed before the eta");
        _execute(p);
        assertEq(governor.proposalGuardian(), address(0), "the guardian is gone");
    }
}
