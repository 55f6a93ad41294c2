// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {ModelRegistry} from "../src/ModelRegistry.sol";

contract ModelRegistryTest is PlenumFixture {
    address internal lab = address(0x1AB); // an open-weights lab
    address internal studio = address(0x57D10); // a second publisher

    bytes32 internal constant WEIGHTS_A = keccak256("plenum-llm-7b.safetensors");
    bytes32 internal constant WEIGHTS_B = keccak256("plenum-vision-2b.safetensors");

    function _verify(address publisher, string memory name) internal {
        vm.prank(address(timelock));
        registry.setPublisher(publisher, true, name);
    }

    function _revoke(address publisher, string memory name) internal {
        vm.prank(address(timelock));
        registry.setPublisher(publisher, false, name);
    }

    function _register(address publisher, string memory name, bytes32 weightsHash) internal returns (uint256) {
        vm.prank(publisher);
        return registry.registerModel(name, "ipfs://bafy-model-card", weightsHash, "Apache-2.0");
    }

    function _repeat(bytes1 c, uint256 n) internal pure returns (string memory) {
        bytes memory b = new bytes(n);
        for (uint256 i = 0; i < n; ++i) b[i] = c;
        return string(b);
    }

    function _invalidField(string memory field, uint256 length, uint256 maxLength) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(ModelRegistry.InvalidField.selector, field, length, maxLength);
    }

    // ---------------------------------------------------------------- publishers

    function test_ownerIsTheTimelockAndNothingIsRegisteredAtDeploy() public view {
        assertEq(registry.owner(), address(timelock), "owner");
        assertEq(registry.publishers().length, 0, "no publishers");
        assertEq(registry.modelCount(), 0, "no models");
        assertFalse(registry.isVerifiedPublisher(lab), "lab not verified");
    }

    function test_timelockVerifiesAPublisher() public {
        vm.expectEmit(true, false, false, true, address(registry));
        emit ModelRegistry.PublisherUpdated(lab, true, "Open Weights Lab");
        _verify(lab, "Open Weights Lab");

        assertTrue(registry.isVerifiedPublisher(lab), "verified");
        ModelRegistry.Publisher memory info = registry.publisherInfo(lab);
        assertEq(info.name, "Open Weights Lab", "name");
        assertTrue(info.verified, "info verified");
        assertEq(info.updatedAt, block.timestamp, "updatedAt");
        address[] memory list = registry.publishers();
        assertEq(list.length, 1, "one publisher");
        assertEq(list[0], lab, "listed");
    }

    function test_renamingKeepsThePublisherListedOnce() public {
        _verify(lab, "Open Weights Lab");
        vm.warp(block.timestamp + 1 days);
        _verify(lab, "Open Weights Lab (EU)");

        ModelRegistry.Publisher memory info = registry.publisherInfo(lab);
        assertEq(info.name, "Open Weights Lab (EU)", "renamed");
        assertTrue(info.verified, "still verified");
        assertEq(info.updatedAt, block.timestamp, "updatedAt moves");
        assertEq(registry.publishers().length, 1, "listed once");
    }

    function test_revokingKeepsThePublisherListedButUnverified() public {
        _verify(lab, "Open Weights Lab");
        _verify(studio, "Diffusion Studio");
        vm.warp(block.timestamp + 3 days);

        vm.expectEmit(true, false, false, true, address(registry));
        emit ModelRegistry.PublisherUpdated(lab, false, "Open Weights Lab");
        _revoke(lab, "Open Weights Lab");

        assertFalse(registry.isVerifiedPublisher(lab), "revoked");
        assertTrue(registry.isVerifiedPublisher(studio), "other publisher untouched");
        ModelRegistry.Publisher memory info = registry.publisherInfo(lab);
        assertFalse(info.verified, "info revoked");
        assertEq(info.updatedAt, block.timestamp, "updatedAt on revoke");

        _verify(lab, "Open Weights Lab");
        address[] memory list = registry.publishers();
        assertEq(list.length, 2, "each listed once through verify, revoke, re-verify");
        assertEq(list[0], lab, "first");
        assertEq(list[1], studio, "second");
    }

    function test_publisherInfoIsEmptyForAStranger() public view {
        ModelRegistry.Publisher memory info = registry.publisherInfo(outsider);
        assertEq(bytes(info.name).length, 0, "no name");
        assertFalse(info.verified, "not verified");
        assertEq(info.updatedAt, 0, "never updated");
    }

    function test_zeroAddressCannotBeAPublisher() public {
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.InvalidPublisher.selector, address(0)));
        registry.setPublisher(address(0), true, "Nobody");
    }

    function test_publisherNameMustBeNonEmptyAndAtMost256Bytes() public {
        vm.prank(address(timelock));
        vm.expectRevert(_invalidField("name", 0, 256));
        registry.setPublisher(lab, true, "");

        vm.prank(address(timelock));
        vm.expectRevert(_invalidField("name", 257, 256));
        registry.setPublisher(lab, true, _repeat("a", 257));

        _verify(lab, _repeat("a", 256));
        assertTrue(registry.isVerifiedPublisher(lab), "256 bytes is fine");
    }

    // ---------------------------------------------------------------- models

    function test_verifiedPublisherRegistersModelsWithIdsFromOne() public {
        _verify(lab, "Open Weights Lab");

        vm.expectEmit(true, true, false, true, address(registry));
        emit ModelRegistry.ModelRegistered(1, lab, "Plenum LLM 7B", "ipfs://bafy-model-card", WEIGHTS_A, "Apache-2.0");
        uint256 first = _register(lab, "Plenum LLM 7B", WEIGHTS_A);
        vm.warp(block.timestamp + 1 hours);
        uint256 second = _register(lab, "Plenum Vision 2B", WEIGHTS_B);

        assertEq(first, 1, "ids start at 1");
        assertEq(second, 2, "then 2");
        assertEq(registry.modelCount(), 2, "count");
        assertEq(registry.modelIdByWeightsHash(WEIGHTS_A), 1, "index by weights A");
        assertEq(registry.modelIdByWeightsHash(WEIGHTS_B), 2, "index by weights B");

        ModelRegistry.Model memory model = registry.getModel(1);
        assertEq(model.publisher, lab, "publisher");
        assertEq(model.name, "Plenum LLM 7B", "name");
        assertEq(model.uri, "ipfs://bafy-model-card", "uri");
        assertEq(model.weightsHash, WEIGHTS_A, "weights");
        assertEq(model.license, "Apache-2.0", "license");
        assertEq(model.registeredAt, block.timestamp - 1 hours, "registeredAt");
        assertFalse(model.delisted, "listed");
        assertEq(registry.getModel(2).registeredAt, block.timestamp, "second registeredAt");
    }

    function test_unverifiedAccountCannotRegister() public {
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotVerifiedPublisher.selector, outsider));
        registry.registerModel("Rogue", "ipfs://rogue", WEIGHTS_A, "MIT");
        assertEq(registry.modelCount(), 0, "nothing registered");
    }

    function test_revokedPublisherCannotRegister() public {
        _verify(lab, "Open Weights Lab");
        _register(lab, "Plenum LLM 7B", WEIGHTS_A);
        _revoke(lab, "Open Weights Lab");

        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotVerifiedPublisher.selector, lab));
        registry.registerModel("Plenum Vision 2B", "ipfs://vision", WEIGHTS_B, "Apache-2.0");
        assertEq(registry.modelCount(), 1, "earlier model stays");
    }

    function test_modelFieldsMustBeNonEmptyAndAtMost256Bytes() public {
        _verify(lab, "Open Weights Lab");
        string memory tooLong = _repeat("x", 257);
        vm.startPrank(lab);

        vm.expectRevert(_invalidField("name", 0, 256));
        registry.registerModel("", "ipfs://card", WEIGHTS_A, "MIT");
        vm.expectRevert(_invalidField("name", 257, 256));
        registry.registerModel(tooLong, "ipfs://card", WEIGHTS_A, "MIT");

        vm.expectRevert(_invalidField("uri", 0, 256));
        registry.registerModel("LLM", "", WEIGHTS_A, "MIT");
        vm.expectRevert(_invalidField("uri", 257, 256));
        registry.registerModel("LLM", tooLong, WEIGHTS_A, "MIT");

        vm.expectRevert(_invalidField("license", 0, 256));
        registry.registerModel("LLM", "ipfs://card", WEIGHTS_A, "");
        vm.expectRevert(_invalidField("license", 257, 256));
        registry.registerModel("LLM", "ipfs://card", WEIGHTS_A, tooLong);

        vm.expectRevert(_invalidField("weightsHash", 0, 32));
        registry.registerModel("LLM", "ipfs://card", bytes32(0), "MIT");

        string memory longest = _repeat("x", 256);
        uint256 id = registry.registerModel(longest, longest, WEIGHTS_A, longest);
        vm.stopPrank();
        assertEq(id, 1, "256-byte fields are accepted");
    }

    function test_sameWeightsCannotBeRegisteredTwice() public {
        _verify(lab, "Open Weights Lab");
        _verify(studio, "Diffusion Studio");
        _register(lab, "Plenum LLM 7B", WEIGHTS_A);

        vm.prank(studio);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.WeightsAlreadyRegistered.selector, WEIGHTS_A, 1));
        registry.registerModel("Copycat 7B", "ipfs://copy", WEIGHTS_A, "MIT");

        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.WeightsAlreadyRegistered.selector, WEIGHTS_A, 1));
        registry.registerModel("Plenum LLM 7B again", "ipfs://again", WEIGHTS_A, "MIT");
    }

    function test_delistingFreesTheWeightsForTheRightfulPublisher() public {
        // A squatter registers the lab's weights first; the lab is locked out.
        _verify(lab, "Open Weights Lab");
        _verify(studio, "Diffusion Studio");
        _register(studio, "Squatted LLM 7B", WEIGHTS_A);
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.WeightsAlreadyRegistered.selector, WEIGHTS_A, 1));
        registry.registerModel("Plenum LLM 7B", "ipfs://card", WEIGHTS_A, "Apache-2.0");

        // Only the owner delists, so only the owner frees the hash.
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, outsider));
        registry.delistModel(1, "Squatted");
        assertEq(registry.modelIdByWeightsHash(WEIGHTS_A), 1, "still held by the squatter");

        vm.prank(address(timelock));
        registry.delistModel(1, "Squatted the Open Weights Lab release");
        assertEq(registry.modelIdByWeightsHash(WEIGHTS_A), 0, "the hash is free");

        assertEq(_register(lab, "Plenum LLM 7B", WEIGHTS_A), 2, "the lab registers its weights under a new id");
        assertEq(registry.modelIdByWeightsHash(WEIGHTS_A), 2, "the hash points at the lab's model");
        ModelRegistry.Model memory squatted = registry.getModel(1);
        assertTrue(squatted.delisted, "the squatter's model stays delisted");
        assertEq(squatted.weightsHash, WEIGHTS_A, "and keeps its record");
        assertEq(registry.getModel(2).publisher, lab, "the rightful publisher");
        assertFalse(registry.getModel(2).delisted, "listed");

        // The hash is taken again: nobody registers it a second time while the lab's model is listed.
        vm.prank(studio);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.WeightsAlreadyRegistered.selector, WEIGHTS_A, 2));
        registry.registerModel("Squatted again", "ipfs://again", WEIGHTS_A, "MIT");
    }

    // ---------------------------------------------------------------- delisting

    function test_timelockDelistsAModel() public {
        _verify(lab, "Open Weights Lab");
        _register(lab, "Plenum LLM 7B", WEIGHTS_A);
        _register(lab, "Plenum Vision 2B", WEIGHTS_B);

        vm.expectEmit(true, false, false, true, address(registry));
        emit ModelRegistry.ModelDelisted(2, "Fails the safety evaluation");
        vm.prank(address(timelock));
        registry.delistModel(2, "Fails the safety evaluation");

        assertTrue(registry.getModel(2).delisted, "delisted");
        assertFalse(registry.getModel(1).delisted, "other model stays listed");
        assertEq(registry.modelCount(), 2, "count unchanged");
    }

    function test_delistingTwiceReverts() public {
        _verify(lab, "Open Weights Lab");
        _register(lab, "Plenum LLM 7B", WEIGHTS_A);
        vm.prank(address(timelock));
        registry.delistModel(1, "Unsafe");

        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.ModelAlreadyDelisted.selector, 1));
        registry.delistModel(1, "Unsafe again");
    }

    function test_unknownModelIdsRevert() public {
        _verify(lab, "Open Weights Lab");
        _register(lab, "Plenum LLM 7B", WEIGHTS_A);

        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 0));
        registry.getModel(0);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 2));
        registry.getModel(2);

        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 0));
        registry.delistModel(0, "none");
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 2));
        registry.delistModel(2, "out of range");
    }

    // ---------------------------------------------------------------- wrong callers

    function _assertOnlyOwnerRejects(address caller) internal {
        bytes memory unauthorized = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller);

        vm.prank(caller);
        vm.expectRevert(unauthorized);
        registry.setPublisher(caller, true, "Self-verified");

        vm.prank(caller);
        vm.expectRevert(unauthorized);
        registry.setPublisher(lab, false, "Open Weights Lab");

        vm.prank(caller);
        vm.expectRevert(unauthorized);
        registry.delistModel(1, "Competitor");

        vm.prank(caller);
        vm.expectRevert(unauthorized);
        registry.transferOwnership(caller);

        vm.prank(caller);
        vm.expectRevert(unauthorized);
        registry.renounceOwnership();

        assertTrue(registry.isVerifiedPublisher(lab), "lab still verified");
        assertFalse(registry.getModel(1).delisted, "model still listed");
        assertEq(registry.owner(), address(timelock), "owner unchanged");
    }

    function _withOneModel() internal {
        _verify(lab, "Open Weights Lab");
        _register(lab, "Plenum LLM 7B", WEIGHTS_A);
    }

    function test_guardianCannotCallOwnerFunctions() public {
        _withOneModel();
        _assertOnlyOwnerRejects(guardian);
    }

    function test_outsiderCannotCallOwnerFunctions() public {
        _withOneModel();
        _assertOnlyOwnerRejects(outsider);
    }

    function test_publisherCannotCallOwnerFunctions() public {
        _withOneModel();
        _assertOnlyOwnerRejects(lab);
    }

    function test_deployerCannotCallOwnerFunctions() public {
        _withOneModel();
        _assertOnlyOwnerRejects(address(this));
    }

    // ---------------------------------------------------------------- through real governance

    function test_publisherVerifiedThroughGovernanceCanRegister() public {
        Proposal memory p = _single(
            address(registry),
            abi.encodeCall(ModelRegistry.setPublisher, (lab, true, "Open Weights Lab")),
            "# Verify Open Weights Lab as a model publisher"
        );
        _proposeAndQueue(p);
        _waitForEta(p);
        assertFalse(registry.isVerifiedPublisher(lab), "not verified before execution");

        vm.expectEmit(true, false, false, true, address(registry));
        emit ModelRegistry.PublisherUpdated(lab, true, "Open Weights Lab");
        _execute(p);

        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Executed, "executed");
        assertTrue(registry.isVerifiedPublisher(lab), "verified by the DAO");
        assertEq(_register(lab, "Plenum LLM 7B", WEIGHTS_A), 1, "the lab registers its first model");
    }
}
