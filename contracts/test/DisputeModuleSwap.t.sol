// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {PlenumGovernor} from "../src/PlenumGovernor.sol";
import {IDisputeModule} from "../src/IDisputeModule.sol";
import {DisputeModule} from "../src/DisputeModule.sol";

/// @dev Declares the module interface and names its governor, then misbehaves as `fault` says.
contract BrokenModule is IDisputeModule {
    enum Fault {
        RevertsForRealIds,
        AlwaysBlocks,
        /// answers `openDisputeCount` with no data
        AnswersNothing,
        /// reports an open dispute for ever
        NeverClosesADispute
    }

    address public immutable governor;
    Fault public immutable fault;

    constructor(address governor_, Fault fault_) {
        governor = governor_;
        fault = fault_;
    }

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == type(IDisputeModule).interfaceId || interfaceId == type(IERC165).interfaceId;
    }

    function isBlocking(uint256 proposalId) external view returns (bool) {
        if (fault == Fault.RevertsForRealIds && proposalId != 0) revert("broken");
        return fault != Fault.RevertsForRealIds;
    }

    function openDisputeCount() external view returns (uint256) {
        if (fault == Fault.RevertsForRealIds) revert("broken");
        if (fault == Fault.NeverClosesADispute) return 1;
        if (fault == Fault.AnswersNothing) {
            assembly {
                return(0, 0)
            }
        }
        return 0;
    }
}

/// @dev A contract with code that answers every call successfully but with no data.
contract SilentContract {
    fallback() external {}
}

/// @dev Answers `isBlocking` like a module but declares nothing: the check the first version relied on.
contract UndeclaredModule {
    function isBlocking(uint256) external pure returns (bool) {
        return false;
    }

    function openDisputeCount() external pure returns (uint256) {
        return 0;
    }
}

/// @dev A bad dispute module must not brick governance: the governor accepts only a module that declares the
/// interface and names it, and the proposal that replaces a module never asks that module.
contract DisputeModuleSwapTest is PlenumFixture {
    function _swapProposal(address module, string memory description) internal view returns (Proposal memory) {
        return _single(
            address(governor), abi.encodeCall(PlenumGovernor.setDisputeModule, (IDisputeModule(module))), description
        );
    }

    function _install(address module) internal {
        _proposeAndExecute(_swapProposal(module, "# Install a module"));
        assertEq(governor.disputeModule(), module, "installed");
    }

    /// @dev With a broken module installed, an ordinary proposal is stuck, and the swap back to a sound module
    /// still goes through.
    function _assertTheSwapBackWorks(bytes memory stuckError) internal {
        Proposal memory fee = _setParameterProposal(params.INFERENCE_FEE(), 0.3e18, "# Fee under a broken module");
        _proposeAndQueue(fee);
        _waitForEta(fee);
        vm.expectRevert(stuckError);
        _execute(fee);

        _proposeAndExecute(_swapProposal(address(disputes), "# Back to the sound module"));
        assertEq(governor.disputeModule(), address(disputes), "swapped back");
        _execute(fee);
        assertEq(uint256(governor.state(fee.id)), uint256(IGovernor.ProposalState.Executed), "unstuck");
    }

    /// @dev The review's finding: a module that reverts for real ids froze every proposal, its replacement included.
    function test_aModuleThatRevertsForRealIdsCanBeReplaced() public {
        _install(address(new BrokenModule(address(governor), BrokenModule.Fault.RevertsForRealIds)));
        _assertTheSwapBackWorks(bytes("broken"));
    }

    function test_aModuleThatAlwaysBlocksCanBeReplaced() public {
        _install(address(new BrokenModule(address(governor), BrokenModule.Fault.AlwaysBlocks)));
        _assertTheSwapBackWorks(abi.encodeWithSelector(PlenumGovernor.ProposalDisputed.selector, _stuckProposal().id));
    }

    function test_aContractThatDoesNotDeclareTheInterfaceIsRefused() public {
        address[5] memory candidates = [
            address(new UndeclaredModule()), address(new SilentContract()), address(token), address(0x1234), address(0)
        ];
        for (uint256 i = 0; i < candidates.length; ++i) {
            Proposal memory p = _swapProposal(candidates[i], string.concat("# Swap ", Strings.toString(i)));
            _proposeAndQueue(p);
            _waitForEta(p);
            vm.expectRevert(abi.encodeWithSelector(PlenumGovernor.InvalidDisputeModule.selector, candidates[i]));
            _execute(p);
        }
        assertEq(governor.disputeModule(), address(disputes), "unchanged");
    }

    function test_aModuleOfAnotherGovernorIsRefused() public {
        address otherGovernor = address(0x60F);
        DisputeModule foreign = _soloPanelModule(otherGovernor, expert1);
        Proposal memory p = _swapProposal(address(foreign), "# A module built for someone else");
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.expectRevert(
            abi.encodeWithSelector(PlenumGovernor.DisputeModuleOfAnotherGovernor.selector, address(foreign), otherGovernor)
        );
        _execute(p);
        BrokenModule alsoForeign = new BrokenModule(otherGovernor, BrokenModule.Fault.AlwaysBlocks);
        p = _swapProposal(address(alsoForeign), "# Another foreign module");
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.expectRevert(
            abi.encodeWithSelector(
                PlenumGovernor.DisputeModuleOfAnotherGovernor.selector, address(alsoForeign), otherGovernor
            )
        );
        _execute(p);
    }

    function test_theModuleDeclaresItsInterface() public view {
        assertTrue(disputes.supportsInterface(type(IDisputeModule).interfaceId), "IDisputeModule");
        assertTrue(disputes.supportsInterface(type(IERC165).interfaceId), "IERC165");
        assertFalse(disputes.supportsInterface(0xffffffff), "not everything");
        assertEq(disputes.governor(), address(governor), "names its governor");
    }

    function _stuckProposal() internal view returns (Proposal memory p) {
        p = _setParameterProposal(params.INFERENCE_FEE(), 0.3e18, "# Fee under a broken module");
        p.id = governor.getProposalId(p.targets, p.values, p.calldatas, p.descriptionHash);
    }

    /// @dev Review finding: an answer shorter than a word failed to decode inside the governor, past its try/catch,
    /// so the module could never be replaced.
    function test_aModuleAnsweringWithNoDataCanBeReplaced() public {
        _install(address(new BrokenModule(address(governor), BrokenModule.Fault.AnswersNothing)));
        _assertTheSwapBackWorks(abi.encodeWithSelector(PlenumGovernor.ProposalDisputed.selector, _stuckProposal().id));
    }

    /// @dev Review finding: a module reporting an open dispute for ever could never be replaced. No genuine dispute
    /// outlives the latest ETA by more than the longest adjudication period, so from then on its answer no longer
    /// holds governance.
    function test_aModuleReportingAnOpenDisputeForEverIsReplacedOnceNoDisputeCanBeOpen() public {
        _install(address(new BrokenModule(address(governor), BrokenModule.Fault.NeverClosesADispute)));
        Proposal memory back = _swapProposal(address(disputes), "# Back to the sound module");
        _proposeAndQueue(back);
        _waitForEta(back);
        vm.expectRevert(abi.encodeWithSelector(PlenumGovernor.DisputesStillOpen.selector, 1));
        _execute(back);
        // The latest ETA is this proposal's own: 14 days after it, no dispute can still be open.
        vm.warp(governor.proposalEta(back.id) + governor.MAX_DISPUTE_SPAN());
        vm.expectRevert(abi.encodeWithSelector(PlenumGovernor.DisputesStillOpen.selector, 1));
        _execute(back);
        vm.warp(governor.proposalEta(back.id) + governor.MAX_DISPUTE_SPAN() + 1);
        _execute(back);
        assertEq(governor.disputeModule(), address(disputes), "swapped back");
    }

    /// @dev Review finding: a replaced module still took bonds on the governor's proposals, for disputes it could
    /// never uphold (its cancel is refused) and that froze nothing.
    function test_aReplacedModuleTakesNoNewDisputes() public {
        DisputeModule fresh = _soloPanelModule(address(governor), address(0xE9));
        Proposal memory fee = _setParameterProposal(params.INFERENCE_FEE(), 2e18, "# Tenfold fee");
        _proposeAndQueue(fee);
        // Before it is installed, the new module takes nothing either.
        vm.startPrank(challenger);
        token.approve(address(fresh), BOND);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.ModuleReplaced.selector, address(disputes)));
        fresh.fileDispute(fee.id, "Filed through a module not in charge");
        vm.stopPrank();

        _proposeAndExecute(_swapProposal(address(fresh), "# Module v2"));
        vm.startPrank(challenger);
        token.approve(address(disputes), BOND);
        vm.expectRevert(abi.encodeWithSelector(DisputeModule.ModuleReplaced.selector, address(fresh)));
        disputes.fileDispute(fee.id, "Filed through a stale address");
        vm.stopPrank();
    }
}
