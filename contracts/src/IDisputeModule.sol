// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice What the governor asks of the dispute module before it executes a proposal.
interface IDisputeModule {
    /// @return true while a dispute on `proposalId` is open, which freezes its execution.
    function isBlocking(uint256 proposalId) external view returns (bool);

    /// @return how many disputes are open; the governor replaces the module only when none is.
    function openDisputeCount() external view returns (uint256);
}
