// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {DelegateStatements} from "../src/DelegateStatements.sol";

contract DelegateStatementsTest is PlenumFixture {
    string internal constant NAME = "Alice (GPU Collective)";
    string internal constant TEXT =
        "## How I vote\nI support fees that keep GPU providers profitable and vote against untested SLA changes.";

    function _focus(string memory a, string memory b) internal pure returns (string[] memory areas) {
        areas = new string[](2);
        (areas[0], areas[1]) = (a, b);
    }

    function _areas(uint256 count, uint256 length) internal pure returns (string[] memory areas) {
        areas = new string[](count);
        for (uint256 i = 0; i < count; ++i) areas[i] = _repeat("g", length);
    }

    function _repeat(bytes1 c, uint256 n) internal pure returns (string memory) {
        bytes memory b = new bytes(n);
        for (uint256 i = 0; i < n; ++i) b[i] = c;
        return string(b);
    }

    function _publish(address delegate, string memory name, string memory text, string[] memory areas)
        internal
        returns (uint256)
    {
        vm.prank(delegate);
        return statements.publishStatement(name, text, areas);
    }

    // ---------------------------------------------------------------- publish and update

    function test_neverPublishedDelegateHasAnEmptyStatement() public view {
        (uint256 version, bytes32 contentHash, uint64 updatedAt) = statements.statementOf(outsider);
        assertEq(version, 0, "version 0");
        assertEq(contentHash, bytes32(0), "no hash");
        assertEq(updatedAt, 0, "never updated");
        assertEq(statements.delegatesWithStatements().length, 0, "nobody listed");
    }

    function test_firstPublicationIsVersionOneWithItsContentHash() public {
        string[] memory areas = _focus("GPU clusters", "inference pricing");

        vm.expectEmit(true, false, false, true, address(statements));
        emit DelegateStatements.StatementPublished(alice, 1, NAME, TEXT, areas);
        uint256 version = _publish(alice, NAME, TEXT, areas);

        assertEq(version, 1, "returned version");
        (uint256 stored, bytes32 contentHash, uint64 updatedAt) = statements.statementOf(alice);
        assertEq(stored, 1, "stored version");
        assertEq(contentHash, keccak256(abi.encode(NAME, TEXT, areas)), "content hash");
        assertEq(updatedAt, block.timestamp, "updatedAt");
    }

    function test_updateIncrementsTheVersionAndReplacesHashAndTime() public {
        _publish(alice, NAME, TEXT, _focus("GPU clusters", "inference pricing"));
        uint256 firstTime = block.timestamp;
        vm.warp(block.timestamp + 7 days);

        string memory newText = "## How I vote\nNow also focused on model safety reviews.";
        string[] memory newAreas = _focus("model safety", "GPU clusters");
        vm.expectEmit(true, false, false, true, address(statements));
        emit DelegateStatements.StatementPublished(alice, 2, NAME, newText, newAreas);
        uint256 version = _publish(alice, NAME, newText, newAreas);

        assertEq(version, 2, "version 2");
        (uint256 stored, bytes32 contentHash, uint64 updatedAt) = statements.statementOf(alice);
        assertEq(stored, 2, "stored version");
        assertEq(contentHash, keccak256(abi.encode(NAME, newText, newAreas)), "new hash");
        assertTrue(contentHash != keccak256(abi.encode(NAME, TEXT, _focus("GPU clusters", "inference pricing"))), "hash changed");
        assertEq(updatedAt, firstTime + 7 days, "updatedAt moves");

        assertEq(_publish(alice, NAME, newText, newAreas), 3, "republishing the same text still bumps the version");
    }

    function test_focusAreaOrderIsPartOfTheContentHash() public {
        _publish(alice, NAME, TEXT, _focus("GPU clusters", "model safety"));
        _publish(bob, NAME, TEXT, _focus("model safety", "GPU clusters"));
        (, bytes32 aliceHash,) = statements.statementOf(alice);
        (, bytes32 bobHash,) = statements.statementOf(bob);
        assertTrue(aliceHash != bobHash, "different order, different hash");
    }

    function test_delegatesWithStatementsListsEachPublisherOnceInOrder() public {
        _publish(bob, "Bob", "Bob's statement", new string[](0));
        _publish(alice, NAME, TEXT, _focus("GPU clusters", "inference pricing"));
        _publish(bob, "Bob", "Bob's second statement", new string[](0));
        _publish(carol, "Carol", "Carol's statement", _focus("SLA", "latency"));
        _publish(alice, NAME, "Alice's update", new string[](0));

        address[] memory list = statements.delegatesWithStatements();
        assertEq(list.length, 3, "three delegates");
        assertEq(list[0], bob, "bob first");
        assertEq(list[1], alice, "alice second");
        assertEq(list[2], carol, "carol third");

        (uint256 bobVersion,,) = statements.statementOf(bob);
        (uint256 carolVersion,,) = statements.statementOf(carol);
        assertEq(bobVersion, 2, "bob's version");
        assertEq(carolVersion, 1, "carol's version");
    }

    function test_anyoneCanPublishWithoutHoldingTokens() public {
        assertEq(token.balanceOf(outsider), 0, "outsider holds nothing");
        assertEq(_publish(outsider, "Newcomer", "Hoping to earn delegations", new string[](0)), 1, "published");
    }

    // ---------------------------------------------------------------- limits

    function test_displayNameMustBeNonEmptyAndAtMost64Bytes() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(DelegateStatements.InvalidDisplayName.selector, 0, 64));
        statements.publishStatement("", TEXT, new string[](0));

        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(DelegateStatements.InvalidDisplayName.selector, 65, 64));
        statements.publishStatement(_repeat("n", 65), TEXT, new string[](0));

        assertEq(_publish(alice, _repeat("n", 64), TEXT, new string[](0)), 1, "64 bytes is fine");
    }

    function test_statementMustNotBeEmpty() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(DelegateStatements.EmptyStatement.selector));
        statements.publishStatement(NAME, "", new string[](0));
    }

    function test_statementOf8193BytesIsTooLongWhile8192Passes() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(DelegateStatements.StatementTooLong.selector, 8193, 8192));
        statements.publishStatement(NAME, _repeat("s", 8193), new string[](0));

        string memory longest = _repeat("s", 8192);
        assertEq(_publish(alice, NAME, longest, new string[](0)), 1, "8192 bytes is fine");
        (, bytes32 contentHash,) = statements.statementOf(alice);
        assertEq(contentHash, keccak256(abi.encode(NAME, longest, new string[](0))), "hash of the long statement");
    }

    function test_atMostEightFocusAreas() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(DelegateStatements.TooManyFocusAreas.selector, 9, 8));
        statements.publishStatement(NAME, TEXT, _areas(9, 10));

        assertEq(_publish(alice, NAME, TEXT, _areas(8, 10)), 1, "eight areas are fine");
    }

    function test_emptyFocusAreaIsRejectedWithItsIndex() public {
        string[] memory areas = _areas(4, 10);
        areas[2] = "";
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(DelegateStatements.InvalidFocusArea.selector, 2, 0, 32));
        statements.publishStatement(NAME, TEXT, areas);
    }

    function test_tooLongFocusAreaIsRejectedWithItsIndex() public {
        string[] memory areas = _areas(3, 32); // 32 bytes each: at the limit
        areas[1] = _repeat("g", 33);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(DelegateStatements.InvalidFocusArea.selector, 1, 33, 32));
        statements.publishStatement(NAME, TEXT, areas);

        areas[1] = _repeat("g", 32);
        assertEq(_publish(alice, NAME, TEXT, areas), 1, "32-byte areas are fine");
    }
}
