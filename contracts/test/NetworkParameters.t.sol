// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {NetworkParameters} from "../src/NetworkParameters.sol";

contract NetworkParametersTest is PlenumFixture {
    bytes32 internal constant INFERENCE_FEE = bytes32("inferenceFee");
    bytes32 internal constant PROVIDER_REWARD_RATE = bytes32("providerRewardRate");
    bytes32 internal constant SLASHING_RATE = bytes32("slashingRate");
    bytes32 internal constant MIN_UPTIME = bytes32("minUptime");
    bytes32 internal constant MAX_LATENCY = bytes32("maxLatency");
    bytes32 internal constant OPEN_MODEL_SUBSIDY = bytes32("openModelSubsidy");
    bytes32 internal constant UNKNOWN = bytes32("gpuRentalPrice");

    struct Expected {
        bytes32 key;
        uint256 value;
        uint256 min;
        uint256 max;
        string unit;
        string description;
    }

    /// @dev The deployed defaults and hard bounds, in key order: the app builds its templates from these.
    function _expected() internal pure returns (Expected[] memory e) {
        e = new Expected[](6);
        e[0] = Expected(
            INFERENCE_FEE, 0.2e18, 0.01e18, 2e18, "PLM per 1k tokens", "Fee users pay per 1,000 inference tokens"
        );
        e[1] = Expected(
            PROVIDER_REWARD_RATE,
            8_000,
            5_000,
            9_500,
            "bps",
            "Share of inference fees paid to the GPU provider that served the request"
        );
        e[2] = Expected(
            SLASHING_RATE, 500, 100, 5_000, "bps", "Share of a provider's stake slashed for a proven SLA breach"
        );
        e[3] = Expected(MIN_UPTIME, 9_950, 9_000, 9_999, "bps", "Minimum monthly uptime a provider must meet (SLA)");
        e[4] =
            Expected(MAX_LATENCY, 800, 100, 5_000, "ms", "Maximum p95 inference latency a provider may serve (SLA)");
        e[5] = Expected(
            OPEN_MODEL_SUBSIDY, 1_000, 0, 5_000, "bps", "Discount on inference fees for open-weight models, paid by the treasury"
        );
    }

    function _assertInfo(NetworkParameters.ParameterInfo memory info, Expected memory e, uint256 value) internal pure {
        assertEq(info.value, value, "value");
        assertEq(info.min, e.min, "min");
        assertEq(info.max, e.max, "max");
        assertEq(info.unit, e.unit, "unit");
        assertEq(info.description, e.description, "description");
    }

    /// @dev Two actions on NetworkParameters in one proposal: unpause, then set `key`.
    function _unpauseAndSetProposal(bytes32 key, uint256 value, string memory description)
        internal
        view
        returns (Proposal memory p)
    {
        p.targets = new address[](2);
        p.values = new uint256[](2);
        p.calldatas = new bytes[](2);
        (p.targets[0], p.targets[1]) = (address(params), address(params));
        p.calldatas[0] = abi.encodeCall(NetworkParameters.unpause, ());
        p.calldatas[1] = abi.encodeCall(NetworkParameters.setParameter, (key, value));
        p.description = description;
        p.descriptionHash = keccak256(bytes(description));
    }

    function _setAsTimelock(bytes32 key, uint256 value) internal {
        vm.prank(address(timelock));
        params.setParameter(key, value);
    }

    // ---------------------------------------------------------------- defaults, bounds and views

    function test_keyConstantsAreTheNamesAsBytes32() public view {
        assertEq(params.INFERENCE_FEE(), INFERENCE_FEE, "inferenceFee");
        assertEq(params.PROVIDER_REWARD_RATE(), PROVIDER_REWARD_RATE, "providerRewardRate");
        assertEq(params.SLASHING_RATE(), SLASHING_RATE, "slashingRate");
        assertEq(params.MIN_UPTIME(), MIN_UPTIME, "minUptime");
        assertEq(params.MAX_LATENCY(), MAX_LATENCY, "maxLatency");
        assertEq(params.OPEN_MODEL_SUBSIDY(), OPEN_MODEL_SUBSIDY, "openModelSubsidy");
    }

    function test_everyKeyStartsAtItsDefaultWithinItsBounds() public view {
        Expected[] memory e = _expected();
        for (uint256 i = 0; i < e.length; ++i) {
            assertEq(params.getParameter(e[i].key), e[i].value, "default value");
            _assertInfo(params.parameterInfo(e[i].key), e[i], e[i].value);
            assertLe(e[i].min, e[i].value, "default above min");
            assertLe(e[i].value, e[i].max, "default below max");
        }
    }

    function test_parameterKeysListsEverySixKeysInOrder() public view {
        Expected[] memory e = _expected();
        bytes32[] memory keys = params.parameterKeys();
        assertEq(keys.length, e.length, "key count");
        for (uint256 i = 0; i < keys.length; ++i) {
            assertEq(keys[i], e[i].key, "key order");
        }
    }

    function test_allParametersReturnsEveryKeyWithItsCurrentInfo() public {
        _setAsTimelock(MAX_LATENCY, 650);

        (bytes32[] memory keys, NetworkParameters.ParameterInfo[] memory infos) = params.allParameters();
        Expected[] memory e = _expected();
        assertEq(keys.length, e.length, "key count");
        assertEq(infos.length, e.length, "info count");
        for (uint256 i = 0; i < keys.length; ++i) {
            assertEq(keys[i], e[i].key, "key order");
            uint256 value = keys[i] == MAX_LATENCY ? 650 : e[i].value;
            _assertInfo(infos[i], e[i], value);
        }
    }

    function test_ownerIsTheTimelockAndGuardianIsTheCouncil() public view {
        assertEq(params.owner(), address(timelock), "owner");
        assertEq(params.guardian(), guardian, "guardian");
        assertFalse(params.paused(), "not paused at deploy");
    }

    // ---------------------------------------------------------------- setParameter by the timelock

    function test_timelockCanSetEveryKeyToItsMinAndMax() public {
        Expected[] memory e = _expected();
        for (uint256 i = 0; i < e.length; ++i) {
            _setAsTimelock(e[i].key, e[i].min);
            assertEq(params.getParameter(e[i].key), e[i].min, "at min");
            _setAsTimelock(e[i].key, e[i].max);
            assertEq(params.getParameter(e[i].key), e[i].max, "at max");
            assertEq(params.parameterInfo(e[i].key).value, e[i].max, "info follows");
        }
    }

    function test_setParameterEmitsParameterChangedWithOldAndNewValue() public {
        vm.expectEmit(true, false, false, true, address(params));
        emit NetworkParameters.ParameterChanged(INFERENCE_FEE, 0.2e18, 0.35e18);
        _setAsTimelock(INFERENCE_FEE, 0.35e18);

        vm.expectEmit(true, false, false, true, address(params));
        emit NetworkParameters.ParameterChanged(INFERENCE_FEE, 0.35e18, 0.01e18);
        _setAsTimelock(INFERENCE_FEE, 0.01e18);
    }

    function test_valuesBelowMinRevertWithTheBounds() public {
        Expected[] memory e = _expected();
        for (uint256 i = 0; i < e.length; ++i) {
            if (e[i].min == 0) continue; // openModelSubsidy: nothing lies below 0
            vm.prank(address(timelock));
            vm.expectRevert(
                abi.encodeWithSelector(
                    NetworkParameters.ParameterOutOfBounds.selector, e[i].key, e[i].min - 1, e[i].min, e[i].max
                )
            );
            params.setParameter(e[i].key, e[i].min - 1);
            assertEq(params.getParameter(e[i].key), e[i].value, "unchanged");
        }
    }

    function test_valuesAboveMaxRevertWithTheBounds() public {
        Expected[] memory e = _expected();
        for (uint256 i = 0; i < e.length; ++i) {
            vm.prank(address(timelock));
            vm.expectRevert(
                abi.encodeWithSelector(
                    NetworkParameters.ParameterOutOfBounds.selector, e[i].key, e[i].max + 1, e[i].min, e[i].max
                )
            );
            params.setParameter(e[i].key, e[i].max + 1);
            assertEq(params.getParameter(e[i].key), e[i].value, "unchanged");
        }
    }

    function test_maxUint256IsOutOfBounds() public {
        vm.prank(address(timelock));
        vm.expectRevert(
            abi.encodeWithSelector(
                NetworkParameters.ParameterOutOfBounds.selector, SLASHING_RATE, type(uint256).max, 100, 5_000
            )
        );
        params.setParameter(SLASHING_RATE, type(uint256).max);
    }

    function test_unknownKeyRevertsEverywhere() public {
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.UnknownParameter.selector, UNKNOWN));
        params.setParameter(UNKNOWN, 1);

        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.UnknownParameter.selector, UNKNOWN));
        params.getParameter(UNKNOWN);

        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.UnknownParameter.selector, UNKNOWN));
        params.parameterInfo(UNKNOWN);

        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.UnknownParameter.selector, bytes32(0)));
        params.getParameter(bytes32(0));
    }

    // ---------------------------------------------------------------- through real governance

    function test_proposalExecutedEndToEndChangesTheValue() public {
        Proposal memory p = _setParameterProposal(SLASHING_RATE, 5_000, "# Slash harder for SLA breaches");

        _proposeAndQueue(p);
        _waitForEta(p);
        assertEq(params.getParameter(SLASHING_RATE), 500, "unchanged until execution");

        vm.expectEmit(true, false, false, true, address(params));
        emit NetworkParameters.ParameterChanged(SLASHING_RATE, 500, 5_000);
        _execute(p);

        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Executed, "executed");
        assertEq(params.getParameter(SLASHING_RATE), 5_000, "slashing rate at its max");
    }

    function test_outOfBoundsProposalPassesTheVoteButFailsAtExecution() public {
        Proposal memory p = _setParameterProposal(MAX_LATENCY, 5_001, "# Tolerate slower providers");
        _propose(p, alice);
        _waitForSnapshot(p);
        _vote(p, alice, FOR);
        _vote(p, bob, FOR);
        _waitForDeadline(p);
        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Succeeded, "the vote passes");
        _queue(p);
        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Queued, "queued");
        _waitForEta(p);

        vm.expectRevert(
            abi.encodeWithSelector(NetworkParameters.ParameterOutOfBounds.selector, MAX_LATENCY, 5_001, 100, 5_000)
        );
        _execute(p);

        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Queued, "still queued");
        assertEq(params.getParameter(MAX_LATENCY), 800, "latency unchanged");
    }

    function test_proposalCanUnpauseAndSetInOneExecution() public {
        Proposal memory p = _unpauseAndSetProposal(MIN_UPTIME, 9_900, "# Resume parameter updates, tighten the SLA");
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.prank(guardian);
        params.pause();
        _execute(p);

        assertFalse(params.paused(), "unpaused by governance");
        assertEq(params.getParameter(MIN_UPTIME), 9_900, "uptime changed in the same execution");
    }

    function test_proposalWhilePausedFailsAtExecutionAndStaysQueued() public {
        Proposal memory p = _setParameterProposal(INFERENCE_FEE, 0.3e18, "# Raise the fee a little");
        _proposeAndQueue(p);
        vm.prank(guardian);
        params.pause();
        _waitForEta(p);

        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.ParametersPaused.selector, params.pausedUntil()));
        _execute(p);
        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Queued, "still queued");

        vm.prank(address(timelock));
        params.unpause();
        _execute(p);
        assertEq(params.getParameter(INFERENCE_FEE), 0.3e18, "executes once unpaused");
    }

    // ---------------------------------------------------------------- wrong callers

    function _assertOnlyOwnerRejects(address caller) internal {
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        params.setParameter(INFERENCE_FEE, 0.3e18);

        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        params.setPauseDuration(1 days);

        vm.prank(guardian);
        params.pause();
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        params.unpause();
        vm.prank(address(timelock));
        params.unpause();

        assertEq(params.getParameter(INFERENCE_FEE), 0.2e18, "fee unchanged");
        assertEq(params.pauseDuration(), 7 days, "pause duration unchanged");
    }

    function test_guardianCannotSetParameterUnpauseOrSetPauseDuration() public {
        _assertOnlyOwnerRejects(guardian);
    }

    function test_outsiderCannotSetParameterUnpauseOrSetPauseDuration() public {
        _assertOnlyOwnerRejects(outsider);
    }

    function test_deployerCannotSetParameterUnpauseOrSetPauseDuration() public {
        _assertOnlyOwnerRejects(address(this));
    }

    function test_proposerCannotSetParameterUnpauseOrSetPauseDuration() public {
        _assertOnlyOwnerRejects(alice);
    }

    function test_governorItselfCannotSetParameter() public {
        vm.prank(address(governor));
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(governor)));
        params.setParameter(INFERENCE_FEE, 0.3e18);
    }

    // ---------------------------------------------------------------- pause

    function test_guardianCanPause() public {
        vm.expectEmit(true, true, true, true, address(params));
        emit NetworkParameters.Paused(guardian, block.timestamp + 7 days);
        vm.prank(guardian);
        params.pause();
        assertTrue(params.paused(), "paused");
    }

    function test_timelockCanPause() public {
        vm.prank(address(timelock));
        params.pause();
        assertTrue(params.paused(), "paused");
    }

    function test_outsiderCannotPause() public {
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.NotGuardian.selector, outsider));
        params.pause();
        assertFalse(params.paused(), "not paused");
    }

    function test_proposerAndDeployerCannotPause() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.NotGuardian.selector, alice));
        params.pause();

        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.NotGuardian.selector, address(this)));
        params.pause();
    }

    function test_pausingTwiceReverts() public {
        vm.prank(guardian);
        params.pause();
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.ParametersPaused.selector, block.timestamp + 7 days));
        params.pause();
    }

    function test_whilePausedEvenTheTimelockCannotSetParameter() public {
        vm.prank(guardian);
        params.pause();

        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.ParametersPaused.selector, block.timestamp + 7 days));
        params.setParameter(INFERENCE_FEE, 0.3e18);
        assertEq(params.getParameter(INFERENCE_FEE), 0.2e18, "unchanged while paused");
    }

    function test_guardianCannotUnpause() public {
        vm.prank(guardian);
        params.pause();

        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        params.unpause();
        assertTrue(params.paused(), "still paused");
    }

    function test_onlyTheTimelockUnpausesAndThenSettingWorksAgain() public {
        vm.prank(guardian);
        params.pause();

        vm.expectEmit(true, true, true, true, address(params));
        emit NetworkParameters.Unpaused(address(timelock));
        vm.prank(address(timelock));
        params.unpause();
        assertFalse(params.paused(), "unpaused");

        _setAsTimelock(INFERENCE_FEE, 0.3e18);
        assertEq(params.getParameter(INFERENCE_FEE), 0.3e18, "set after unpause");
    }

    /// @dev A proposal written to lift a pause (8 days at least) still executes after the pause lapsed (7 days), with
    /// whatever it carries: unpausing parameters that are not paused does nothing.
    function test_unpauseWhenNotPausedDoesNothing() public {
        uint256 availableAt = params.guardianPauseAvailableAt();
        vm.recordLogs();
        vm.prank(address(timelock));
        params.unpause();
        assertEq(vm.getRecordedLogs().length, 0, "no event");
        assertFalse(params.paused(), "not paused");
        assertEq(params.guardianPauseAvailableAt(), availableAt, "the guardian's next pause is not pushed back");
    }

    function test_timelockReplacesTheGuardianAndOnlyTheNewOneCanPause() public {
        address council = address(0xC0C0);
        _proposeAndExecute(
            _single(
                address(governor), abi.encodeCall(governor.setProposalGuardian, (council)), "# A new security council"
            )
        );
        assertEq(params.guardian(), council, "new guardian, read from the governor");

        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(NetworkParameters.NotGuardian.selector, guardian));
        params.pause();

        vm.prank(council);
        params.pause();
        assertTrue(params.paused(), "paused by the new council");
    }

    // ---------------------------------------------------------------- fuzz

    /// @dev For every key and any value, setParameter succeeds exactly when min <= value <= max.
    function testFuzz_setParameterSucceedsIffWithinBounds(uint8 keyIndex, uint256 raw, uint8 mode) public {
        Expected memory e = _expected()[keyIndex % 6];
        // A third of the runs use any uint256, a third land in [0, 2 * max + 1], and a third within two of a
        // bound, where an off-by-one would show.
        uint256 value;
        if (mode % 3 == 0) {
            value = raw;
        } else if (mode % 3 == 1) {
            value = bound(raw, 0, e.max * 2 + 1);
        } else {
            uint256 edge = raw % 2 == 0 ? e.min : e.max;
            uint256 offset = bound(raw >> 1, 0, 4); // edge - 2 .. edge + 2
            value = edge + offset < 2 ? 0 : edge + offset - 2;
        }
        bool inBounds = e.min <= value && value <= e.max;

        vm.prank(address(timelock));
        (bool ok, bytes memory returned) =
            address(params).call(abi.encodeCall(NetworkParameters.setParameter, (e.key, value)));

        assertTrue(ok == inBounds, "succeeds iff within bounds");
        if (ok) {
            assertEq(params.getParameter(e.key), value, "value stored");
        } else {
            assertEq(
                keccak256(returned),
                keccak256(
                    abi.encodeWithSelector(NetworkParameters.ParameterOutOfBounds.selector, e.key, value, e.min, e.max)
                ),
                "names the bounds"
            );
            assertEq(params.getParameter(e.key), e.value, "value unchanged");
        }
    }
}
