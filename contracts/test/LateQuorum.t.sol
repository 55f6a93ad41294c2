// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor, Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {GovernorPreventLateQuorum} from "@openzeppelin/contracts/governance/extensions/GovernorPreventLateQuorum.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";

/// @dev OpenZeppelin's late-quorum rule as shipped, without Plenum's gas-saving guard: the referenceGovernor.
contract ReferenceLateQuorumGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorPreventLateQuorum
{
    constructor(IVotes token)
        Governor("Reference")
        GovernorSettings(1 days, 5 days, 100_000e18)
        GovernorVotes(token)
        GovernorVotesQuorumFraction(4)
        GovernorPreventLateQuorum(1 days)
    {}

    function votingDelay() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingDelay();
    }

    function votingPeriod() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingPeriod();
    }

    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        return super.quorum(timepoint);
    }

    function proposalDeadline(uint256 proposalId)
        public
        view
        override(Governor, GovernorPreventLateQuorum)
        returns (uint256)
    {
        return super.proposalDeadline(proposalId);
    }

    function _tallyUpdated(uint256 proposalId) internal override(Governor, GovernorPreventLateQuorum) {
        super._tallyUpdated(proposalId);
    }
}

/// @notice Plenum skips the late-quorum bookkeeping on votes that cannot move the deadline; these tests show the
/// deadlines stay exactly those of OpenZeppelin's GovernorPreventLateQuorum.
contract LateQuorumTest is PlenumFixture {
    ReferenceLateQuorumGovernor internal referenceGovernor;
    address[6] internal voters;

    function setUp() public override {
        super.setUp();
        referenceGovernor = new ReferenceLateQuorumGovernor(token);
        voters = [alice, bob, carol, address(0xD1), address(0xD2), address(0xD3)];
        _fund(voters[3], 1_500_000e18);
        _fund(voters[4], 2_000_000e18);
        _fund(voters[5], 3_000_000e18);
        for (uint256 i = 3; i < voters.length; ++i) _selfDelegate(voters[i]);
        vm.warp(block.timestamp + 1);
    }

    function _proposeOnBoth() internal returns (Proposal memory p, uint256 referenceId) {
        p = _setParameterProposal(params.MAX_LATENCY(), 600, "# Latency 600 ms");
        _propose(p, alice);
        vm.prank(alice);
        referenceId = referenceGovernor.propose(p.targets, p.values, p.calldatas, p.description);
        _waitForSnapshot(p);
    }

    function _voteOnBoth(Proposal memory p, uint256 referenceId, address voter, uint8 support) internal {
        _vote(p, voter, support);
        vm.prank(voter);
        referenceGovernor.castVote(referenceId, support);
        assertEq(governor.proposalDeadline(p.id), referenceGovernor.proposalDeadline(referenceId), "deadline matches OZ");
    }

    function test_quorumFirstReachedInTheLastDayExtendsTheDeadline() public {
        (Proposal memory p, uint256 referenceId) = _proposeOnBoth();
        uint256 deadline = governor.proposalDeadline(p.id);
        _voteOnBoth(p, referenceId, carol, FOR);
        vm.warp(deadline - 12 hours);
        vm.expectEmit(true, true, true, true, address(governor));
        emit GovernorPreventLateQuorum.ProposalExtended(p.id, uint64(block.timestamp + LATE_QUORUM_EXTENSION));
        _voteOnBoth(p, referenceId, alice, FOR);
        assertEq(governor.proposalDeadline(p.id), block.timestamp + LATE_QUORUM_EXTENSION, "extended");
        vm.warp(deadline + 1);
        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Active, "still active after the old deadline");
    }

    function test_quorumReachedEarlyIsNotExtendedByALateVote() public {
        (Proposal memory p, uint256 referenceId) = _proposeOnBoth();
        uint256 deadline = governor.proposalDeadline(p.id);
        _voteOnBoth(p, referenceId, alice, FOR);
        vm.warp(deadline - 1 hours);
        _voteOnBoth(p, referenceId, bob, AGAINST);
        _voteOnBoth(p, referenceId, carol, FOR);
        assertEq(governor.proposalDeadline(p.id), deadline, "not extended");
    }

    function test_lateAgainstVoteNeverExtendsButLateAbstainCountsTowardQuorum() public {
        (Proposal memory p, uint256 referenceId) = _proposeOnBoth();
        uint256 deadline = governor.proposalDeadline(p.id);
        vm.warp(deadline - 1 hours);
        _voteOnBoth(p, referenceId, alice, AGAINST);
        assertEq(governor.proposalDeadline(p.id), deadline, "against votes do not count toward quorum");
        _voteOnBoth(p, referenceId, bob, ABSTAIN);
        assertEq(governor.proposalDeadline(p.id), block.timestamp + LATE_QUORUM_EXTENSION, "5M abstain reaches quorum");
    }

    /// forge-config: default.fuzz.runs = 512
    function testFuzz_deadlinesMatchOpenZeppelin(uint256 seed) public {
        (Proposal memory p, uint256 referenceId) = _proposeOnBoth();
        bool[6] memory voted;
        for (uint256 step = 0; step < 8; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            vm.warp(block.timestamp + (r % 2 days));
            bool active = governor.state(p.id) == IGovernor.ProposalState.Active;
            assertTrue(
                active == (referenceGovernor.state(referenceId) == IGovernor.ProposalState.Active),
                "both active or neither"
            );
            if (!active) break;
            uint256 who = (r >> 64) % voters.length;
            if (voted[who]) continue;
            voted[who] = true;
            _voteOnBoth(p, referenceId, voters[who], uint8((r >> 128) % 3));
        }
    }
}
