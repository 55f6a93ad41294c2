// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./Test.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {PlenumToken} from "../../src/PlenumToken.sol";
import {PlenumGovernor} from "../../src/PlenumGovernor.sol";
import {IDisputeModule} from "../../src/IDisputeModule.sol";
import {DisputeModule, IDisputableGovernor} from "../../src/DisputeModule.sol";
import {NetworkParameters, IGuardianSource} from "../../src/NetworkParameters.sol";
import {ModelRegistry} from "../../src/ModelRegistry.sol";
import {GrantVesting} from "../../src/GrantVesting.sol";
import {DelegateStatements} from "../../src/DelegateStatements.sol";

/// @dev Deploys the whole system as the deploy script does (production settings), hands out tokens, and
/// drives proposals through their life like OpenZeppelin's GovernorHelper.
abstract contract PlenumFixture is Test {
    struct Proposal {
        uint256 id;
        address[] targets;
        uint256[] values;
        bytes[] calldatas;
        string description;
        bytes32 descriptionHash;
    }

    uint48 internal constant VOTING_DELAY = 1 days;
    uint32 internal constant VOTING_PERIOD = 5 days;
    uint256 internal constant TIMELOCK_DELAY = 2 days;
    uint256 internal constant PROPOSAL_THRESHOLD = 100_000e18;
    uint256 internal constant QUORUM_PERCENT = 4;
    uint48 internal constant LATE_QUORUM_EXTENSION = 1 days;
    uint256 internal constant BOND = 10_000e18;
    uint256 internal constant REWARD = 5_000e18;
    uint256 internal constant ADJUDICATION_PERIOD = 3 days;
    uint256 internal constant RULING_QUORUM = 2;
    uint256 internal constant EXPERT_STAKE = 50_000e18;
    uint256 internal constant GUARDIAN_TERM = 365 days;

    uint8 internal constant AGAINST = 0;
    uint8 internal constant FOR = 1;
    uint8 internal constant ABSTAIN = 2;

    address internal alice = address(0xA11CE); // 10M PLM, a large delegate
    address internal bob = address(0xB0B); // 5M PLM
    address internal carol = address(0xCA401); // 1M PLM
    address internal challenger = address(0xC4A11); // 100k PLM, files disputes
    address internal outsider = address(0xBAD); // holds nothing, owns nothing
    address internal guardian = address(0x6A2D);
    address internal expert1 = address(0xE1);
    address internal expert2 = address(0xE2);
    address internal expert3 = address(0xE3);

    PlenumToken internal token;
    TimelockController internal timelock;
    PlenumGovernor internal governor;
    DisputeModule internal disputes;
    NetworkParameters internal params;
    ModelRegistry internal registry;
    GrantVesting internal vesting;
    DelegateStatements internal statements;

    function setUp() public virtual {
        vm.warp(1_750_000_000);
        address[] memory none = new address[](0);
        timelock = new TimelockController(TIMELOCK_DELAY, none, none, address(this));
        token = new PlenumToken(address(timelock), address(this));

        // The governor points at the dispute module and the network parameters, and both point back at it: deploy
        // the governor at the next nonce with their addresses computed for the two nonces after.
        uint256 nonce = vm.getNonce(address(this));
        address predictedModule = vm.computeCreateAddress(address(this), nonce + 1);
        address predictedParams = vm.computeCreateAddress(address(this), nonce + 2);
        governor = new PlenumGovernor(
            token,
            timelock,
            IDisputeModule(predictedModule),
            PlenumGovernor.GuardianSettings(guardian, uint48(block.timestamp + GUARDIAN_TERM), predictedParams),
            PlenumGovernor.Settings(
                VOTING_DELAY, VOTING_PERIOD, PROPOSAL_THRESHOLD, QUORUM_PERCENT, LATE_QUORUM_EXTENSION
            )
        );
        address[] memory panel = new address[](3);
        (panel[0], panel[1], panel[2]) = (expert1, expert2, expert3);
        string[] memory profiles = new string[](3);
        (profiles[0], profiles[1], profiles[2]) = ("GPU cluster operator", "ML safety researcher", "Protocol economist");
        disputes = new DisputeModule(
            token,
            IDisputableGovernor(address(governor)),
            address(timelock),
            DisputeModule.Settings(BOND, REWARD, ADJUDICATION_PERIOD, RULING_QUORUM, EXPERT_STAKE),
            panel,
            profiles
        );
        require(address(disputes) == predictedModule, "fixture: module address prediction");

        params = new NetworkParameters(address(timelock), IGuardianSource(address(governor)));
        require(address(params) == predictedParams, "fixture: parameters address prediction");
        registry = new ModelRegistry(address(timelock));
        vesting = new GrantVesting(token, address(timelock));
        statements = new DelegateStatements();

        timelock.grantRole(timelock.PROPOSER_ROLE(), address(governor));
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(governor));
        timelock.grantRole(timelock.EXECUTOR_ROLE(), address(governor));
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), address(this));

        _fund(alice, 10_000_000e18);
        _fund(bob, 5_000_000e18);
        _fund(carol, 1_000_000e18);
        _fund(challenger, 100_000e18);
        for (uint256 i = 0; i < panel.length; ++i) {
            _fund(panel[i], EXPERT_STAKE);
            vm.startPrank(panel[i]);
            token.approve(address(disputes), EXPERT_STAKE);
            disputes.depositStake(EXPERT_STAKE);
            vm.stopPrank();
        }
        _selfDelegate(alice);
        _selfDelegate(bob);
        _selfDelegate(carol);
        vm.warp(block.timestamp + 1);
    }

    /// @dev Another dispute module with production settings, a one-member panel deciding alone, for `governor_`.
    function _soloPanelModule(address governor_, address member) internal returns (DisputeModule) {
        address[] memory panel = new address[](1);
        panel[0] = member;
        string[] memory profiles = new string[](1);
        profiles[0] = "GPU cluster operator";
        return new DisputeModule(
            token,
            IDisputableGovernor(governor_),
            address(timelock),
            DisputeModule.Settings(BOND, REWARD, ADJUDICATION_PERIOD, 1, EXPERT_STAKE),
            panel,
            profiles
        );
    }

    // ---------------------------------------------------------------- accounts

    function _fund(address account, uint256 amount) internal {
        token.transfer(account, amount);
    }

    function _selfDelegate(address account) internal {
        vm.prank(account);
        token.delegate(account);
    }

    // ---------------------------------------------------------------- proposal helpers

    function _single(address target, bytes memory data, string memory description)
        internal
        pure
        returns (Proposal memory p)
    {
        p.targets = new address[](1);
        p.values = new uint256[](1);
        p.calldatas = new bytes[](1);
        p.targets[0] = target;
        p.calldatas[0] = data;
        p.description = description;
        p.descriptionHash = keccak256(bytes(description));
    }

    function _setParameterProposal(bytes32 key, uint256 value, string memory description)
        internal
        view
        returns (Proposal memory)
    {
        return _single(address(params), abi.encodeCall(NetworkParameters.setParameter, (key, value)), description);
    }

    function _propose(Proposal memory p, address proposer) internal returns (uint256) {
        vm.prank(proposer);
        p.id = governor.propose(p.targets, p.values, p.calldatas, p.description);
        return p.id;
    }

    function _vote(Proposal memory p, address voter, uint8 support) internal {
        vm.prank(voter);
        governor.castVote(p.id, support);
    }

    function _waitForSnapshot(Proposal memory p) internal {
        vm.warp(governor.proposalSnapshot(p.id) + 1);
    }

    function _waitForDeadline(Proposal memory p) internal {
        vm.warp(governor.proposalDeadline(p.id) + 1);
    }

    function _waitForEta(Proposal memory p) internal {
        vm.warp(governor.proposalEta(p.id));
    }

    function _queue(Proposal memory p) internal {
        governor.queue(p.targets, p.values, p.calldatas, p.descriptionHash);
    }

    function _execute(Proposal memory p) internal {
        governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash);
    }

    /// @dev Propose as alice, pass with alice's and bob's votes, and queue; returns at the start of the
    /// challenge window.
    function _proposeAndQueue(Proposal memory p) internal {
        _propose(p, alice);
        _waitForSnapshot(p);
        _vote(p, alice, FOR);
        _vote(p, bob, FOR);
        _waitForDeadline(p);
        _queue(p);
        require(governor.state(p.id) == IGovernor.ProposalState.Queued, "fixture: not queued");
    }

    function _proposeAndExecute(Proposal memory p) internal {
        _proposeAndQueue(p);
        _waitForEta(p);
        _execute(p);
    }

    function _fileDispute(Proposal memory p) internal returns (uint256 disputeId) {
        vm.startPrank(challenger);
        token.approve(address(disputes), BOND);
        disputeId = disputes.fileDispute(p.id, "Raises the inference fee tenfold; see the pricing analysis");
        vm.stopPrank();
    }

    function _rule(uint256 disputeId, address expert, bool uphold) internal {
        vm.prank(expert);
        disputes.castRuling(disputeId, uphold, uphold ? "Harmful to the network" : "Within reason");
    }
}
