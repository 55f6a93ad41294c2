// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {TimelockOwned} from "./TimelockOwned.sol";

/// @notice Who the guardian (security council) is and until when it may act: the governor keeps both.
interface IGuardianSource {
    function proposalGuardian() external view returns (address);
    function guardianTermEnd() external view returns (uint256);
}

/// @title The AI compute network's economic and SLA parameters
/// @notice Each parameter has a key, a unit, a description, hard bounds fixed at deployment and a value.
/// Only the owner (the timelock) changes values, always within bounds. In an emergency the guardian (the
/// governor's proposal guardian, during its term) may pause, and the pause lapses by itself after `pauseDuration`
/// unless governance renews it (the owner's `pause()`); only the owner unpauses early. Once a pause ends, the
/// guardian may pause again only after as long again (`guardianPauseAvailableAt`), so it can never hold the
/// parameters paused on its own. Network nodes read `paused()` and stop applying parameter updates while it is set;
/// `setParameter` reverts while paused.
contract NetworkParameters is TimelockOwned {
    struct ParameterInfo {
        uint256 value;
        uint256 min;
        uint256 max;
        string unit;
        string description;
    }

    bytes32 public constant INFERENCE_FEE = "inferenceFee";
    bytes32 public constant PROVIDER_REWARD_RATE = "providerRewardRate";
    bytes32 public constant SLASHING_RATE = "slashingRate";
    bytes32 public constant MIN_UPTIME = "minUptime";
    bytes32 public constant MAX_LATENCY = "maxLatency";
    bytes32 public constant OPEN_MODEL_SUBSIDY = "openModelSubsidy";

    uint256 public constant DEFAULT_PAUSE_DURATION = 7 days;
    uint256 public constant MIN_PAUSE_DURATION = 1 days;
    uint256 public constant MAX_PAUSE_DURATION = 30 days;

    IGuardianSource public immutable guardianSource;
    uint256 public pauseDuration;
    /// @notice The parameters are paused until this time (in the past: not paused).
    uint256 public pausedUntil;
    /// @notice The guardian may pause again from this time on.
    uint256 public guardianPauseAvailableAt;
    bytes32[] private _keys;
    mapping(bytes32 key => ParameterInfo) private _parameters;

    event ParameterChanged(bytes32 indexed key, uint256 oldValue, uint256 newValue);
    event Paused(address indexed account, uint256 until);
    event Unpaused(address indexed account);
    event PauseDurationChanged(uint256 oldDuration, uint256 newDuration);

    error ParameterOutOfBounds(bytes32 key, uint256 value, uint256 min, uint256 max);
    error UnknownParameter(bytes32 key);
    error NotGuardian(address caller);
    error GuardianTermOver(uint256 termEnd);
    error ParametersPaused(uint256 until);
    error GuardianPauseTooSoon(uint256 availableAt);
    error PauseDurationOutOfBounds(uint256 duration, uint256 min, uint256 max);

    constructor(address timelock, IGuardianSource guardianSource_) Ownable(timelock) {
        guardianSource = guardianSource_;
        pauseDuration = DEFAULT_PAUSE_DURATION;
        emit PauseDurationChanged(0, DEFAULT_PAUSE_DURATION);
        _define(INFERENCE_FEE, 0.2e18, 0.01e18, 2e18, "PLM per 1k tokens", "Fee users pay per 1,000 inference tokens");
        _define(
            PROVIDER_REWARD_RATE,
            8_000,
            5_000,
            9_500,
            "bps",
            "Share of inference fees paid to the GPU provider that served the request"
        );
        _define(SLASHING_RATE, 500, 100, 5_000, "bps", "Share of a provider's stake slashed for a proven SLA breach");
        _define(MIN_UPTIME, 9_950, 9_000, 9_999, "bps", "Minimum monthly uptime a provider must meet (SLA)");
        _define(MAX_LATENCY, 800, 100, 5_000, "ms", "Maximum p95 inference latency a provider may serve (SLA)");
        _define(
            OPEN_MODEL_SUBSIDY,
            1_000,
            0,
            5_000,
            "bps",
            "Discount on inference fees for open-weight models, paid by the treasury"
        );
    }

    /// @notice Set `key` to `value` (owner only, within the parameter's hard bounds, not while paused).
    function setParameter(bytes32 key, uint256 value) external onlyOwner {
        if (paused()) revert ParametersPaused(pausedUntil);
        ParameterInfo storage parameter = _parameterOf(key);
        if (value < parameter.min || value > parameter.max) {
            revert ParameterOutOfBounds(key, value, parameter.min, parameter.max);
        }
        emit ParameterChanged(key, parameter.value, value);
        parameter.value = value;
    }

    /// @notice Pause for `pauseDuration`. The guardian: during its term, when not paused and not before
    /// `guardianPauseAvailableAt`. The owner (governance): any time, which renews a running pause.
    function pause() external {
        if (msg.sender != owner()) {
            address guardian_ = guardian();
            if (msg.sender != guardian_ || guardian_ == address(0)) revert NotGuardian(msg.sender);
            uint256 termEnd = guardianSource.guardianTermEnd();
            if (block.timestamp >= termEnd) revert GuardianTermOver(termEnd);
            if (paused()) revert ParametersPaused(pausedUntil);
            if (block.timestamp < guardianPauseAvailableAt) revert GuardianPauseTooSoon(guardianPauseAvailableAt);
        }
        uint256 until = block.timestamp + pauseDuration;
        pausedUntil = until;
        guardianPauseAvailableAt = until + pauseDuration;
        emit Paused(msg.sender, until);
    }

    /// @notice End the pause now (owner only). Nothing to do when the parameters are not paused, so a proposal
    /// written to lift a pause still executes after the pause lapsed by itself.
    function unpause() external onlyOwner {
        if (!paused()) return;
        pausedUntil = block.timestamp;
        guardianPauseAvailableAt = block.timestamp + pauseDuration;
        emit Unpaused(msg.sender);
    }

    /// @notice How long a pause lasts unless renewed (owner only), within [MIN_PAUSE_DURATION, MAX_PAUSE_DURATION].
    /// A running pause keeps its end.
    function setPauseDuration(uint256 newDuration) external onlyOwner {
        if (newDuration < MIN_PAUSE_DURATION || newDuration > MAX_PAUSE_DURATION) {
            revert PauseDurationOutOfBounds(newDuration, MIN_PAUSE_DURATION, MAX_PAUSE_DURATION);
        }
        emit PauseDurationChanged(pauseDuration, newDuration);
        pauseDuration = newDuration;
    }

    function paused() public view returns (bool) {
        return block.timestamp < pausedUntil;
    }

    /// @notice The governor's proposal guardian, who may pause during its term (`guardianSource.guardianTermEnd()`).
    function guardian() public view returns (address) {
        return guardianSource.proposalGuardian();
    }

    function getParameter(bytes32 key) external view returns (uint256) {
        return _parameterOf(key).value;
    }

    function parameterInfo(bytes32 key) external view returns (ParameterInfo memory) {
        return _parameterOf(key);
    }

    function parameterKeys() external view returns (bytes32[] memory) {
        return _keys;
    }

    /// @notice Every parameter with its info, in key order, for one-call reads.
    function allParameters() external view returns (bytes32[] memory keys, ParameterInfo[] memory infos) {
        keys = _keys;
        infos = new ParameterInfo[](keys.length);
        for (uint256 i = 0; i < keys.length; ++i) {
            infos[i] = _parameters[keys[i]];
        }
    }

    function _parameterOf(bytes32 key) private view returns (ParameterInfo storage parameter) {
        parameter = _parameters[key];
        if (bytes(parameter.unit).length == 0) revert UnknownParameter(key);
    }

    function _define(
        bytes32 key,
        uint256 value,
        uint256 min,
        uint256 max,
        string memory unit,
        string memory description
    ) private {
        _keys.push(key);
        _parameters[key] = ParameterInfo(value, min, max, unit, description);
        emit ParameterChanged(key, 0, value);
    }
}
