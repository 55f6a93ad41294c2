// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {TimelockOwned} from "./TimelockOwned.sol";

/// @title Verified AI model publishers and their models
/// @notice The owner (the timelock) verifies and revokes publishers and delists models; verified
/// publishers register models (name, URI, weights hash, license). A weights hash belongs to one listed model
/// at a time: delisting a model frees its hash for a new registration.
contract ModelRegistry is TimelockOwned {
    struct Publisher {
        string name;
        bool verified;
        uint64 updatedAt;
    }

    struct Model {
        address publisher;
        string name;
        string uri;
        bytes32 weightsHash;
        string license;
        uint64 registeredAt;
        bool delisted;
    }

    uint256 public constant MAX_FIELD_LENGTH = 256;

    address[] private _publishers;
    mapping(address publisher => Publisher) private _publisherInfo;
    Model[] private _models;
    mapping(bytes32 weightsHash => uint256 modelId) public modelIdByWeightsHash;

    event PublisherUpdated(address indexed publisher, bool verified, string name);
    event ModelRegistered(
        uint256 indexed modelId,
        address indexed publisher,
        string name,
        string uri,
        bytes32 weightsHash,
        string license
    );
    event ModelDelisted(uint256 indexed modelId, string reason);

    error NotVerifiedPublisher(address account);
    error InvalidPublisher(address publisher);
    error InvalidField(string field, uint256 length, uint256 maxLength);
    error WeightsAlreadyRegistered(bytes32 weightsHash, uint256 modelId);
    error UnknownModel(uint256 modelId);
    error ModelAlreadyDelisted(uint256 modelId);

    constructor(address timelock) Ownable(timelock) {}

    /// @notice Verify (or revoke) `publisher` under `name`.
    function setPublisher(address publisher, bool verified, string calldata name) external onlyOwner {
        if (publisher == address(0)) revert InvalidPublisher(publisher);
        _checkField("name", name);
        Publisher storage info = _publisherInfo[publisher];
        if (info.updatedAt == 0) _publishers.push(publisher);
        info.name = name;
        info.verified = verified;
        info.updatedAt = uint64(block.timestamp);
        emit PublisherUpdated(publisher, verified, name);
    }

    /// @notice Register a model (verified publishers only). Ids start at 1.
    function registerModel(
        string calldata name,
        string calldata uri,
        bytes32 weightsHash,
        string calldata license
    ) external returns (uint256 modelId) {
        if (!_publisherInfo[msg.sender].verified) revert NotVerifiedPublisher(msg.sender);
        _checkField("name", name);
        _checkField("uri", uri);
        _checkField("license", license);
        if (weightsHash == bytes32(0)) revert InvalidField("weightsHash", 0, 32);
        uint256 existing = modelIdByWeightsHash[weightsHash];
        if (existing != 0) revert WeightsAlreadyRegistered(weightsHash, existing);

        _models.push(Model(msg.sender, name, uri, weightsHash, license, uint64(block.timestamp), false));
        modelId = _models.length;
        modelIdByWeightsHash[weightsHash] = modelId;
        emit ModelRegistered(modelId, msg.sender, name, uri, weightsHash, license);
    }

    function delistModel(uint256 modelId, string calldata reason) external onlyOwner {
        Model storage model = _modelOf(modelId);
        if (model.delisted) revert ModelAlreadyDelisted(modelId);
        model.delisted = true;
        // Free the weights hash: if a squatter registered someone else's weights, the rightful publisher can
        // register them again (under a new id) once the squatter's model is delisted.
        delete modelIdByWeightsHash[model.weightsHash];
        emit ModelDelisted(modelId, reason);
    }

    function isVerifiedPublisher(address account) external view returns (bool) {
        return _publisherInfo[account].verified;
    }

    /// @notice Every address ever verified, including revoked ones (see `publisherInfo`).
    function publishers() external view returns (address[] memory) {
        return _publishers;
    }

    function publisherInfo(address publisher) external view returns (Publisher memory) {
        return _publisherInfo[publisher];
    }

    function modelCount() external view returns (uint256) {
        return _models.length;
    }

    function getModel(uint256 modelId) external view returns (Model memory) {
        return _modelOf(modelId);
    }

    function _modelOf(uint256 modelId) private view returns (Model storage) {
        if (modelId == 0 || modelId > _models.length) revert UnknownModel(modelId);
        return _models[modelId - 1];
    }

    function _checkField(string memory field, string calldata value) private pure {
        uint256 length = bytes(value).length;
        if (length == 0 || length > MAX_FIELD_LENGTH) revert InvalidField(field, length, MAX_FIELD_LENGTH);
    }
}
