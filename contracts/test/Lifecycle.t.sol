// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {PlenumGovernor} from "../src/PlenumGovernor.sol";
import {DisputeModule} from "../src/DisputeModule.sol";

contract LifecycleTest is PlenumFixture {
    function test_parameterChangeGoesThroughVoteTimelockAndExecution() public {
        Proposal memory p = _setParameterProposal(params.INFERENCE_FEE(), 0.25e18, "# Raise the inference fee");
        _propose(p, alice);
        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Pending, "pending");
        _waitForSnapshot(p);
        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Active, "active");
        _vote(p, alice, FOR);
        _vote(p, carol, AGAINST);
        _waitForDeadline(p);
        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Succeeded, "succeeded");
        _queue(p);
        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Queued, "queued");
        assertEq(governor.proposalEta(p.id), block.timestamp + TIMELOCK_DELAY, "eta");
        _waitForEta(p);
        _execute(p);
        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Executed, "executed");
        assertEq(params.getParameter(params.INFERENCE_FEE()), 0.25e18, "fee changed");
    }

    function test_upheldDisputeCancelsTheProposalAndPaysTheChallenger() public {
        Proposal memory p = _setParameterProposal(params.INFERENCE_FEE(), 2e18, "# Tenfold fee");
        _proposeAndQueue(p);
        uint256 disputeId = _fileDispute(p);
        assertTrue(disputes.isBlocking(p.id), "blocking");
        _waitForEta(p);
        vm.expectRevert(abi.encodeWithSelector(PlenumGovernor.ProposalDisputed.selector, p.id));
        _execute(p);
        _rule(disputeId, expert1, true);
        _rule(disputeId, expert2, true);
        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Canceled, "canceled");
        assertEq(disputes.claimable(challenger), BOND, "bond back, empty pool pays no reward");
        assertTrue(disputes.getDispute(disputeId).status == DisputeModule.Status.Upheld, "upheld");
    }
}
