// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Delegate statements
/// @notice A delegate publishes who they are, what they focus on and how they vote. The text travels in the
/// event; the contract keeps a content hash, a version and the time of the last update.
contract DelegateStatements {
    struct Statement {
        uint256 version;
        bytes32 contentHash;
        uint64 updatedAt;
    }

    uint256 public constant MAX_DISPLAY_NAME_LENGTH = 64;
    uint256 public constant MAX_STATEMENT_LENGTH = 8_192;
    uint256 public constant MAX_FOCUS_AREAS = 8;
    uint256 public constant MAX_FOCUS_AREA_LENGTH = 32;

    address[] private _delegates;
    mapping(address delegate => Statement) private _statements;

    event StatementPublished(
        address indexed delegate,
        uint256 version,
        string displayName,
        string statement,
        string[] focusAreas
    );

    error InvalidDisplayName(uint256 length, uint256 maxLength);
    error StatementTooLong(uint256 length, uint256 maxLength);
    error EmptyStatement();
    error TooManyFocusAreas(uint256 count, uint256 maxCount);
    error InvalidFocusArea(uint256 index, uint256 length, uint256 maxLength);

    function publishStatement(string calldata displayName, string calldata statement, string[] calldata focusAreas)
        external
        returns (uint256 version)
    {
        uint256 nameLength = bytes(displayName).length;
        if (nameLength == 0 || nameLength > MAX_DISPLAY_NAME_LENGTH) {
            revert InvalidDisplayName(nameLength, MAX_DISPLAY_NAME_LENGTH);
        }
        if (bytes(statement).length == 0) revert EmptyStatement();
        if (bytes(statement).length > MAX_STATEMENT_LENGTH) {
            revert StatementTooLong(bytes(statement).length, MAX_STATEMENT_LENGTH);
        }
        if (focusAreas.length > MAX_FOCUS_AREAS) revert TooManyFocusAreas(focusAreas.length, MAX_FOCUS_AREAS);
        for (uint256 i = 0; i < focusAreas.length; ++i) {
            uint256 length = bytes(focusAreas[i]).length;
            if (length == 0 || length > MAX_FOCUS_AREA_LENGTH) {
                revert InvalidFocusArea(i, length, MAX_FOCUS_AREA_LENGTH);
            }
        }

        Statement storage current = _statements[msg.sender];
        if (current.version == 0) _delegates.push(msg.sender);
        version = current.version + 1;
        current.version = version;
        current.contentHash = keccak256(abi.encode(displayName, statement, focusAreas));
        current.updatedAt = uint64(block.timestamp);
        emit StatementPublished(msg.sender, version, displayName, statement, focusAreas);
    }

    /// @return version 0 when `delegate` never published
    function statementOf(address delegate)
        external
        view
        returns (uint256 version, bytes32 contentHash, uint64 updatedAt)
    {
        Statement storage current = _statements[delegate];
        return (current.version, current.contentHash, current.updatedAt);
    }

    /// @notice Every address that has published a statement, in order of first publication.
    function delegatesWithStatements() external view returns (address[] memory) {
        return _delegates;
    }
}
