// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {TimelockOwned} from "../src/TimelockOwned.sol";

/// @dev Every contract the timelock owns keeps an owner: renounceOwnership always reverts.
contract TimelockOwnedTest is PlenumFixture {
    function _owned() internal view returns (address[4] memory) {
        return [address(disputes), address(params), address(registry), address(vesting)];
    }

    function test_theTimelockCannotRenounceOwnership() public {
        address[4] memory owned = _owned();
        for (uint256 i = 0; i < owned.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(TimelockOwned.OwnershipCannotBeRenounced.selector));
            vm.prank(address(timelock));
            Ownable(owned[i]).renounceOwnership();
            assertEq(Ownable(owned[i]).owner(), address(timelock), "still owned by the timelock");
        }
    }

    function test_nobodyElseCanRenounceOwnership() public {
        address[4] memory owned = _owned();
        address[6] memory callers = [guardian, outsider, alice, expert1, address(governor), address(this)];
        for (uint256 c = 0; c < callers.length; ++c) {
            for (uint256 i = 0; i < owned.length; ++i) {
                vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, callers[c]));
                vm.prank(callers[c]);
                Ownable(owned[i]).renounceOwnership();
                assertEq(Ownable(owned[i]).owner(), address(timelock), "still owned by the timelock");
            }
        }
    }

    function test_aProposalToRenounceOwnershipFailsAtExecution() public {
        address[4] memory owned = _owned();
        Proposal memory p;
        p.targets = new address[](4);
        p.values = new uint256[](4);
        p.calldatas = new bytes[](4);
        for (uint256 i = 0; i < owned.length; ++i) {
            p.targets[i] = owned[i];
            p.calldatas[i] = abi.encodeCall(Ownable.renounceOwnership, ());
        }
        p.description = "# Renounce every module";
        p.descriptionHash = keccak256(bytes(p.description));
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.expectRevert(abi.encodeWithSelector(TimelockOwned.OwnershipCannotBeRenounced.selector));
        _execute(p);
        for (uint256 i = 0; i < owned.length; ++i) {
            assertEq(Ownable(owned[i]).owner(), address(timelock), "still owned by the timelock");
        }
    }

    function test_ownershipCanStillMoveToANewTimelock() public {
        address[4] memory owned = _owned();
        address next = address(0x7111E);
        for (uint256 i = 0; i < owned.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, outsider));
            vm.prank(outsider);
            Ownable(owned[i]).transferOwnership(next);

            vm.prank(address(timelock));
            Ownable(owned[i]).transferOwnership(next);
            assertEq(Ownable(owned[i]).owner(), next, "moved");
        }
    }
}
