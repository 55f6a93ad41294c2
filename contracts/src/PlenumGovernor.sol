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
import {ERC165Checker} from "@openzeppelin/contracts/utils/introspection/ERC165Checker.sol";
import {IDisputeModule} from "./IDisputeModule.sol";
import {IDisputeModuleSetter, PanelCalls} from "./PanelCalls.sol";
import {NetworkParameters} from "./NetworkParameters.sol";

/// @title Plenum governor
/// @notice OpenZeppelin Governor with timelock, late-quorum protection, a proposal guardian (the security
/// council) and the dispute hook: a proposal cannot execute while a dispute on it is open, and the dispute
/// module cancels a proposal whose dispute was upheld. Calls that change the dispute panel (PanelCalls) travel
/// alone: the panel stays out of such a proposal.
/// The guardian's powers (cancel here, pause on NetworkParameters) end at `guardianTermEnd()`, which only
/// governance moves; it can never cancel a proposal that only replaces or removes it, shortens its term, or
/// unpauses the network parameters.
contract PlenumGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorPreventLateQuorum,
    GovernorStorage,
    GovernorTimelockControl,
    GovernorProposalGuardian,
    IDisputeModuleSetter
{
    struct Settings {
        uint48 votingDelay;
        uint32 votingPeriod;
        uint256 proposalThreshold;
        uint256 quorumNumerator;
        uint48 lateQuorumExtension;
    }

    struct GuardianSettings {
        address guardian;
        uint48 termEnd;
        /// @dev The contract the guardian may pause, whose `unpause()` the guardian cannot cancel.
        address networkParameters;
    }

    /// @notice How far ahead governance may set the guardian's term end.
    uint256 public constant MAX_GUARDIAN_TERM = 730 days;
    /// @notice How long after the latest ETA a dispute can still be open: every dispute is filed before some queued
    /// proposal's ETA and decided or timed out within the module's longest adjudication period (14 days).
    uint256 public constant MAX_DISPUTE_SPAN = 14 days;

    address public immutable networkParameters;
    IDisputeModule private _disputeModule;
    uint48 private _guardianTermEnd;
    /// @dev The latest ETA of any queued proposal.
    uint48 private _latestEta;
    /// @dev Weight the vote being cast adds toward quorum (For and Abstain count, Against does not).
    uint256 private transient _quorumWeightOfThisVote;

    event DisputeModuleSet(address oldDisputeModule, address newDisputeModule);
    event GuardianTermSet(uint256 oldTermEnd, uint256 newTermEnd);

    error ProposalDisputed(uint256 proposalId);
    error InvalidDisputeModule(address disputeModule);
    error DisputeModuleOfAnotherGovernor(address disputeModule, address itsGovernor);
    error DisputesStillOpen(uint256 count);
    error MixedPanelProposal(uint256 panelCalls, uint256 calls);
    error GuardianTermTooLong(uint256 termEnd, uint256 maxTermEnd);
    error QuorumNumeratorZero();
    error RelayIntoTimelock();

    constructor(
        IVotes token,
        TimelockController timelock,
        IDisputeModule disputeModule_,
        GuardianSettings memory guardianSettings,
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
        _setProposalGuardian(guardianSettings.guardian);
        networkParameters = guardianSettings.networkParameters;
        _setGuardianTermEnd(guardianSettings.termEnd);
    }

    function disputeModule() public view returns (address) {
        return address(_disputeModule);
    }

    function guardianTermEnd() public view returns (uint256) {
        return _guardianTermEnd;
    }

    /// @notice Whether every call of the proposal changes the dispute panel (PanelCalls): it cannot be disputed and
    /// executes without asking the dispute module.
    function isPanelProposal(uint256 proposalId) public view returns (bool) {
        (address[] memory targets,, bytes[] memory calldatas,) = proposalDetails(proposalId);
        return PanelCalls.isPanelProposal(targets, calldatas, address(this), address(_disputeModule));
    }

    /// @notice Whether every call of the proposal only replaces or removes the guardian, shortens its term, or
    /// unpauses the network parameters: the guardian cannot cancel it.
    function isProtectedFromGuardian(uint256 proposalId) public view returns (bool) {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas,) = proposalDetails(proposalId);
        for (uint256 i = 0; i < targets.length; ++i) {
            if (values[i] != 0 || !_limitsTheGuardian(targets[i], calldatas[i])) return false;
        }
        return true;
    }

    /// @notice Replace the dispute module (governance only). The new module must declare IDisputeModule through
    /// ERC-165 and name this governor, and the current one must have no dispute open: an open dispute would
    /// otherwise be orphaned, its proposal unfrozen and its bonds left in the old module. That check lapses
    /// MAX_DISPUTE_SPAN after the latest ETA, when no genuine dispute can still be open, and a module that cannot
    /// answer `openDisputeCount` does not stop its replacement either: a broken module never holds governance.
    function setDisputeModule(IDisputeModule newDisputeModule) external onlyGovernance {
        address candidate = address(newDisputeModule);
        if (!ERC165Checker.supportsInterface(candidate, type(IDisputeModule).interfaceId)) {
            revert InvalidDisputeModule(candidate);
        }
        address itsGovernor = newDisputeModule.governor();
        if (itsGovernor != address(this)) revert DisputeModuleOfAnotherGovernor(candidate, itsGovernor);
        (bool answered, uint256 open) = _openDisputesOfCurrentModule();
        if (answered && open != 0 && block.timestamp <= _latestEta + MAX_DISPUTE_SPAN) revert DisputesStillOpen(open);
        _setDisputeModule(newDisputeModule);
    }

    /// @notice Move the end of the guardian's term (governance only), at most MAX_GUARDIAN_TERM from now. A time in
    /// the past ends it at once.
    function setGuardianTermEnd(uint48 newTermEnd) external onlyGovernance {
        _setGuardianTermEnd(newTermEnd);
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

    /// @dev Reads at most one word of the answer, so a module cannot make this revert or burn the gas.
    function _openDisputesOfCurrentModule() private view returns (bool answered, uint256 open) {
        address current = address(_disputeModule);
        bytes4 selector = IDisputeModule.openDisputeCount.selector;
        assembly ("memory-safe") {
            mstore(0, selector)
            let ok := staticcall(gas(), current, 0, 4, 0, 32)
            answered := and(ok, gt(returndatasize(), 31))
            open := mload(0)
        }
    }

    function _setGuardianTermEnd(uint48 newTermEnd) private {
        uint256 maxTermEnd = clock() + MAX_GUARDIAN_TERM;
        if (newTermEnd > maxTermEnd) revert GuardianTermTooLong(newTermEnd, maxTermEnd);
        emit GuardianTermSet(_guardianTermEnd, newTermEnd);
        _guardianTermEnd = newTermEnd;
    }

    /// @dev A call that replaces or removes the guardian, shortens (or keeps) its term, or unpauses the network
    /// parameters.
    function _limitsTheGuardian(address target, bytes memory data) private view returns (bool) {
        if (data.length < 4) return false;
        bytes4 selector = bytes4(data);
        if (target == networkParameters) return selector == NetworkParameters.unpause.selector;
        if (target != address(this)) return false;
        if (selector == this.setProposalGuardian.selector) return true;
        if (selector != this.setGuardianTermEnd.selector || data.length != 36) return false;
        uint256 newTermEnd;
        assembly ("memory-safe") {
            newTermEnd := mload(add(data, 36))
        }
        return newTermEnd <= _guardianTermEnd;
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        // A proposal of panel calls is out of the panel's reach, and replacing a broken module must not depend on it.
        bool panelProposal = PanelCalls.isPanelProposal(targets, calldatas, address(this), address(_disputeModule));
        if (!panelProposal && _disputeModule.isBlocking(proposalId)) revert ProposalDisputed(proposalId);
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    /// @dev Who may cancel besides the proposer (while pending):
    /// - the dispute module, which does so only when the panel upheld a dispute, never on a panel proposal;
    /// - the guardian until its term ends, except a proposal that only limits the guardian.
    /// Unlike OpenZeppelin's GovernorProposalGuardian, removing the guardian gives proposers no extra power to cancel.
    function _validateCancel(
        uint256 proposalId,
        address caller
    ) internal view override(Governor, GovernorProposalGuardian) returns (bool) {
        if (caller == address(_disputeModule)) return !isPanelProposal(proposalId);
        if (caller == proposalGuardian() && caller != address(0) && clock() < _guardianTermEnd) {
            if (!isProtectedFromGuardian(proposalId)) return true;
        }
        return Governor._validateCancel(proposalId, caller);
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
        uint256 panelCalls = PanelCalls.countPanelCalls(targets, calldatas, address(this), address(_disputeModule));
        if (panelCalls != 0 && panelCalls != targets.length) revert MixedPanelProposal(panelCalls, targets.length);
        return super._propose(targets, values, calldatas, description, proposer);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48 eta) {
        eta = super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
        if (eta > _latestEta) _latestEta = eta;
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
