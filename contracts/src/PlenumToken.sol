// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title Plenum governance token (PLM)
/// @notice Fixed supply, minted once: 40% to the treasury (timelock), 60% to the deployer for distribution.
/// Votes are checkpointed by timestamp so voting windows and timelock ETAs share one unit.
contract PlenumToken is ERC20, ERC20Permit, ERC20Votes {
    uint256 public constant TOTAL_SUPPLY = 100_000_000e18;
    uint256 public constant TREASURY_SHARE_BPS = 4_000;

    error ZeroAddress();

    constructor(address treasury, address distributor) ERC20("Plenum", "PLM") ERC20Permit("Plenum") {
        if (treasury == address(0) || distributor == address(0)) revert ZeroAddress();
        uint256 treasuryAmount = (TOTAL_SUPPLY * TREASURY_SHARE_BPS) / 10_000;
        _mint(treasury, treasuryAmount);
        _mint(distributor, TOTAL_SUPPLY - treasuryAmount);
    }

    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
