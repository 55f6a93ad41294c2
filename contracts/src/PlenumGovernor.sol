// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IGovernor, Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {GovernorPreventLateQuorum} from "@openzeppelin/contracts/governance/extensions/GovernorPreventLateQuorum.sol";
import {GovernorStorage} from "@openzeppelin/contracts/governance/extensions/GovernorStorage.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorProposalGuardian} from "@openzeppelin/contracts/governance/extensions/GovernorProposalGuardian.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {IDisputeModule} from "./IDisputeModule.sol";

/// @title Plenum governor
/// @notice OpenZeppelin Governor with timelock, late-quorum protection, a proposal guardian (the security
/// council) and the dispute hook: a proposal cannot execute while a dispute on it is open, and the dispute
/// module cancels a proposal whose dispute was upheld.
contract PlenumGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorPreventLateQuorum,
    GovernorStorage,
    GovernorTimelockControl,
    GovernorProposalGuardian
{
    struct Settings {
        uint48 votingDelay;
        uint32 votingPeriod;
        uint256 proposalThreshold;
        uint256 quorumNumerator;
        uint48 lateQuorumExtension;
    }

    IDisputeModule private _disputeModule;
    /// @dev Weight the vote being cast adds toward quorum (For and Abstain count, Against does not).
    uint256 private transient _quorumWeightOfThisVote;

    event DisputeModuleSet(address oldDisputeModule, address newDisputeModule);

    error ProposalDisputed(uint256 proposalId);
    error InvalidDisputeModule(address disputeModule);
    error DisputesStillOpen(uint256 count);
    error QuorumNumeratorZero();
    error RelayIntoTimelock();

    constructor(
        IVotes token,
        TimelockController timelock,
        IDisputeModule disputeModule_,
        address guardian,
        Settings memory settings
    )
        Governor("Plenum Governor")
        GovernorSettings(settings.votingDelay, settings.votingPeriod, settings.proposalThreshold)
        GovernorVotes(token)
        GovernorVotesQuorumFraction(settings.quorumNumerator)
        GovernorPreventLateQuorum(settings.lateQuorumExtension)
        GovernorTimelockControl(timelock)
    {
        _setDisputeModule(disputeModule_);
        _setProposalGuardian(guardian);
    }

    function disputeModule() public view returns (address) {
        return address(_disputeModule);
    }

    /// @notice Replace the dispute module (governance only). The new module must be a contract that answers
    /// `isBlocking` (probed with proposal 0), and the current one must have no dispute open: an open dispute would
    /// otherwise be orphaned, its proposal unfrozen and its bond left in the old module.
    function setDisputeModule(IDisputeModule newDisputeModule) external onlyGovernance {
        address candidate = address(newDisputeModule);
        if (candidate.code.length == 0) revert InvalidDisputeModule(candidate);
        (bool ok, bytes memory answer) = candidate.staticcall(abi.encodeCall(IDisputeModule.isBlocking, (0)));
        if (!ok || answer.length < 32 || uint256(bytes32(answer)) > 1) revert InvalidDisputeModule(candidate);
        uint256 open = _disputeModule.openDisputeCount();
        if (open != 0) revert DisputesStillOpen(open);
        _setDisputeModule(newDisputeModule);
    }

    /// @notice Governance-only arbitrary call, as in Governor, except into the timelock: that would let one passed
    /// proposal run another queued operation, even one frozen by a dispute.
    function relay(address target, uint256 value, bytes calldata data) public payable override onlyGovernance {
        if (target == timelock()) revert RelayIntoTimelock();
        (bool success, bytes memory returndata) = target.call{value: value}(data);
        Address.verifyCallResult(success, returndata);
    }

    function _setDisputeModule(IDisputeModule newDisputeModule) private {
        if (address(newDisputeModule) == address(0)) revert InvalidDisputeModule(address(0));
        emit DisputeModuleSet(address(_disputeModule), address(newDisputeModule));
        _disputeModule = newDisputeModule;
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        if (_disputeModule.isBlocking(proposalId)) revert ProposalDisputed(proposalId);
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    /// @dev Besides the proposer (while pending) and the guardian, the dispute module may cancel: it does so
    /// only when the panel upheld a dispute.
    function _validateCancel(
        uint256 proposalId,
        address caller
    ) internal view override(Governor, GovernorProposalGuardian) returns (bool) {
        return caller == address(_disputeModule) || super._validateCancel(proposalId, caller);
    }

    // The overrides below only resolve the multiple inheritance.

    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        return super.state(proposalId);
    }

    function proposalNeedsQueuing(
        uint256 proposalId
    ) public view override(Governor, GovernorTimelockControl) returns (bool) {
        return super.proposalNeedsQueuing(proposalId);
    }

    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    function votingDelay() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingDelay();
    }

    function votingPeriod() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingPeriod();
    }

    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        return super.quorum(timepoint);
    }

    function proposalDeadline(
        uint256 proposalId
    ) public view override(Governor, GovernorPreventLateQuorum) returns (uint256) {
        return super.proposalDeadline(proposalId);
    }

    function _countVote(
        uint256 proposalId,
        address account,
        uint8 support,
        uint256 totalWeight,
        bytes memory params
    ) internal override(Governor, GovernorCountingSimple) returns (uint256 counted) {
        counted = super._countVote(proposalId, account, support, totalWeight, params);
        _quorumWeightOfThisVote = support == uint8(VoteType.Against) ? 0 : counted;
    }

    /// @dev The quorum numerator is never 0 (checked in the constructor too, which goes through this function): the
    /// gas-saving guard in `_tallyUpdated` is exactly equivalent to OpenZeppelin's GovernorPreventLateQuorum only
    /// when the quorum is non-zero. With a zero quorum, quorum counts as reached before the first vote, so
    /// OpenZeppelin extends the deadline on the first vote cast in the last `lateQuorumVoteExtension()` while the
    /// guard never does. The token supply is fixed at deploy, so a numerator >= 1 keeps the quorum above 0.
    function _updateQuorumNumerator(uint256 newQuorumNumerator) internal override {
        if (newQuorumNumerator == 0) revert QuorumNumeratorZero();
        super._updateQuorumNumerator(newQuorumNumerator);
    }

    /// @dev GovernorPreventLateQuorum looks the quorum up on every vote until quorum is reached (token and
    /// numerator checkpoint reads) and stores a deadline when it is reached even if nothing is extended. Only the
    /// vote that first reaches quorum within the last `lateQuorumVoteExtension()` of the voting period can move
    /// the deadline, so every other vote skips that work; which proposals get extended, to when, is unchanged.
    /// This equivalence needs a non-zero quorum (see `_updateQuorumNumerator`): only then is quorum first reached
    /// by a vote whose For/Abstain weight crosses it, which the second check lets through to super.
    /// Before any extension the deadline is the original one, hence the cheaper `Governor.proposalDeadline`.
    function _tallyUpdated(uint256 proposalId) internal override(Governor, GovernorPreventLateQuorum) {
        if (clock() + lateQuorumVoteExtension() <= Governor.proposalDeadline(proposalId)) return;
        (, uint256 forVotes, uint256 abstainVotes) = proposalVotes(proposalId);
        if (forVotes + abstainVotes - _quorumWeightOfThisVote >= quorum(proposalSnapshot(proposalId))) return;
        super._tallyUpdated(proposalId);
    }

    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override(Governor, GovernorStorage) returns (uint256) {
        return super._propose(targets, values, calldatas, description, proposer);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }
}
