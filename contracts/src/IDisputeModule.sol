// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";

/// @notice What the governor asks of the dispute module. The governor accepts a module only when it declares this
/// interface through ERC-165 and names that governor as its own.
interface IDisputeModule is IERC165 {
    /// @return true while a dispute on `proposalId` is open, which freezes its execution.
    function isBlocking(uint256 proposalId) external view returns (bool);

    /// @return how many disputes are open; the governor replaces the module only when none is.
    function openDisputeCount() external view returns (uint256);

    /// @return the governor whose proposals this module judges.
    function governor() external view returns (address);
}
