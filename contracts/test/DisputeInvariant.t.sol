// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {Test} from "./utils/Test.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {PlenumToken} from "../src/PlenumToken.sol";
import {PlenumGovernor} from "../src/PlenumGovernor.sol";
import {DisputeModule} from "../src/DisputeModule.sol";
import {NetworkParameters} from "../src/NetworkParameters.sol";

/// @dev Drives the dispute module through random but meaningful sequences: every action picks a target for
/// which it can succeed (a queued proposal inside its window, an open dispute, an expert who has not ruled...)
/// and does nothing when there is none, so most calls change state.
contract DisputeHandler is Test {
    PlenumGovernor public immutable governor;
    DisputeModule public immutable disputes;
    PlenumToken public immutable token;
    NetworkParameters public immutable params;
    address public immutable proposer;
    address public immutable guardian;

    address[] internal _challengers;
    address[] internal _experts;
    uint256[] internal _proposalIds;
    uint256 internal _proposalNonce;

    /// @dev Set if a proposal ever executed while its dispute was open.
    bool public disputedProposalExecuted;

    /// @dev How many times each action did something (a debugging aid for the handler's balance).
    mapping(bytes32 action => uint256) public calls;

    constructor(
        PlenumGovernor governor_,
        DisputeModule disputes_,
        PlenumToken token_,
        NetworkParameters params_,
        address proposer_,
        address guardian_,
        address[] memory challengers_,
        address[] memory experts_
    ) {
        governor = governor_;
        disputes = disputes_;
        token = token_;
        params = params_;
        proposer = proposer_;
        guardian = guardian_;
        _challengers = challengers_;
        _experts = experts_;
    }

    // ---------------------------------------------------------------- actions

    /// @notice Pass and queue 1 to 3 fresh proposals. This moves time by about six days, so it waits until fewer
    /// than two proposals are open to challenge and no dispute is awaiting rulings.
    function queueProposals(uint256 countSeed, uint256 feeSeed) public {
        if (_countProposals(_disputable) >= 2) return;
        (bool awaitingRulings,) = _pickDispute(0, true);
        if (awaitingRulings) return;
        uint256 count = bound(countSeed, 1, 3);
        uint256[] memory ids = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) {
            uint256 fee = bound(uint256(keccak256(abi.encode(feeSeed, i))), 0.01e18, 2e18);
            string memory description = string.concat("# Invariant proposal ", Strings.toString(++_proposalNonce));
            // One proposal in four changes the panel (a no-op ruling quorum change): it cannot be disputed.
            bool panelProposal = uint256(keccak256(abi.encode(feeSeed, i, "panel"))) % 4 == 0;
            (address[] memory targets, bytes[] memory calldatas) = panelProposal ? _panelAction() : _feeAction(fee);
            vm.prank(proposer);
            ids[i] = governor.propose(targets, new uint256[](1), calldatas, description);
            _proposalIds.push(ids[i]);
        }
        vm.warp(governor.proposalSnapshot(ids[0]) + 1);
        for (uint256 i = 0; i < count; ++i) {
            vm.prank(proposer);
            governor.castVote(ids[i], 1);
        }
        vm.warp(governor.proposalDeadline(ids[0]) + 1);
        for (uint256 i = 0; i < count; ++i) governor.queue(ids[i]);
        ++calls["queueProposals"];
    }

    function fileDispute(uint256 challengerSeed, uint256 proposalSeed) public {
        (bool found, uint256 proposalId) = _pickProposal(proposalSeed, _disputable);
        if (!found) return;
        address challenger = _challengers[challengerSeed % _challengers.length];
        uint256 bond = disputes.bond();
        vm.prank(challenger);
        token.approve(address(disputes), bond);
        vm.prank(challenger);
        disputes.fileDispute(proposalId, "Invariant evidence");
        ++calls["fileDispute"];
    }

    /// @notice A challenger not yet in an open dispute joins its bond, with evidence on one call in two.
    function joinDispute(uint256 challengerSeed, uint256 disputeSeed) public {
        (bool found, uint256 disputeId) = _pickDispute(disputeSeed, true);
        if (!found) return;
        uint256 n = _challengers.length;
        for (uint256 k = 0; k < n; ++k) {
            address account = _challengers[(challengerSeed % n + k) % n];
            if (disputes.bondOf(disputeId, account) != 0) continue;
            uint256 bond = disputes.getDispute(disputeId).bond;
            vm.prank(account);
            token.approve(address(disputes), bond);
            vm.prank(account);
            disputes.joinDispute(disputeId, challengerSeed % 2 == 0 ? "More evidence" : "");
            ++calls["joinDispute"];
            return;
        }
    }

    function addEvidence(uint256 disputeSeed) public {
        (bool found, uint256 disputeId) = _pickDispute(disputeSeed, true);
        if (!found) return;
        disputes.addEvidence(disputeId, "Evidence from a bystander");
        ++calls["addEvidence"];
    }

    /// @notice A panel member who has not ruled yet, is staked and is not a challenger rules on an open dispute.
    function castRuling(uint256 disputeSeed, uint256 expertSeed, bool uphold) public {
        (bool found, uint256 disputeId) = _pickDispute(disputeSeed, true);
        if (!found) return;
        uint256 n = _experts.length;
        for (uint256 k = 0; k < n; ++k) {
            address expert = _experts[(expertSeed % n + k) % n];
            if (
                disputes.rulingOf(disputeId, expert) == DisputeModule.Ruling.None && disputes.bondOf(disputeId, expert) == 0
                    && disputes.stakeOf(expert) >= disputes.expertStake() && disputes.isPanelMember(expert)
            ) {
                vm.prank(expert);
                disputes.castRuling(disputeId, uphold, uphold ? "Harmful" : "Within reason");
                ++calls["castRuling"];
                return;
            }
        }
    }

    function resolveTimeout(uint256 disputeSeed) public {
        (bool found, uint256 disputeId) = _pickDispute(disputeSeed, false);
        if (!found) return;
        disputes.resolveTimeout(disputeId);
        ++calls["resolveTimeout"];
    }

    function withdraw(uint256 accountSeed) public {
        uint256 n = _challengers.length;
        for (uint256 k = 0; k < n; ++k) {
            address account = _challengers[(accountSeed % n + k) % n];
            uint256 owed = disputes.claimable(account);
            if (owed == 0) continue;
            uint256 before = token.balanceOf(account);
            vm.prank(account);
            disputes.withdraw();
            require(token.balanceOf(account) == before + owed, "withdraw paid a wrong amount");
            ++calls["withdraw"];
            return;
        }
    }

    function fundRewards(uint256 amountSeed) public {
        uint256 amount = bound(amountSeed, 1, 20_000e18);
        if (token.balanceOf(address(this)) < amount) return;
        token.approve(address(disputes), amount);
        disputes.fundRewards(amount);
        ++calls["fundRewards"];
    }

    function depositStake(uint256 expertSeed, uint256 amountSeed) public {
        address expert = _experts[expertSeed % _experts.length];
        uint256 balance = token.balanceOf(expert);
        if (balance == 0) return;
        uint256 amount = bound(amountSeed, 1, balance);
        vm.prank(expert);
        token.approve(address(disputes), amount);
        vm.prank(expert);
        disputes.depositStake(amount);
        ++calls["depositStake"];
    }

    /// @notice Withdraw what the rules allow: a panel member only above `expertStake()` and only while no dispute
    /// is open; anyone only after the lock that follows their last ruling.
    function withdrawStake(uint256 expertSeed, uint256 amountSeed) public {
        address expert = _experts[expertSeed % _experts.length];
        uint256 free = disputes.stakeOf(expert);
        if (block.timestamp < disputes.stakeLockedUntil(expert)) return;
        if (disputes.isPanelMember(expert)) {
            if (disputes.openDisputeCount() > 0) return;
            uint256 required = disputes.expertStake();
            free = free > required ? free - required : 0;
        }
        if (free == 0) return;
        uint256 amount = bound(amountSeed, 1, free);
        vm.prank(expert);
        disputes.withdrawStake(amount);
        ++calls["withdrawStake"];
    }

    /// @notice Execute a queued proposal past its ETA; for one still frozen, check the freeze holds.
    function execute(uint256 proposalSeed) public {
        (bool found, uint256 proposalId) = _pickProposal(proposalSeed, _executable);
        if (!found) return;
        bool blocking = disputes.isBlocking(proposalId);
        try governor.execute(proposalId) {
            if (blocking) disputedProposalExecuted = true;
            ++calls["execute"];
        } catch {
            ++calls["executeRefused"];
        }
    }

    /// @notice The guardian cancels a queued proposal (disputed or not) during its term, on one call in four.
    function guardianCancel(uint256 proposalSeed) public {
        if (proposalSeed % 4 != 0 || block.timestamp >= governor.guardianTermEnd()) return;
        (bool found, uint256 proposalId) = _pickProposal(proposalSeed, _queued);
        if (!found) return;
        vm.prank(guardian);
        governor.cancel(proposalId);
        ++calls["guardianCancel"];
    }

    function warp(uint256 secondsSeed) public {
        vm.warp(block.timestamp + bound(secondsSeed, 10 minutes, 2 days));
        ++calls["warp"];
    }

    // ---------------------------------------------------------------- views for the invariants

    function proposalIds() external view returns (uint256[] memory) {
        return _proposalIds;
    }

    function challengers() external view returns (address[] memory) {
        return _challengers;
    }

    function experts() external view returns (address[] memory) {
        return _experts;
    }

    // ---------------------------------------------------------------- picking targets

    function _disputable(uint256 proposalId) internal view returns (bool) {
        return governor.state(proposalId) == IGovernor.ProposalState.Queued
            && block.timestamp < governor.proposalEta(proposalId) && disputes.disputeOf(proposalId) == 0
            && !governor.isPanelProposal(proposalId);
    }

    function _executable(uint256 proposalId) internal view returns (bool) {
        return governor.state(proposalId) == IGovernor.ProposalState.Queued
            && block.timestamp >= governor.proposalEta(proposalId);
    }

    function _queued(uint256 proposalId) internal view returns (bool) {
        return governor.state(proposalId) == IGovernor.ProposalState.Queued;
    }

    function _pickProposal(uint256 seed, function(uint256) internal view returns (bool) eligible)
        internal
        view
        returns (bool, uint256)
    {
        uint256 n = _proposalIds.length;
        for (uint256 k = 0; k < n; ++k) {
            uint256 proposalId = _proposalIds[(seed % n + k) % n];
            if (eligible(proposalId)) return (true, proposalId);
        }
        return (false, 0);
    }

    function _countProposals(function(uint256) internal view returns (bool) eligible)
        internal
        view
        returns (uint256 count)
    {
        for (uint256 i = 0; i < _proposalIds.length; ++i) {
            if (eligible(_proposalIds[i])) ++count;
        }
    }

    /// @dev An open dispute: still inside its adjudication period when `forRuling`, past it otherwise.
    function _pickDispute(uint256 seed, bool forRuling) internal view returns (bool, uint256) {
        uint256 n = disputes.disputeCount();
        for (uint256 k = 0; k < n; ++k) {
            uint256 disputeId = (seed % n + k) % n + 1;
            DisputeModule.Dispute memory d = disputes.getDispute(disputeId);
            if (d.status != DisputeModule.Status.Open) continue;
            if (forRuling == (block.timestamp <= d.deadline)) return (true, disputeId);
        }
        return (false, 0);
    }

    function _feeAction(uint256 fee) internal view returns (address[] memory targets, bytes[] memory calldatas) {
        targets = new address[](1);
        targets[0] = address(params);
        calldatas = new bytes[](1);
        calldatas[0] = abi.encodeCall(NetworkParameters.setParameter, (params.INFERENCE_FEE(), fee));
    }

    function _panelAction() internal view returns (address[] memory targets, bytes[] memory calldatas) {
        targets = new address[](1);
        targets[0] = address(disputes);
        calldatas = new bytes[](1);
        calldatas[0] = abi.encodeCall(DisputeModule.setRulingQuorum, (disputes.rulingQuorum()));
    }
}

contract DisputeInvariantTest is PlenumFixture {
    DisputeHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory challengerList = new address[](3);
        (challengerList[0], challengerList[1], challengerList[2]) = (challenger, address(0xC4A12), address(0xC4A13));
        // Three panel members, and a candidate who stakes without a seat (free to move its stake).
        address[] memory expertList = new address[](4);
        (expertList[0], expertList[1], expertList[2], expertList[3]) = (expert1, expert2, expert3, address(0xE5));

        handler = new DisputeHandler(governor, disputes, token, params, alice, guardian, challengerList, expertList);
        for (uint256 i = 0; i < challengerList.length; ++i) _fund(challengerList[i], 1_000_000e18);
        for (uint256 i = 0; i < expertList.length; ++i) _fund(expertList[i], 200_000e18);
        _fund(address(handler), 2_000_000e18);

        handler.queueProposals(3, 1); // three proposals open to challenge from the first call
    }

    /// @dev forge finds this by name (there is no forge-std here).
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function invariant_moduleBalanceEqualsWhatItOwes() public view {
        assertEq(
            token.balanceOf(address(disputes)),
            disputes.bondsHeld() + disputes.totalClaimable() + disputes.rewardPool() + disputes.totalStaked(),
            "module balance == bondsHeld + totalClaimable + rewardPool + totalStaked"
        );
    }

    function invariant_blockingIffTheDisputeIsOpen() public view {
        uint256[] memory ids = handler.proposalIds();
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 disputeId = disputes.disputeOf(ids[i]);
            bool open = disputeId != 0 && disputes.getDispute(disputeId).status == DisputeModule.Status.Open;
            assertTrue(disputes.isBlocking(ids[i]) == open, "isBlocking(pid) <=> the dispute on pid is Open");
        }
    }

    function invariant_openDisputesMatchTheBondsHeld() public view {
        uint256 open;
        uint256 bonds;
        uint256 n = disputes.disputeCount();
        for (uint256 id = 1; id <= n; ++id) {
            DisputeModule.Dispute memory d = disputes.getDispute(id);
            assertEq(disputes.disputeOf(d.proposalId), id, "one dispute per proposal, indexed both ways");
            assertEq(d.totalBond, d.bond * d.challengerCount, "every challenger posted the dispute's bond");
            if (d.status == DisputeModule.Status.Open) {
                ++open;
                bonds += d.totalBond;
            }
        }
        assertEq(disputes.openDisputeCount(), open, "openDisputeCount counts the open disputes");
        assertEq(disputes.bondsHeld(), bonds, "bondsHeld sums the bonds of open disputes");
    }

    function invariant_ledgersSumOverAccounts() public view {
        address[] memory challengerList = handler.challengers();
        uint256 owed;
        for (uint256 i = 0; i < challengerList.length; ++i) owed += disputes.claimable(challengerList[i]);
        assertEq(disputes.totalClaimable(), owed, "totalClaimable sums what challengers are owed");

        address[] memory expertList = handler.experts();
        uint256 staked;
        for (uint256 i = 0; i < expertList.length; ++i) staked += disputes.stakeOf(expertList[i]);
        assertEq(disputes.totalStaked(), staked, "totalStaked sums the experts' stakes");
    }

    function invariant_panelProposalsAreNeverDisputedAndRulingsComeFromNonChallengers() public view {
        uint256[] memory ids = handler.proposalIds();
        for (uint256 i = 0; i < ids.length; ++i) {
            if (governor.isPanelProposal(ids[i])) assertEq(disputes.disputeOf(ids[i]), 0, "a panel proposal disputed");
        }
        address[] memory expertList = handler.experts();
        uint256 n = disputes.disputeCount();
        for (uint256 id = 1; id <= n; ++id) {
            DisputeModule.Dispute memory d = disputes.getDispute(id);
            assertEq(d.rulingQuorum, RULING_QUORUM, "the ruling quorum is snapshot at filing");
            for (uint256 e = 0; e < expertList.length; ++e) {
                bool ruled = disputes.rulingOf(id, expertList[e]) != DisputeModule.Ruling.None;
                assertFalse(ruled && disputes.bondOf(id, expertList[e]) != 0, "a challenger ruled");
                if (disputes.wasIdle(id, expertList[e])) {
                    assertFalse(ruled, "an expert who ruled is recorded idle");
                    assertTrue(d.status == DisputeModule.Status.TimedOut, "idle is recorded on timeouts only");
                }
            }
        }
    }

    function invariant_panelStakesStayAtTheMinimum() public view {
        address[] memory expertList = handler.experts();
        for (uint256 i = 0; i < expertList.length; ++i) {
            if (disputes.isPanelMember(expertList[i])) {
                assertGe(disputes.stakeOf(expertList[i]), disputes.expertStake(), "a panel member's stake >= expertStake");
            }
        }
    }

    function invariant_upheldProposalsAreCanceledAndFrozenOnesNeverRun() public view {
        assertFalse(handler.disputedProposalExecuted(), "a proposal executed while its dispute was open");
        uint256 n = disputes.disputeCount();
        for (uint256 id = 1; id <= n; ++id) {
            DisputeModule.Dispute memory d = disputes.getDispute(id);
            IGovernor.ProposalState proposalState = governor.state(d.proposalId);
            if (d.status == DisputeModule.Status.Upheld) {
                assertTrue(proposalState == IGovernor.ProposalState.Canceled, "an upheld proposal is canceled");
            }
            if (d.status == DisputeModule.Status.Open) {
                assertTrue(proposalState != IGovernor.ProposalState.Executed, "an open dispute's proposal never ran");
            }
        }
    }
}
