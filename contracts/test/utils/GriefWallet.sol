// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ContractWallet} from "./ContractWallet.sol";

/// @notice A hostile ERC-1271 account, for the relay's tests: it accepts any signature, after burning `burn` gas;
/// once its owner arms it, isValidSignature burns all the gas it is given (so a relayed vote reverts at the cost of
/// its whole gas limit). The owner flips it in one cheap transaction, e.g. ahead of the relay's.
contract GriefWallet is ContractWallet {
    uint256 public burn;
    bool public armed;

    constructor(address owner_) ContractWallet(owner_) {}

    function set(uint256 burn_, bool armed_) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        burn = burn_;
        armed = armed_;
    }

    function isValidSignature(bytes32, bytes calldata) external view override returns (bytes4) {
        if (armed) {
            uint256 spin;
            while (gasleft() > 0) spin++;
        }
        uint256 stop = gasleft() - burn;
        while (gasleft() > stop) {}
        return this.isValidSignature.selector;
    }
}
