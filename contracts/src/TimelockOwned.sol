// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Ownable for contracts the timelock owns: ownership can move, never be renounced
/// @notice The owner (the timelock, which is also the treasury) receives what these contracts pay out to it
/// (slashed stakes, rejected bonds, reclaimed rewards, revoked grants) and is the only one who changes their
/// settings. A renounce would send those payouts to address(0) and freeze every setting for good, so it always
/// reverts. `transferOwnership` (e.g. to a new timelock) still works.
abstract contract TimelockOwned is Ownable {
    error OwnershipCannotBeRenounced();

    /// @notice Always reverts: for the owner with `OwnershipCannotBeRenounced`, for anyone else with
    /// `OwnableUnauthorizedAccount`.
    function renounceOwnership() public virtual override onlyOwner {
        revert OwnershipCannotBeRenounced();
    }
}
