// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {TimelockOwned} from "./TimelockOwned.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

/// @title The AI compute network's economic and SLA parameters
/// @notice Each parameter has a key, a unit, a description, hard bounds fixed at deployment and a value.
/// Only the owner (the timelock) changes values, always within bounds. The guardian (security council)
/// can pause in an emergency; only the owner can unpause. Network nodes read `paused()` and stop applying
/// parameter updates while it is set; `setParameter` reverts while paused.
contract NetworkParameters is TimelockOwned, Pausable {
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

    address public guardian;
    bytes32[] private _keys;
    mapping(bytes32 key => ParameterInfo) private _parameters;

    event ParameterChanged(bytes32 indexed key, uint256 oldValue, uint256 newValue);
    event GuardianChanged(address oldGuardian, address newGuardian);

    error ParameterOutOfBounds(bytes32 key, uint256 value, uint256 min, uint256 max);
    error UnknownParameter(bytes32 key);
    error NotGuardian(address caller);

    constructor(address timelock, address guardian_) Ownable(timelock) {
        guardian = guardian_;
        emit GuardianChanged(address(0), guardian_);
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

    modifier onlyGuardianOrOwner() {
        if (msg.sender != guardian && msg.sender != owner()) revert NotGuardian(msg.sender);
        _;
    }

    /// @notice Set `key` to `value` (owner only, within the parameter's hard bounds, not while paused).
    function setParameter(bytes32 key, uint256 value) external onlyOwner whenNotPaused {
        ParameterInfo storage parameter = _parameterOf(key);
        if (value < parameter.min || value > parameter.max) {
            revert ParameterOutOfBounds(key, value, parameter.min, parameter.max);
        }
        emit ParameterChanged(key, parameter.value, value);
        parameter.value = value;
    }

    function pause() external onlyGuardianOrOwner {
        _pause();
    }

    function unpause() external onlyOwner {
        _unpause();
    }

    function setGuardian(address newGuardian) external onlyOwner {
        emit GuardianChanged(guardian, newGuardian);
        guardian = newGuardian;
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
