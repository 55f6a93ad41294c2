// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {PlenumGovernor} from "../src/PlenumGovernor.sol";
import {IDisputeModule} from "../src/IDisputeModule.sol";
import {DisputeModule} from "../src/DisputeModule.sol";
import {NetworkParameters} from "../src/NetworkParameters.sol";
import {IDisputePanelAdmin} from "../src/PanelCalls.sol";

/// @dev The panel steps aside only from the calls that change the panel (PanelCalls); it judges everything else.
contract PanelConflictsTest is PlenumFixture {
    address internal drain = address(0xD2A1);

    function _calls(address[] memory targets, bytes[] memory calldatas, string memory description)
        internal
        pure
        returns (Proposal memory p)
    {
        p.targets = targets;
        p.values = new uint256[](targets.length);
        p.calldatas = calldatas;
        p.description = description;
        p.descriptionHash = keccak256(bytes(description));
    }

    function _pair(address targetA, bytes memory dataA, address targetB, bytes memory dataB, string memory description)
        internal
        pure
        returns (Proposal memory)
    {
        address[] memory targets = new address[](2);
        (targets[0], targets[1]) = (targetA, targetB);
        bytes[] memory calldatas = new bytes[](2);
        (calldatas[0], calldatas[1]) = (dataA, dataB);
        return _calls(targets, calldatas, description);
    }

    function _treasuryDrain() internal view returns (bytes memory) {
        return abi.encodeCall(IERC20.transfer, (drain, token.balanceOf(address(timelock))));
    }

    /// @dev Every call the panel is conflicted on, each as its own proposal's only action.
    function _panelCalls() internal view returns (address[] memory targets, bytes[] memory calldatas) {
        targets = new address[](6);
        calldatas = new bytes[](6);
        for (uint256 i = 0; i < 5; ++i) targets[i] = address(disputes);
        targets[5] = address(governor);
        calldatas[0] = abi.encodeCall(DisputeModule.addPanelMember, (address(0xE4), "Inference hardware auditor"));
        calldatas[1] = abi.encodeCall(DisputeModule.removePanelMember, (expert3));
        calldatas[2] = abi.encodeCall(DisputeModule.setRulingQuorum, (3));
        calldatas[3] = abi.encodeCall(DisputeModule.setExpertStake, (60_000e18));
        calldatas[4] = abi.encodeCall(
            DisputeModule.slashExpert,
            (expert1, 1_000e18, IDisputePanelAdmin.SlashGround.IdleOnTimeout, 1, "Idle")
        );
        calldatas[5] = abi.encodeCall(PlenumGovernor.setDisputeModule, (IDisputeModule(address(disputes))));
    }

    function _file(Proposal memory p, address account) internal returns (uint256 disputeId) {
        vm.startPrank(account);
        token.approve(address(disputes), BOND);
        disputeId = disputes.fileDispute(p.id, "Drains the treasury");
        vm.stopPrank();
    }

    /// @dev The review's attack: a treasury drain that also calls `governor.name()` used to get a dispute the panel
    /// could not rule on, so it ran one adjudication period late. Now the panel rules on it and cancels it.
    function test_aTreasuryDrainThatAlsoCallsTheGovernorIsJudgedByThePanel() public {
        Proposal memory p = _pair(
            address(token), _treasuryDrain(), address(governor), abi.encodeCall(Governor.name, ()), "# Drain"
        );
        _proposeAndQueue(p);
        assertFalse(governor.isPanelProposal(p.id), "not a panel proposal");
        uint256 disputeId = _file(p, challenger);
        _rule(disputeId, expert1, true);
        _rule(disputeId, expert2, true);
        assertEq(uint256(governor.state(p.id)), uint256(IGovernor.ProposalState.Canceled), "the drain is canceled");
        assertEq(token.balanceOf(drain), 0, "nothing drained");
    }

    /// @dev The same trick with a relay into the module, a module setting, or ownership of another contract: the
    /// panel judges each of them, since none changes the panel.
    function test_callsThatMerelyTouchTheModuleOrTheGovernorAreJudged() public {
        bytes[4] memory disguises = [
            abi.encodeCall(Governor.relay, (address(disputes), 0, abi.encodeCall(DisputeModule.removePanelMember, (expert1)))),
            abi.encodeCall(DisputeModule.setBond, (BOND)),
            abi.encodeCall(Ownable.transferOwnership, (address(timelock))),
            abi.encodeCall(GovernorSettings.setVotingDelay, (2 days))
        ];
        address[4] memory targets = [address(governor), address(disputes), address(registry), address(governor)];
        for (uint256 i = 0; i < disguises.length; ++i) {
            Proposal memory p = _pair(
                address(token),
                _treasuryDrain(),
                targets[i],
                disguises[i],
                string.concat("# Drain, disguised ", Strings.toString(i))
            );
            _proposeAndQueue(p);
            uint256 disputeId = _file(p, challenger);
            _rule(disputeId, expert1, true);
            _rule(disputeId, expert3, true);
            assertEq(uint256(governor.state(p.id)), uint256(IGovernor.ProposalState.Canceled), "canceled by the panel");
        }
    }

    /// @dev The module's owner receives the reward pool, slashed stakes and forfeited bonds: handing the module to
    /// another owner is a treasury transfer, and the panel judges it.
    function test_handingTheModuleToAnotherOwnerIsJudged() public {
        address taker = address(0x7A6E);
        Proposal memory p =
            _single(address(disputes), abi.encodeCall(Ownable.transferOwnership, (taker)), "# Module to a multisig");
        _proposeAndQueue(p);
        assertFalse(governor.isPanelProposal(p.id), "not a panel call");
        uint256 disputeId = _file(p, challenger);
        _rule(disputeId, expert1, true);
        _rule(disputeId, expert2, true);
        assertEq(uint256(governor.state(p.id)), uint256(IGovernor.ProposalState.Canceled), "canceled by the panel");
        assertEq(disputes.owner(), address(timelock), "the timelock still owns the module");
    }

    function test_governanceSettingsAndTimelockRoleChangesAreJudged() public {
        Proposal memory settings =
            _single(address(governor), abi.encodeCall(GovernorSettings.setProposalThreshold, (0)), "# No threshold");
        Proposal memory role = _single(
            address(timelock),
            abi.encodeCall(IAccessControl.grantRole, (timelock.EXECUTOR_ROLE(), address(0))),
            "# Open the executor role"
        );
        _proposeAndQueue(settings);
        uint256 first = _file(settings, challenger);
        _rule(first, expert1, true);
        _rule(first, expert2, true);
        _proposeAndQueue(role);
        _fund(carol, BOND);
        uint256 second = _file(role, carol);
        _rule(second, expert2, true);
        _rule(second, expert3, true);
        assertEq(uint256(governor.state(settings.id)), uint256(IGovernor.ProposalState.Canceled), "settings canceled");
        assertEq(uint256(governor.state(role.id)), uint256(IGovernor.ProposalState.Canceled), "role grant canceled");
    }

    /// @dev A panel call may not hide next to anything else, whatever the order.
    function test_aPanelCallMixedWithAnythingElseIsRefusedAtPropose() public {
        (address[] memory panelTargets, bytes[] memory panelCalldatas) = _panelCalls();
        for (uint256 i = 0; i < panelTargets.length; ++i) {
            Proposal memory p = _pair(
                panelTargets[i],
                panelCalldatas[i],
                address(params),
                abi.encodeCall(NetworkParameters.setParameter, (params.INFERENCE_FEE(), 0.3e18)),
                "# Mixed"
            );
            vm.expectRevert(abi.encodeWithSelector(PlenumGovernor.MixedPanelProposal.selector, 1, 2));
            vm.prank(alice);
            governor.propose(p.targets, p.values, p.calldatas, p.description);

            p = _pair(address(token), _treasuryDrain(), panelTargets[i], panelCalldatas[i], "# Mixed, reversed");
            vm.expectRevert(abi.encodeWithSelector(PlenumGovernor.MixedPanelProposal.selector, 1, 2));
            vm.prank(alice);
            governor.propose(p.targets, p.values, p.calldatas, p.description);
        }
        // Panel calls together are fine.
        Proposal memory together = _pair(
            panelTargets[2], panelCalldatas[2], panelTargets[0], panelCalldatas[0], "# Grow the panel, raise the quorum"
        );
        _propose(together, alice);
        assertTrue(governor.isPanelProposal(together.id), "a panel proposal");
    }

    function test_aPanelProposalCannotBeDisputedAndExecutesOnTheVote() public {
        (address[] memory panelTargets, bytes[] memory panelCalldatas) = _panelCalls();
        // Give the idle-timeout slash its ground first: dispute 1 times out with expert1 idle.
        Proposal memory fee = _setParameterProposal(params.INFERENCE_FEE(), 0.3e18, "# Fee");
        _proposeAndQueue(fee);
        uint256 timedOut = _file(fee, challenger);
        vm.warp(disputes.getDispute(timedOut).deadline + 1);
        disputes.resolveTimeout(timedOut);

        for (uint256 i = 0; i < panelTargets.length; ++i) {
            Proposal memory p =
                _single(panelTargets[i], panelCalldatas[i], string.concat("# Panel call ", Strings.toString(i)));
            _proposeAndQueue(p);
            assertTrue(governor.isPanelProposal(p.id), "a panel proposal");
            vm.startPrank(challenger);
            token.approve(address(disputes), BOND);
            vm.expectRevert(abi.encodeWithSelector(DisputeModule.PanelConflicted.selector, p.id));
            disputes.fileDispute(p.id, "The panel would rather not");
            vm.stopPrank();
            // The dispute module cannot cancel it either.
            vm.expectRevert(
                abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, p.id, address(disputes))
            );
            vm.prank(address(disputes));
            governor.cancel(p.id);
            _waitForEta(p);
            _execute(p);
        }
        assertTrue(disputes.isPanelMember(address(0xE4)), "added");
        assertFalse(disputes.isPanelMember(expert3), "removed");
        assertEq(disputes.expertStake(), 60_000e18, "stake raised");
        assertFalse(disputes.isPanelMember(expert1), "slashed and removed");
    }
}
