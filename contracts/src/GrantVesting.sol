// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {TimelockOwned} from "./TimelockOwned.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title Treasury grants for model training and infrastructure work
/// @notice The owner (the timelock) creates linear vesting grants with a cliff, funded from its own PLM in
/// the same proposal; anyone releases vested tokens to the beneficiary; the owner can revoke the unvested
/// rest back to the treasury.
contract GrantVesting is TimelockOwned {
    using SafeERC20 for IERC20;

    struct Grant {
        address beneficiary;
        uint64 start;
        uint64 cliffDuration;
        uint64 duration;
        uint64 revokedAt;
        uint256 amount;
        uint256 released;
        string memo;
    }

    uint256 public constant MAX_MEMO_LENGTH = 1024;

    IERC20 public immutable token;
    Grant[] private _grants;

    event GrantCreated(
        uint256 indexed grantId,
        address indexed beneficiary,
        uint256 amount,
        uint64 start,
        uint64 cliffDuration,
        uint64 duration,
        string memo
    );
    event GrantReleased(uint256 indexed grantId, address indexed beneficiary, uint256 amount);
    event GrantRevoked(uint256 indexed grantId, uint256 vestedAmount, uint256 returnedAmount);

    error InvalidBeneficiary(address beneficiary);
    error InvalidAmount();
    error InvalidSchedule(uint64 cliffDuration, uint64 duration);
    error MemoTooLong(uint256 length, uint256 maxLength);
    error UnknownGrant(uint256 grantId);
    error NothingToRelease(uint256 grantId);
    error GrantAlreadyRevoked(uint256 grantId);

    constructor(IERC20 token_, address timelock) Ownable(timelock) {
        token = token_;
    }

    /// @notice Create a grant funded by `amount` PLM pulled from the caller. Ids start at 1.
    function createGrant(
        address beneficiary,
        uint256 amount,
        uint64 start,
        uint64 cliffDuration,
        uint64 duration,
        string calldata memo
    ) external onlyOwner returns (uint256 grantId) {
        if (beneficiary == address(0)) revert InvalidBeneficiary(beneficiary);
        if (amount == 0) revert InvalidAmount();
        if (duration == 0 || cliffDuration > duration) revert InvalidSchedule(cliffDuration, duration);
        if (bytes(memo).length > MAX_MEMO_LENGTH) revert MemoTooLong(bytes(memo).length, MAX_MEMO_LENGTH);

        _grants.push(Grant(beneficiary, start, cliffDuration, duration, 0, amount, 0, memo));
        grantId = _grants.length;
        emit GrantCreated(grantId, beneficiary, amount, start, cliffDuration, duration, memo);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Send everything vested and not yet released to the beneficiary (anyone may call).
    function release(uint256 grantId) external returns (uint256 amount) {
        Grant storage grant = _grantOf(grantId);
        amount = _vestedAmount(grant, block.timestamp) - grant.released;
        if (amount == 0) revert NothingToRelease(grantId);
        grant.released += amount;
        emit GrantReleased(grantId, grant.beneficiary, amount);
        token.safeTransfer(grant.beneficiary, amount);
    }

    /// @notice Stop vesting now and return the unvested rest to the treasury; what vested stays releasable.
    function revoke(uint256 grantId) external onlyOwner {
        Grant storage grant = _grantOf(grantId);
        if (grant.revokedAt != 0) revert GrantAlreadyRevoked(grantId);
        uint256 vested = _vestedAmount(grant, block.timestamp);
        uint256 unvested = grant.amount - vested;
        grant.revokedAt = uint64(block.timestamp);
        emit GrantRevoked(grantId, vested, unvested);
        if (unvested > 0) token.safeTransfer(owner(), unvested);
    }

    function releasable(uint256 grantId) external view returns (uint256) {
        Grant storage grant = _grantOf(grantId);
        return _vestedAmount(grant, block.timestamp) - grant.released;
    }

    function vestedAmount(uint256 grantId, uint64 timestamp) external view returns (uint256) {
        return _vestedAmount(_grantOf(grantId), timestamp);
    }

    function grantCount() external view returns (uint256) {
        return _grants.length;
    }

    function getGrant(uint256 grantId) external view returns (Grant memory) {
        return _grantOf(grantId);
    }

    function _grantOf(uint256 grantId) private view returns (Grant storage) {
        if (grantId == 0 || grantId > _grants.length) revert UnknownGrant(grantId);
        return _grants[grantId - 1];
    }

    /// @dev Linear from `start`, nothing before the cliff; a revoked grant stops vesting at `revokedAt`.
    function _vestedAmount(Grant storage grant, uint256 timestamp) private view returns (uint256) {
        if (grant.revokedAt != 0 && timestamp > grant.revokedAt) timestamp = grant.revokedAt;
        if (timestamp < uint256(grant.start) + grant.cliffDuration) return 0;
        uint256 elapsed = timestamp - grant.start;
        if (elapsed >= grant.duration) return grant.amount;
        return (grant.amount * elapsed) / grant.duration;
    }
}
