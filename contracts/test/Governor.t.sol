// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {GovernorPreventLateQuorum} from "@openzeppelin/contracts/governance/extensions/GovernorPreventLateQuorum.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorProposalGuardian} from "@openzeppelin/contracts/governance/extensions/GovernorProposalGuardian.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {PlenumGovernor} from "../src/PlenumGovernor.sol";
import {IDisputeModule} from "../src/IDisputeModule.sol";
import {DisputeModule} from "../src/DisputeModule.sol";
import {NetworkParameters} from "../src/NetworkParameters.sol";

/// @dev PlenumGovernor and its wiring with the OpenZeppelin TimelockController.
contract GovernorTest is PlenumFixture {
    address internal dave = address(0xDA7E); // starts with nothing; used for votes acquired too late

    // ---------------------------------------------------------------- local helpers

    function _feeProposal(uint256 fee, string memory description) internal view returns (Proposal memory) {
        return _setParameterProposal(params.INFERENCE_FEE(), fee, description);
    }

    function _governorProposal(bytes memory data, string memory description) internal view returns (Proposal memory) {
        return _single(address(governor), data, description);
    }

    /// @dev The salt GovernorTimelockControl uses for a proposal's timelock operation.
    function _salt(Proposal memory p) internal view returns (bytes32) {
        return bytes32(bytes20(address(governor))) ^ p.descriptionHash;
    }

    function _opId(Proposal memory p) internal view returns (bytes32) {
        return timelock.hashOperationBatch(p.targets, p.values, p.calldatas, bytes32(0), _salt(p));
    }

    function _bit(IGovernor.ProposalState s) internal pure returns (bytes32) {
        return bytes32(1 << uint8(s));
    }

    function _unexpectedState(uint256 id, IGovernor.ProposalState current, bytes32 expected)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encodeWithSelector(IGovernor.GovernorUnexpectedProposalState.selector, id, current, expected);
    }

    /// @dev States from which a proposal can still be canceled (Governor._cancel).
    function _cancelableStates() internal pure returns (bytes32) {
        return bytes32(uint256(0xff)) ^ _bit(IGovernor.ProposalState.Canceled)
            ^ _bit(IGovernor.ProposalState.Expired) ^ _bit(IGovernor.ProposalState.Executed);
    }

    function _onlyExecutor(address account) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, account);
    }

    function _unauthorized(address account, bytes32 role) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, account, role);
    }

    function _assertState(Proposal memory p, IGovernor.ProposalState expected, string memory message) internal view {
        assertEq(uint256(governor.state(p.id)), uint256(expected), message);
    }

    function _approveBond(address account) internal {
        vm.prank(account);
        token.approve(address(disputes), BOND);
    }

    function _fileDisputeAfterQueue(Proposal memory p) internal returns (uint256 disputeId) {
        _proposeAndQueue(p);
        disputeId = _fileDispute(p);
        assertTrue(disputes.isBlocking(p.id), "the dispute freezes the proposal");
    }

    // ---------------------------------------------------------------- wiring

    function test_rolesAreHeldByTheGovernorOnly() public view {
        bytes32 proposerRole = timelock.PROPOSER_ROLE();
        bytes32 cancellerRole = timelock.CANCELLER_ROLE();
        bytes32 executorRole = timelock.EXECUTOR_ROLE();
        bytes32 adminRole = timelock.DEFAULT_ADMIN_ROLE();

        assertTrue(timelock.hasRole(proposerRole, address(governor)), "governor proposes");
        assertTrue(timelock.hasRole(cancellerRole, address(governor)), "governor cancels");
        assertTrue(timelock.hasRole(executorRole, address(governor)), "governor executes");
        assertFalse(timelock.hasRole(executorRole, address(0)), "execution is not open to anyone");

        assertFalse(timelock.hasRole(adminRole, address(this)), "deployer renounced the admin role");
        assertTrue(timelock.hasRole(adminRole, address(timelock)), "only the timelock administers itself");

        address[5] memory others = [address(this), guardian, alice, address(disputes), outsider];
        for (uint256 i = 0; i < others.length; ++i) {
            assertFalse(timelock.hasRole(proposerRole, others[i]), "nobody else proposes");
            assertFalse(timelock.hasRole(cancellerRole, others[i]), "nobody else cancels");
            assertFalse(timelock.hasRole(executorRole, others[i]), "nobody else executes");
            assertFalse(timelock.hasRole(adminRole, others[i]), "nobody else administers");
        }

        assertEq(governor.timelock(), address(timelock), "governor runs through the timelock");
        assertEq(governor.proposalGuardian(), guardian, "guardian");
        assertEq(governor.disputeModule(), address(disputes), "dispute module");
        assertEq(address(governor.token()), address(token), "voting token");
        assertEq(disputes.owner(), address(timelock), "the timelock owns the dispute module");
        assertEq(timelock.getMinDelay(), TIMELOCK_DELAY, "timelock delay");
    }

    function test_tokenAndGovernorShareTheTimestampClock() public {
        assertEq(token.CLOCK_MODE(), "mode=timestamp", "token clock mode");
        assertEq(governor.CLOCK_MODE(), token.CLOCK_MODE(), "governor clock mode follows the token");
        assertEq(token.clock(), block.timestamp, "token clock is the timestamp");
        assertEq(governor.clock(), block.timestamp, "governor clock is the timestamp");

        vm.roll(block.number + 1000);
        vm.warp(block.timestamp + 1 hours);
        assertEq(governor.clock(), block.timestamp, "the clock follows time, not blocks");

        Proposal memory p = _feeProposal(0.3e18, "# Clock check");
        _propose(p, alice);
        assertEq(governor.proposalSnapshot(p.id), block.timestamp + VOTING_DELAY, "snapshot in seconds");
        assertEq(governor.proposalDeadline(p.id), block.timestamp + VOTING_DELAY + VOTING_PERIOD, "deadline");
    }

    // ---------------------------------------------------------------- lifecycle

    function test_proposalWalksThroughPendingActiveSucceededQueuedExecuted() public {
        Proposal memory p = _feeProposal(0.3e18, "# Walk through every happy state");
        _propose(p, alice);
        _assertState(p, IGovernor.ProposalState.Pending, "pending during the voting delay");

        vm.warp(governor.proposalSnapshot(p.id));
        _assertState(p, IGovernor.ProposalState.Pending, "still pending at the snapshot");
        vm.expectRevert(
            _unexpectedState(p.id, IGovernor.ProposalState.Pending, _bit(IGovernor.ProposalState.Active))
        );
        _vote(p, alice, FOR);

        vm.warp(block.timestamp + 1);
        _assertState(p, IGovernor.ProposalState.Active, "active after the snapshot");
        _vote(p, alice, FOR);
        _vote(p, carol, AGAINST);

        vm.warp(governor.proposalDeadline(p.id));
        _assertState(p, IGovernor.ProposalState.Active, "still active at the deadline");
        vm.warp(block.timestamp + 1);
        _assertState(p, IGovernor.ProposalState.Succeeded, "succeeded");

        _queue(p);
        _assertState(p, IGovernor.ProposalState.Queued, "queued");
        assertTrue(timelock.isOperationPending(_opId(p)), "the timelock holds the operation");
        assertEq(governor.proposalEta(p.id), block.timestamp + TIMELOCK_DELAY, "eta");

        _waitForEta(p);
        _execute(p);
        _assertState(p, IGovernor.ProposalState.Executed, "executed");
        assertTrue(timelock.isOperationDone(_opId(p)), "timelock operation done");
        assertEq(params.getParameter(params.INFERENCE_FEE()), 0.3e18, "the change took effect");

        vm.expectRevert(
            _unexpectedState(p.id, IGovernor.ProposalState.Executed, _bit(IGovernor.ProposalState.Queued))
        );
        _execute(p);
    }

    function test_defeatedWhenAgainstOutweighsForDespiteQuorum() public {
        Proposal memory p = _feeProposal(0.3e18, "# Opposed by the majority");
        _propose(p, alice);
        _waitForSnapshot(p);
        _vote(p, bob, FOR); // 5M alone meets the 4M quorum
        _vote(p, alice, AGAINST); // 10M
        _waitForDeadline(p);

        (uint256 against, uint256 forVotes,) = governor.proposalVotes(p.id);
        assertGe(forVotes, governor.quorum(governor.proposalSnapshot(p.id)), "quorum was reached");
        assertTrue(against > forVotes, "against wins");
        _assertState(p, IGovernor.ProposalState.Defeated, "defeated by the majority");

        vm.expectRevert(
            _unexpectedState(p.id, IGovernor.ProposalState.Defeated, _bit(IGovernor.ProposalState.Succeeded))
        );
        _queue(p);
    }

    function test_defeatedWhenQuorumIsNotReachedEvenWithoutOpposition() public {
        Proposal memory p = _feeProposal(0.3e18, "# Nobody cares");
        _propose(p, alice);
        _waitForSnapshot(p);
        _vote(p, carol, FOR); // 1M, quorum is 4M

        _waitForDeadline(p);
        (uint256 against, uint256 forVotes,) = governor.proposalVotes(p.id);
        assertEq(against, 0, "no opposition");
        assertEq(forVotes, 1_000_000e18, "carol's votes");
        assertEq(governor.quorum(governor.proposalSnapshot(p.id)), 4_000_000e18, "4% of supply");
        _assertState(p, IGovernor.ProposalState.Defeated, "defeated for lack of quorum");
    }

    function test_abstainCountsTowardsQuorumButNotTowardsSuccess() public {
        Proposal memory p = _feeProposal(0.3e18, "# Quorum from abstentions");
        _propose(p, alice);
        _waitForSnapshot(p);
        _vote(p, bob, ABSTAIN); // 5M abstain: quorum reached
        _vote(p, carol, FOR); // 1M for
        _waitForDeadline(p);
        _assertState(p, IGovernor.ProposalState.Succeeded, "carol's votes carry it with bob's quorum");
    }

    function test_proposalThresholdKeepsSmallHoldersFromProposing() public {
        Proposal memory p = _feeProposal(0.3e18, "# Spam");
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorInsufficientProposerVotes.selector, outsider, 0, PROPOSAL_THRESHOLD
            )
        );
        _propose(p, outsider);

        _fund(dave, PROPOSAL_THRESHOLD - 1);
        _selfDelegate(dave);
        vm.warp(block.timestamp + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorInsufficientProposerVotes.selector, dave, PROPOSAL_THRESHOLD - 1, PROPOSAL_THRESHOLD
            )
        );
        _propose(p, dave);

        // Holding tokens is not enough: the challenger has exactly the threshold but never delegated.
        assertEq(token.balanceOf(challenger), PROPOSAL_THRESHOLD, "challenger holds the threshold");
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorInsufficientProposerVotes.selector, challenger, 0, PROPOSAL_THRESHOLD
            )
        );
        _propose(p, challenger);

        _selfDelegate(challenger);
        // Votes are read at clock() - 1: delegating and proposing in the same second is not enough.
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorInsufficientProposerVotes.selector, challenger, 0, PROPOSAL_THRESHOLD
            )
        );
        _propose(p, challenger);
        vm.warp(block.timestamp + 1);
        _propose(p, challenger);
        _assertState(p, IGovernor.ProposalState.Pending, "exactly the threshold may propose");
    }

    // ---------------------------------------------------------------- votes and snapshots

    function test_votesDelegatedDuringTheVotingDelayCount() public {
        _fund(dave, 2_000_000e18);
        Proposal memory p = _feeProposal(0.3e18, "# Early delegation");
        _propose(p, alice);
        _selfDelegate(dave); // before the snapshot
        _waitForSnapshot(p);
        vm.prank(dave);
        assertEq(governor.castVote(p.id, FOR), 2_000_000e18, "votes held at the snapshot count");
    }

    function test_tokensReceivedAfterTheSnapshotWeighNothing() public {
        Proposal memory p = _feeProposal(0.3e18, "# Late buyer");
        _propose(p, alice);
        _waitForSnapshot(p);
        uint256 snapshot = governor.proposalSnapshot(p.id);

        _fund(dave, 20_000_000e18);
        _selfDelegate(dave);
        vm.warp(block.timestamp + 1);
        assertEq(token.getVotes(dave), 20_000_000e18, "dave has votes now");
        assertEq(governor.getVotes(dave, snapshot), 0, "but none at the snapshot");

        vm.prank(dave);
        uint256 weight = governor.castVote(p.id, FOR);
        assertEq(weight, 0, "dave's vote weighs nothing");
        assertTrue(governor.hasVoted(p.id, dave), "the vote is recorded");
        (uint256 against, uint256 forVotes, uint256 abstain) = governor.proposalVotes(p.id);
        assertEq(against + forVotes + abstain, 0, "no weight was counted");

        _waitForDeadline(p);
        _assertState(p, IGovernor.ProposalState.Defeated, "20M late votes did not reach quorum");
    }

    function test_delegationAfterTheSnapshotNeitherMovesNorDuplicatesVotes() public {
        Proposal memory p = _feeProposal(0.3e18, "# Late delegation");
        _propose(p, alice);
        _waitForSnapshot(p);

        // carol hands her votes to alice after the snapshot
        vm.prank(carol);
        token.delegate(alice);
        vm.warp(block.timestamp + 1);
        assertEq(token.getVotes(alice), 11_000_000e18, "alice holds carol's votes now");

        vm.prank(alice);
        assertEq(governor.castVote(p.id, FOR), 10_000_000e18, "alice votes with her snapshot weight only");
        vm.prank(carol);
        assertEq(governor.castVote(p.id, AGAINST), 1_000_000e18, "carol still votes with her snapshot weight");
    }

    function test_flashBorrowedVotesInTheVotingBlockWeighNothing() public {
        Proposal memory p = _feeProposal(0.3e18, "# Flash attack");
        _propose(p, alice);
        _waitForSnapshot(p);
        _vote(p, alice, AGAINST);

        // Within one block: borrow 30M, delegate, vote, give it back.
        uint256 borrowed = 30_000_000e18;
        _fund(dave, borrowed);
        vm.startPrank(dave);
        token.delegate(dave);
        assertEq(token.getVotes(dave), borrowed, "the borrowed votes are live");
        uint256 weight = governor.castVote(p.id, FOR);
        token.transfer(address(this), borrowed);
        vm.stopPrank();

        assertEq(weight, 0, "flash-acquired votes weigh nothing");
        (, uint256 forVotes,) = governor.proposalVotes(p.id);
        assertEq(forVotes, 0, "nothing was counted for");
        _waitForDeadline(p);
        _assertState(p, IGovernor.ProposalState.Defeated, "the flash voter did not outvote alice");
    }

    function test_cannotVoteTwice() public {
        Proposal memory p = _feeProposal(0.3e18, "# Vote once");
        _propose(p, alice);
        _waitForSnapshot(p);
        _vote(p, alice, FOR);

        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, alice));
        _vote(p, alice, AGAINST);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, alice));
        _vote(p, alice, FOR);

        (uint256 against, uint256 forVotes,) = governor.proposalVotes(p.id);
        assertEq(forVotes, 10_000_000e18, "counted once");
        assertEq(against, 0, "the second vote changed nothing");
    }

    // ---------------------------------------------------------------- late quorum

    function test_quorumReachedInTheLastDayExtendsTheDeadline() public {
        Proposal memory p = _feeProposal(0.3e18, "# Late quorum");
        _propose(p, alice);
        _waitForSnapshot(p);
        uint256 originalDeadline = governor.proposalDeadline(p.id);

        _vote(p, carol, FOR); // 1M: below quorum, no extension
        assertEq(governor.proposalDeadline(p.id), originalDeadline, "no quorum, no extension");

        vm.warp(originalDeadline - 12 hours);
        uint64 extended = uint64(block.timestamp + LATE_QUORUM_EXTENSION);
        vm.expectEmit(true, true, true, true, address(governor));
        emit GovernorPreventLateQuorum.ProposalExtended(p.id, extended);
        _vote(p, alice, FOR); // quorum reached 12 hours before the end

        assertEq(governor.proposalDeadline(p.id), extended, "deadline pushed to a day after quorum");
        assertEq(governor.proposalDeadline(p.id), originalDeadline + 12 hours, "12 hours later than planned");

        vm.warp(originalDeadline + 1);
        _assertState(p, IGovernor.ProposalState.Active, "voting goes on past the original deadline");
        _vote(p, bob, AGAINST); // opponents get time to react
        vm.warp(extended + 1);
        _assertState(p, IGovernor.ProposalState.Succeeded, "ends after the extension");
    }

    function test_quorumReachedEarlyDoesNotExtendTheDeadline() public {
        Proposal memory p = _feeProposal(0.3e18, "# Early quorum");
        _propose(p, alice);
        uint256 originalDeadline = governor.proposalDeadline(p.id);
        vm.warp(originalDeadline - LATE_QUORUM_EXTENSION); // exactly one day left
        _vote(p, alice, FOR);
        assertEq(governor.proposalDeadline(p.id), originalDeadline, "a full day was left: no extension");
        vm.warp(originalDeadline + 1);
        _assertState(p, IGovernor.ProposalState.Succeeded, "ends on time");
    }

    // ---------------------------------------------------------------- the timelock

    function test_executionBeforeTheEtaFails() public {
        Proposal memory p = _feeProposal(0.3e18, "# Too early");
        _proposeAndQueue(p);
        bytes memory notReady = abi.encodeWithSelector(
            TimelockController.TimelockUnexpectedOperationState.selector,
            _opId(p),
            bytes32(1 << uint8(TimelockController.OperationState.Ready))
        );

        vm.expectRevert(notReady);
        _execute(p);

        vm.warp(governor.proposalEta(p.id) - 1);
        vm.expectRevert(notReady);
        _execute(p);
        _assertState(p, IGovernor.ProposalState.Queued, "still queued");

        vm.warp(governor.proposalEta(p.id));
        _execute(p);
        _assertState(p, IGovernor.ProposalState.Executed, "executes at the eta");
    }

    function test_nobodyButTheGovernorDrivesTheTimelock() public {
        Proposal memory p = _feeProposal(0.3e18, "# Timelock access");
        _proposeAndQueue(p);
        _waitForEta(p);
        bytes32 salt = _salt(p);
        bytes32 executorRole = timelock.EXECUTOR_ROLE();
        bytes32 proposerRole = timelock.PROPOSER_ROLE();
        bytes32 cancellerRole = timelock.CANCELLER_ROLE();
        bytes32 opId = _opId(p);
        assertTrue(timelock.isOperationReady(opId), "the operation is ready: only access control stands");

        address[6] memory callers = [alice, guardian, outsider, challenger, address(disputes), address(this)];
        for (uint256 i = 0; i < callers.length; ++i) {
            address caller = callers[i];
            vm.expectRevert(_unauthorized(caller, executorRole));
            vm.prank(caller);
            timelock.executeBatch(p.targets, p.values, p.calldatas, bytes32(0), salt);

            vm.expectRevert(_unauthorized(caller, executorRole));
            vm.prank(caller);
            timelock.execute(p.targets[0], 0, p.calldatas[0], bytes32(0), salt);

            vm.expectRevert(_unauthorized(caller, proposerRole));
            vm.prank(caller);
            timelock.schedule(p.targets[0], 0, p.calldatas[0], bytes32(0), bytes32("other"), TIMELOCK_DELAY);

            vm.expectRevert(_unauthorized(caller, proposerRole));
            vm.prank(caller);
            timelock.scheduleBatch(p.targets, p.values, p.calldatas, bytes32(0), bytes32("other"), TIMELOCK_DELAY);

            vm.expectRevert(_unauthorized(caller, cancellerRole));
            vm.prank(caller);
            timelock.cancel(opId);
        }

        // The timelock itself holds no role on itself either.
        vm.expectRevert(_unauthorized(address(timelock), executorRole));
        vm.prank(address(timelock));
        timelock.executeBatch(p.targets, p.values, p.calldatas, bytes32(0), salt);

        _assertState(p, IGovernor.ProposalState.Queued, "untouched");
        _execute(p);
        _assertState(p, IGovernor.ProposalState.Executed, "the governor still can");
    }

    // ---------------------------------------------------------------- disputes freeze execution

    function test_disputedProposalCannotExecuteByAnyRoute() public {
        Proposal memory p = _feeProposal(2e18, "# Disputed fee");
        _fileDisputeAfterQueue(p);
        _waitForEta(p);
        bytes32 opId = _opId(p);
        bytes32 salt = _salt(p);
        bytes32 executorRole = timelock.EXECUTOR_ROLE();
        assertTrue(timelock.isOperationReady(opId), "past the eta");

        bytes memory disputed = abi.encodeWithSelector(PlenumGovernor.ProposalDisputed.selector, p.id);
        vm.expectRevert(disputed);
        _execute(p);

        vm.expectRevert(disputed);
        governor.execute(p.id); // GovernorStorage's id-only route

        vm.expectRevert(disputed);
        vm.prank(alice);
        governor.execute(p.id);

        address[4] memory callers = [alice, challenger, guardian, outsider];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.expectRevert(_unauthorized(callers[i], executorRole));
            vm.prank(callers[i]);
            timelock.executeBatch(p.targets, p.values, p.calldatas, bytes32(0), salt);
        }

        // relay is governance-only, so it cannot be used to reach the timelock with the governor's role.
        bytes memory direct =
            abi.encodeCall(TimelockController.executeBatch, (p.targets, p.values, p.calldatas, bytes32(0), salt));
        vm.expectRevert(_onlyExecutor(alice));
        vm.prank(alice);
        governor.relay(address(timelock), 0, direct);

        _assertState(p, IGovernor.ProposalState.Queued, "still queued");
        assertEq(params.getParameter(params.INFERENCE_FEE()), 0.2e18, "the fee did not change");
        assertFalse(timelock.isOperationDone(opId), "the timelock did not run it");
    }

    function test_anotherProposalCannotRelayADisputedOperationThroughTheTimelock() public {
        Proposal memory disputed = _feeProposal(2e18, "# Tenfold fee");
        _fileDisputeAfterQueue(disputed);
        bytes memory runDisputed = abi.encodeCall(
            TimelockController.executeBatch,
            (disputed.targets, disputed.values, disputed.calldatas, bytes32(0), _salt(disputed))
        );
        Proposal memory bypass = _governorProposal(
            abi.encodeCall(Governor.relay, (address(timelock), 0, runDisputed)), "# Run the fee change now"
        );
        _proposeAndQueue(bypass);
        _waitForEta(bypass);

        vm.expectRevert(abi.encodeWithSelector(PlenumGovernor.RelayIntoTimelock.selector));
        _execute(bypass);
        _assertState(disputed, IGovernor.ProposalState.Queued, "the disputed proposal is still queued");
        assertEq(params.getParameter(params.INFERENCE_FEE()), 0.2e18, "the fee did not change");
    }

    function test_governanceCanStillRelayToOtherContracts() public {
        bytes memory setFee = abi.encodeCall(NetworkParameters.setParameter, (params.INFERENCE_FEE(), 0.3e18));
        // The relayed call comes from the governor, which owns nothing: the parameter contract refuses it.
        Proposal memory p = _governorProposal(abi.encodeCall(Governor.relay, (address(params), 0, setFee)), "# Relay");
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.expectRevert(abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", address(governor)));
        _execute(p);
    }

    function test_freezeLiftsWhenTheDisputeIsRejected() public {
        Proposal memory p = _feeProposal(0.4e18, "# Contested but fine");
        uint256 disputeId = _fileDisputeAfterQueue(p);
        _rule(disputeId, expert1, false);
        _rule(disputeId, expert2, false);
        assertFalse(disputes.isBlocking(p.id), "freeze lifted");
        _waitForEta(p);
        governor.execute(p.id);
        _assertState(p, IGovernor.ProposalState.Executed, "executed");
        assertEq(params.getParameter(params.INFERENCE_FEE()), 0.4e18, "applied");
    }

    // ---------------------------------------------------------------- cancellation

    function test_guardianCancelsWhilePending() public {
        Proposal memory p = _feeProposal(0.3e18, "# Guardian cancels pending");
        _propose(p, alice);
        vm.expectEmit(true, true, true, true, address(governor));
        emit IGovernor.ProposalCanceled(p.id);
        vm.prank(guardian);
        governor.cancel(p.id);
        _assertState(p, IGovernor.ProposalState.Canceled, "canceled");

        vm.warp(governor.proposalSnapshot(p.id) + 1);
        vm.expectRevert(
            _unexpectedState(p.id, IGovernor.ProposalState.Canceled, _bit(IGovernor.ProposalState.Active))
        );
        _vote(p, alice, FOR);
    }

    function test_guardianCancelsWhileActive() public {
        Proposal memory p = _feeProposal(0.3e18, "# Guardian cancels active");
        _propose(p, alice);
        _waitForSnapshot(p);
        _vote(p, alice, FOR);
        vm.prank(guardian);
        governor.cancel(p.targets, p.values, p.calldatas, p.descriptionHash);
        _assertState(p, IGovernor.ProposalState.Canceled, "canceled");
    }

    function test_guardianCancelsASucceededProposal() public {
        Proposal memory p = _feeProposal(0.3e18, "# Guardian cancels succeeded");
        _propose(p, alice);
        _waitForSnapshot(p);
        _vote(p, alice, FOR);
        _waitForDeadline(p);
        _assertState(p, IGovernor.ProposalState.Succeeded, "succeeded");
        vm.prank(guardian);
        governor.cancel(p.id);
        _assertState(p, IGovernor.ProposalState.Canceled, "canceled");
        vm.expectRevert(
            _unexpectedState(p.id, IGovernor.ProposalState.Canceled, _bit(IGovernor.ProposalState.Succeeded))
        );
        _queue(p);
    }

    function test_guardianCancelsAQueuedProposalAndItsTimelockOperation() public {
        Proposal memory p = _feeProposal(0.3e18, "# Guardian cancels queued");
        _proposeAndQueue(p);
        bytes32 opId = _opId(p);
        assertTrue(timelock.isOperationPending(opId), "scheduled");

        vm.expectEmit(true, true, true, true, address(timelock));
        emit TimelockController.Cancelled(opId);
        vm.prank(guardian);
        governor.cancel(p.id);

        _assertState(p, IGovernor.ProposalState.Canceled, "canceled");
        assertFalse(timelock.isOperation(opId), "the timelock forgot the operation");
        assertEq(
            uint256(timelock.getOperationState(opId)), uint256(TimelockController.OperationState.Unset), "unset"
        );

        _waitForEta(p);
        vm.expectRevert(
            _unexpectedState(p.id, IGovernor.ProposalState.Canceled, _bit(IGovernor.ProposalState.Queued))
        );
        _execute(p);
    }

    function test_guardianCannotCancelAnExecutedProposal() public {
        Proposal memory p = _feeProposal(0.3e18, "# Done deal");
        _proposeAndExecute(p);
        vm.expectRevert(_unexpectedState(p.id, IGovernor.ProposalState.Executed, _cancelableStates()));
        vm.prank(guardian);
        governor.cancel(p.id);
    }

    function test_guardianCannotExecute() public {
        Proposal memory active = _feeProposal(0.3e18, "# Not yet voted");
        _propose(active, alice);
        _waitForSnapshot(active);
        vm.expectRevert(
            _unexpectedState(active.id, IGovernor.ProposalState.Active, _bit(IGovernor.ProposalState.Queued))
        );
        vm.prank(guardian);
        governor.execute(active.id);

        Proposal memory queued = _feeProposal(0.5e18, "# Queued, not ready");
        _proposeAndQueue(queued);
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector,
                _opId(queued),
                bytes32(1 << uint8(TimelockController.OperationState.Ready))
            )
        );
        vm.prank(guardian);
        governor.execute(queued.id);

        bytes32 executorRole = timelock.EXECUTOR_ROLE();
        _waitForEta(queued);
        vm.expectRevert(_unauthorized(guardian, executorRole));
        vm.prank(guardian);
        timelock.executeBatch(queued.targets, queued.values, queued.calldatas, bytes32(0), _salt(queued));

        vm.expectRevert(_onlyExecutor(guardian));
        vm.prank(guardian);
        governor.relay(address(params), 0, queued.calldatas[0]);

        assertEq(params.getParameter(params.INFERENCE_FEE()), 0.2e18, "nothing changed");
    }

    function test_nobodyButTheExecutorCallsGovernanceFunctions() public {
        uint256 termEnd = governor.guardianTermEnd();
        bytes memory harmfulChange = abi.encodeCall(NetworkParameters.setParameter, (params.INFERENCE_FEE(), 2e18));
        bytes[10] memory calls = [
            abi.encodeCall(GovernorSettings.setVotingDelay, (2 days)),
            abi.encodeCall(GovernorSettings.setVotingPeriod, (7 days)),
            abi.encodeCall(GovernorSettings.setProposalThreshold, (0)),
            abi.encodeCall(GovernorVotesQuorumFraction.updateQuorumNumerator, (1)),
            abi.encodeCall(GovernorPreventLateQuorum.setLateQuorumVoteExtension, (0)),
            abi.encodeCall(GovernorProposalGuardian.setProposalGuardian, (outsider)),
            abi.encodeCall(PlenumGovernor.setGuardianTermEnd, (uint48(block.timestamp + 700 days))),
            abi.encodeCall(PlenumGovernor.setDisputeModule, (IDisputeModule(address(0x1234)))),
            abi.encodeCall(GovernorTimelockControl.updateTimelock, (TimelockController(payable(outsider)))),
            abi.encodeCall(Governor.relay, (address(params), 0, harmfulChange))
        ];

        address[5] memory callers = [guardian, alice, outsider, address(disputes), expert1];
        for (uint256 c = 0; c < callers.length; ++c) {
            for (uint256 i = 0; i < calls.length; ++i) {
                vm.prank(callers[c]);
                (bool ok, bytes memory revertData) = address(governor).call(calls[i]);
                assertFalse(ok, "a governance function accepted an outside call");
                assertEq(keccak256(revertData), keccak256(_onlyExecutor(callers[c])), "GovernorOnlyExecutor");
            }
        }

        assertEq(governor.votingDelay(), VOTING_DELAY, "voting delay unchanged");
        assertEq(governor.votingPeriod(), VOTING_PERIOD, "voting period unchanged");
        assertEq(governor.proposalThreshold(), PROPOSAL_THRESHOLD, "threshold unchanged");
        assertEq(governor.quorumNumerator(), QUORUM_PERCENT, "quorum unchanged");
        assertEq(governor.lateQuorumVoteExtension(), LATE_QUORUM_EXTENSION, "extension unchanged");
        assertEq(governor.proposalGuardian(), guardian, "guardian unchanged");
        assertEq(governor.guardianTermEnd(), termEnd, "guardian term unchanged");
        assertEq(governor.disputeModule(), address(disputes), "module unchanged");
        assertEq(governor.timelock(), address(timelock), "timelock unchanged");
        assertEq(params.getParameter(params.INFERENCE_FEE()), 0.2e18, "relay did nothing");
    }

    function test_evenTheTimelockCannotCallGovernanceFunctionsOutsideAProposal() public {
        // The executor check passes, but the call was not queued by an executing proposal.
        vm.expectRevert(abi.encodeWithSignature("Panic(uint256)", 0x31));
        vm.prank(address(timelock));
        governor.setVotingDelay(0);
        assertEq(governor.votingDelay(), VOTING_DELAY, "unchanged");
    }

    function test_proposerCancelsOnlyWhilePending() public {
        Proposal memory pending = _feeProposal(0.3e18, "# Changed my mind");
        _propose(pending, alice);
        vm.prank(alice);
        governor.cancel(pending.id);
        _assertState(pending, IGovernor.ProposalState.Canceled, "the proposer withdrew it");

        Proposal memory p = _feeProposal(0.5e18, "# Too late to withdraw");
        _propose(p, alice);
        _waitForSnapshot(p);
        bytes memory refused =
            abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, p.id, alice);
        vm.expectRevert(refused);
        vm.prank(alice);
        governor.cancel(p.id);

        _vote(p, alice, FOR);
        _waitForDeadline(p);
        vm.expectRevert(refused);
        vm.prank(alice);
        governor.cancel(p.id);

        _queue(p);
        vm.expectRevert(refused);
        vm.prank(alice);
        governor.cancel(p.id);
        _assertState(p, IGovernor.ProposalState.Queued, "still queued");
    }

    function test_outsidersCannotCancel() public {
        Proposal memory p = _feeProposal(0.3e18, "# Others keep out");
        _propose(p, alice);
        address[6] memory callers = [outsider, bob, challenger, expert1, address(timelock), address(this)];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, p.id, callers[i]));
            vm.prank(callers[i]);
            governor.cancel(p.id);
        }
        _assertState(p, IGovernor.ProposalState.Pending, "still pending");
    }

    function test_theDisputeModuleMayCancel() public {
        Proposal memory p = _feeProposal(0.3e18, "# Module cancels");
        _propose(p, alice);
        _waitForSnapshot(p);
        vm.prank(address(disputes));
        governor.cancel(p.id);
        _assertState(p, IGovernor.ProposalState.Canceled, "the module canceled an active proposal");
    }

    // ---------------------------------------------------------------- governance of the governor

    function test_governanceSettingsChangeThroughAProposal() public {
        address newGuardian = address(0x6A2D2);
        Proposal memory p;
        p.targets = new address[](6);
        p.values = new uint256[](6);
        p.calldatas = new bytes[](6);
        for (uint256 i = 0; i < 6; ++i) p.targets[i] = address(governor);
        p.calldatas[0] = abi.encodeCall(GovernorSettings.setVotingDelay, (2 days));
        p.calldatas[1] = abi.encodeCall(GovernorSettings.setVotingPeriod, (7 days));
        p.calldatas[2] = abi.encodeCall(GovernorSettings.setProposalThreshold, (200_000e18));
        p.calldatas[3] = abi.encodeCall(GovernorVotesQuorumFraction.updateQuorumNumerator, (5));
        p.calldatas[4] = abi.encodeCall(GovernorPreventLateQuorum.setLateQuorumVoteExtension, (2 days));
        p.calldatas[5] = abi.encodeCall(GovernorProposalGuardian.setProposalGuardian, (newGuardian));
        p.description = "# Tighten governance";
        p.descriptionHash = keccak256(bytes(p.description));

        _proposeAndQueue(p);
        _waitForEta(p);
        vm.expectEmit(true, true, true, true, address(governor));
        emit GovernorSettings.VotingDelaySet(VOTING_DELAY, 2 days);
        _execute(p);

        assertEq(governor.votingDelay(), 2 days, "voting delay");
        assertEq(governor.votingPeriod(), 7 days, "voting period");
        assertEq(governor.proposalThreshold(), 200_000e18, "threshold");
        assertEq(governor.quorumNumerator(), 5, "quorum numerator");
        assertEq(governor.lateQuorumVoteExtension(), 2 days, "late quorum extension");
        assertEq(governor.proposalGuardian(), newGuardian, "guardian");

        // The next proposal lives by the new rules, and the old guardian has lost its power.
        Proposal memory next = _feeProposal(0.3e18, "# Under the new rules");
        _propose(next, alice);
        assertEq(governor.proposalSnapshot(next.id), block.timestamp + 2 days, "new delay applies");
        assertEq(governor.proposalDeadline(next.id), block.timestamp + 9 days, "new period applies");
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, next.id, guardian));
        vm.prank(guardian);
        governor.cancel(next.id);
        vm.prank(newGuardian);
        governor.cancel(next.id);
        _assertState(next, IGovernor.ProposalState.Canceled, "the new guardian cancels");
    }

    function test_setDisputeModuleThroughAProposal() public {
        DisputeModule replacement = _soloPanelModule(address(governor), expert1);

        Proposal memory p = _governorProposal(
            abi.encodeCall(PlenumGovernor.setDisputeModule, (IDisputeModule(address(replacement)))),
            "# Replace the dispute module"
        );
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.expectEmit(true, true, true, true, address(governor));
        emit PlenumGovernor.DisputeModuleSet(address(disputes), address(replacement));
        _execute(p);
        assertEq(governor.disputeModule(), address(replacement), "module replaced");

        // Only the current module holds the power to cancel.
        Proposal memory other = _feeProposal(0.3e18, "# After the swap");
        _propose(other, alice);
        vm.expectRevert(
            abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, other.id, address(disputes))
        );
        vm.prank(address(disputes));
        governor.cancel(other.id);
        vm.prank(address(replacement));
        governor.cancel(other.id);
        _assertState(other, IGovernor.ProposalState.Canceled, "the new module cancels");
    }

    function test_setDisputeModuleWaitsUntilNoDisputeIsOpen() public {
        DisputeModule replacement = _soloPanelModule(address(governor), expert1);
        Proposal memory swap = _governorProposal(
            abi.encodeCall(PlenumGovernor.setDisputeModule, (IDisputeModule(address(replacement)))),
            "# Replace the dispute module"
        );
        Proposal memory fee = _feeProposal(2e18, "# Tenfold fee");
        _propose(swap, alice);
        _propose(fee, alice);
        _waitForSnapshot(swap);
        _vote(swap, alice, FOR);
        _vote(fee, alice, FOR);
        _waitForDeadline(swap);
        _queue(swap);
        _queue(fee);
        uint256 disputeId = _fileDispute(fee);
        assertEq(disputes.openDisputeCount(), 1, "one open dispute");

        _waitForEta(swap);
        vm.expectRevert(abi.encodeWithSelector(PlenumGovernor.DisputesStillOpen.selector, 1));
        _execute(swap);
        assertEq(governor.disputeModule(), address(disputes), "module unchanged");

        // Even a valid module, even with no dispute open, is set through governance only.
        vm.expectRevert(_onlyExecutor(alice));
        vm.prank(alice);
        governor.setDisputeModule(IDisputeModule(address(replacement)));

        vm.warp(disputes.getDispute(disputeId).deadline + 1);
        disputes.resolveTimeout(disputeId);
        vm.expectEmit(true, true, true, true, address(governor));
        emit PlenumGovernor.DisputeModuleSet(address(disputes), address(replacement));
        _execute(swap);
        assertEq(governor.disputeModule(), address(replacement), "replaced once nothing was open");
    }

    function test_aModuleSwapCannotBeDisputed() public {
        DisputeModule replacement = _soloPanelModule(address(governor), expert1);
        Proposal memory swap = _governorProposal(
            abi.encodeCall(PlenumGovernor.setDisputeModule, (IDisputeModule(address(replacement)))),
            "# Replace the dispute module"
        );
        _proposeAndQueue(swap);
        _approveBond(challenger);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.PanelConflicted.selector, swap.id));
        vm.prank(challenger);
        disputes.fileDispute(swap.id, "The panel would rather stay");

        _waitForEta(swap);
        _execute(swap);
        assertEq(governor.disputeModule(), address(replacement), "replaced at the eta");
    }

    function test_quorumNumeratorCanNeverBeZero() public {
        Proposal memory p =
            _governorProposal(abi.encodeCall(GovernorVotesQuorumFraction.updateQuorumNumerator, (0)), "# No quorum");
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.expectRevert(abi.encodeWithSelector(PlenumGovernor.QuorumNumeratorZero.selector));
        _execute(p);
        _assertState(p, IGovernor.ProposalState.Queued, "the failed execution left it queued");
        assertEq(governor.quorumNumerator(), QUORUM_PERCENT, "quorum unchanged");
        assertGe(governor.quorum(block.timestamp - 1), 1, "quorum above zero");

        vm.expectRevert(_onlyExecutor(alice));
        vm.prank(alice);
        governor.updateQuorumNumerator(0);

        // The lowest numerator, 1, is accepted.
        Proposal memory lowest =
            _governorProposal(abi.encodeCall(GovernorVotesQuorumFraction.updateQuorumNumerator, (1)), "# 1% quorum");
        _proposeAndExecute(lowest);
        assertEq(governor.quorumNumerator(), 1, "quorum numerator 1");
    }

    function test_constructorRejectsAZeroQuorumNumerator() public {
        vm.expectRevert(abi.encodeWithSelector(PlenumGovernor.QuorumNumeratorZero.selector));
        new PlenumGovernor(
            token,
            timelock,
            IDisputeModule(address(disputes)),
            PlenumGovernor.GuardianSettings(guardian, uint48(block.timestamp + GUARDIAN_TERM), address(params)),
            PlenumGovernor.Settings(VOTING_DELAY, VOTING_PERIOD, PROPOSAL_THRESHOLD, 0, LATE_QUORUM_EXTENSION)
        );
    }

    function test_setDisputeModuleRejectsTheZeroAddress() public {
        Proposal memory p = _governorProposal(
            abi.encodeCall(PlenumGovernor.setDisputeModule, (IDisputeModule(address(0)))), "# Remove disputes"
        );
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.expectRevert(abi.encodeWithSelector(PlenumGovernor.InvalidDisputeModule.selector, address(0)));
        _execute(p);
        assertEq(governor.disputeModule(), address(disputes), "module unchanged");
        _assertState(p, IGovernor.ProposalState.Queued, "the failed execution left it queued");
    }

    function test_constructorRejectsAZeroDisputeModule() public {
        vm.expectRevert(abi.encodeWithSelector(PlenumGovernor.InvalidDisputeModule.selector, address(0)));
        new PlenumGovernor(
            token,
            timelock,
            IDisputeModule(address(0)),
            PlenumGovernor.GuardianSettings(guardian, uint48(block.timestamp + GUARDIAN_TERM), address(params)),
            PlenumGovernor.Settings(
                VOTING_DELAY, VOTING_PERIOD, PROPOSAL_THRESHOLD, QUORUM_PERCENT, LATE_QUORUM_EXTENSION
            )
        );
    }
}
