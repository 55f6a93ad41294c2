// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {GrantVesting} from "../src/GrantVesting.sol";

contract GrantVestingTest is PlenumFixture {
    address internal grantee = address(0x96A27); // a GPU infrastructure team

    uint256 internal constant AMOUNT = 360_000e18;
    uint64 internal constant CLIFF = 90 days;
    uint64 internal constant DURATION = 360 days;
    string internal constant MEMO = "Inference cluster tooling, milestone 1";

    uint64 internal start;

    function setUp() public override {
        super.setUp();
        start = uint64(block.timestamp);
    }

    /// @dev The two actions a grant proposal carries: the timelock approves the vesting contract, then creates
    /// the grant, which pulls the approved PLM.
    function _grantProposal(
        address beneficiary,
        uint256 amount,
        uint64 grantStart,
        uint64 cliff,
        uint64 duration,
        string memory memo,
        string memory description
    ) internal view returns (Proposal memory p) {
        p.targets = new address[](2);
        p.values = new uint256[](2);
        p.calldatas = new bytes[](2);
        (p.targets[0], p.targets[1]) = (address(token), address(vesting));
        p.calldatas[0] = abi.encodeCall(IERC20.approve, (address(vesting), amount));
        p.calldatas[1] = abi.encodeCall(GrantVesting.createGrant, (beneficiary, amount, grantStart, cliff, duration, memo));
        p.description = description;
        p.descriptionHash = keccak256(bytes(description));
    }

    /// @dev The same two actions, performed directly as the timelock (unit tests of the schedule).
    function _createGrant(address beneficiary, uint256 amount, uint64 grantStart, uint64 cliff, uint64 duration)
        internal
        returns (uint256 grantId)
    {
        vm.startPrank(address(timelock));
        token.approve(address(vesting), amount);
        grantId = vesting.createGrant(beneficiary, amount, grantStart, cliff, duration, MEMO);
        vm.stopPrank();
    }

    function _standardGrant() internal returns (uint256) {
        return _createGrant(grantee, AMOUNT, start, CLIFF, DURATION);
    }

    function _revoke(uint256 grantId) internal {
        vm.prank(address(timelock));
        vesting.revoke(grantId);
    }

    function _release(uint256 grantId) internal returns (uint256) {
        vm.prank(outsider);
        return vesting.release(grantId);
    }

    // ---------------------------------------------------------------- creation through governance

    function test_grantCreatedThroughGovernanceEndToEnd() public {
        uint64 grantStart = uint64(block.timestamp + 30 days);
        Proposal memory p = _grantProposal(
            grantee, AMOUNT, grantStart, CLIFF, DURATION, MEMO, "# Grant: inference cluster tooling"
        );
        _proposeAndQueue(p);
        _waitForEta(p);
        uint256 treasuryBefore = token.balanceOf(address(timelock));

        vm.expectEmit(true, true, false, true, address(vesting));
        emit GrantVesting.GrantCreated(1, grantee, AMOUNT, grantStart, CLIFF, DURATION, MEMO);
        _execute(p);

        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Executed, "executed");
        assertEq(vesting.grantCount(), 1, "one grant");
        assertEq(token.balanceOf(address(vesting)), AMOUNT, "vesting holds the grant");
        assertEq(token.balanceOf(address(timelock)), treasuryBefore - AMOUNT, "treasury paid");
        assertEq(token.allowance(address(timelock), address(vesting)), 0, "approval fully used");

        GrantVesting.Grant memory g = vesting.getGrant(1);
        assertEq(g.beneficiary, grantee, "beneficiary");
        assertEq(g.amount, AMOUNT, "amount");
        assertEq(g.start, grantStart, "start");
        assertEq(g.cliffDuration, CLIFF, "cliff");
        assertEq(g.duration, DURATION, "duration");
        assertEq(g.revokedAt, 0, "not revoked");
        assertEq(g.released, 0, "nothing released");
        assertEq(g.memo, MEMO, "memo");
    }

    function test_grantProposalWithoutApprovalFailsAtExecution() public {
        Proposal memory p = _single(
            address(vesting),
            abi.encodeCall(GrantVesting.createGrant, (grantee, AMOUNT, start, CLIFF, DURATION, MEMO)),
            "# Grant without approval"
        );
        _proposeAndQueue(p);
        _waitForEta(p);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(vesting), 0, AMOUNT)
        );
        _execute(p);
        assertTrue(governor.state(p.id) == IGovernor.ProposalState.Queued, "still queued");
        assertEq(vesting.grantCount(), 0, "no grant");
    }

    // ---------------------------------------------------------------- schedule

    function test_nothingIsReleasableBeforeTheCliff() public {
        uint256 id = _standardGrant();
        vm.warp(start + CLIFF - 1);

        assertEq(vesting.releasable(id), 0, "nothing releasable");
        assertEq(vesting.vestedAmount(id, uint64(block.timestamp)), 0, "nothing vested");
        vm.expectRevert(abi.encodeWithSelector(GrantVesting.NothingToRelease.selector, id));
        _release(id);
    }

    function test_vestingIsLinearFromStartOnceTheCliffPasses() public {
        uint256 id = _standardGrant();

        assertEq(vesting.vestedAmount(id, start + CLIFF), AMOUNT / 4, "a quarter at the 90-day cliff");
        assertEq(vesting.vestedAmount(id, start + DURATION / 2), AMOUNT / 2, "half at half time");
        assertEq(vesting.vestedAmount(id, start + 270 days), (AMOUNT * 3) / 4, "three quarters");
        assertEq(vesting.vestedAmount(id, start + DURATION - 1), (AMOUNT * (DURATION - 1)) / DURATION, "one second short");
        assertEq(vesting.vestedAmount(id, start + DURATION), AMOUNT, "all at the end");
        assertEq(vesting.vestedAmount(id, start + 10 * DURATION), AMOUNT, "never more than all");

        vm.warp(start + DURATION / 2);
        assertEq(vesting.releasable(id), AMOUNT / 2, "releasable half");
    }

    function test_futureStartVestsNothingUntilStartPlusCliff() public {
        uint64 later = start + 60 days;
        uint256 id = _createGrant(grantee, AMOUNT, later, CLIFF, DURATION);

        vm.warp(later + CLIFF - 1);
        assertEq(vesting.releasable(id), 0, "nothing before the cliff of a future start");
        vm.warp(later + CLIFF);
        assertEq(vesting.releasable(id), AMOUNT / 4, "a quarter at the cliff");
    }

    function test_anyoneReleasesAndTheBeneficiaryIsPaid() public {
        uint256 id = _standardGrant();
        vm.warp(start + DURATION / 2);

        vm.expectEmit(true, true, false, true, address(vesting));
        emit GrantVesting.GrantReleased(id, grantee, AMOUNT / 2);
        uint256 paid = _release(id);

        assertEq(paid, AMOUNT / 2, "returned amount");
        assertEq(token.balanceOf(grantee), AMOUNT / 2, "beneficiary paid");
        assertEq(token.balanceOf(outsider), 0, "caller gets nothing");
        assertEq(vesting.getGrant(id).released, AMOUNT / 2, "released recorded");
        assertEq(vesting.releasable(id), 0, "nothing left right now");

        vm.expectRevert(abi.encodeWithSelector(GrantVesting.NothingToRelease.selector, id));
        _release(id);

        vm.warp(start + DURATION + 1 days);
        vm.prank(grantee);
        vesting.release(id);
        assertEq(token.balanceOf(grantee), AMOUNT, "all of it after the duration");
        assertEq(token.balanceOf(address(vesting)), 0, "vesting emptied");

        vm.expectRevert(abi.encodeWithSelector(GrantVesting.NothingToRelease.selector, id));
        _release(id);
    }

    function test_grantsAreIndependent() public {
        uint256 first = _standardGrant();
        uint256 second = _createGrant(carol, 1_000e18, start, 0, 10 days);
        assertEq(first, 1, "ids start at 1");
        assertEq(second, 2, "then 2");

        vm.warp(start + 5 days);
        _release(second);
        assertEq(token.balanceOf(carol), 1_000_000e18 + 500e18, "second grant paid half");
        assertEq(vesting.releasable(first), 0, "first grant still before its cliff");
        assertEq(token.balanceOf(address(vesting)), AMOUNT + 500e18, "the rest stays held");
    }

    // ---------------------------------------------------------------- revoke

    function test_revokeReturnsTheUnvestedRestAndKeepsTheVestedPartReleasable() public {
        uint256 id = _standardGrant();
        vm.warp(start + 180 days);
        _release(id); // half paid out already
        vm.warp(start + 270 days);
        uint256 treasuryBefore = token.balanceOf(address(timelock));

        vm.expectEmit(true, false, false, true, address(vesting));
        emit GrantVesting.GrantRevoked(id, (AMOUNT * 3) / 4, AMOUNT / 4);
        _revoke(id);

        assertEq(token.balanceOf(address(timelock)), treasuryBefore + AMOUNT / 4, "unvested back to the treasury");
        assertEq(vesting.getGrant(id).revokedAt, block.timestamp, "revokedAt");
        assertEq(vesting.releasable(id), AMOUNT / 4, "vested but unreleased quarter stays");

        vm.warp(start + DURATION + 100 days);
        assertEq(vesting.releasable(id), AMOUNT / 4, "vesting stopped at revocation");
        assertEq(vesting.vestedAmount(id, start + DURATION), (AMOUNT * 3) / 4, "vested capped at revocation");
        _release(id);
        assertEq(token.balanceOf(grantee), (AMOUNT * 3) / 4, "beneficiary got everything vested");
        assertEq(token.balanceOf(address(vesting)), 0, "nothing stuck");

        vm.expectRevert(abi.encodeWithSelector(GrantVesting.NothingToRelease.selector, id));
        _release(id);
    }

    function test_revokeBeforeTheCliffReturnsEverything() public {
        uint256 id = _standardGrant();
        vm.warp(start + CLIFF - 1);
        uint256 treasuryBefore = token.balanceOf(address(timelock));

        _revoke(id);

        assertEq(token.balanceOf(address(timelock)), treasuryBefore + AMOUNT, "all returned");
        vm.warp(start + DURATION);
        assertEq(vesting.releasable(id), 0, "nothing ever vests");
        vm.expectRevert(abi.encodeWithSelector(GrantVesting.NothingToRelease.selector, id));
        _release(id);
    }

    function test_revokeAfterFullVestingReturnsNothing() public {
        uint256 id = _standardGrant();
        vm.warp(start + DURATION);
        uint256 treasuryBefore = token.balanceOf(address(timelock));

        vm.expectEmit(true, false, false, true, address(vesting));
        emit GrantVesting.GrantRevoked(id, AMOUNT, 0);
        _revoke(id);

        assertEq(token.balanceOf(address(timelock)), treasuryBefore, "nothing returned");
        _release(id);
        assertEq(token.balanceOf(grantee), AMOUNT, "beneficiary keeps all");
    }

    function test_revokeThroughGovernance() public {
        uint256 id = _standardGrant();
        Proposal memory p =
            _single(address(vesting), abi.encodeCall(GrantVesting.revoke, (id)), "# Revoke the stalled grant");
        _proposeAndQueue(p);
        _waitForEta(p);
        uint256 vested = vesting.vestedAmount(id, uint64(block.timestamp));
        uint256 treasuryBefore = token.balanceOf(address(timelock));

        _execute(p);

        assertEq(token.balanceOf(address(timelock)), treasuryBefore + AMOUNT - vested, "unvested back");
        assertEq(vesting.getGrant(id).revokedAt, block.timestamp, "revoked");
    }

    function test_revokingTwiceReverts() public {
        uint256 id = _standardGrant();
        vm.warp(start + 100 days);
        _revoke(id);
        vm.warp(start + 200 days);

        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(GrantVesting.GrantAlreadyRevoked.selector, id));
        vesting.revoke(id);
    }

    // ---------------------------------------------------------------- errors

    function test_unknownGrantIdsRevert() public {
        _standardGrant();
        bytes memory unknown0 = abi.encodeWithSelector(GrantVesting.UnknownGrant.selector, 0);
        bytes memory unknown2 = abi.encodeWithSelector(GrantVesting.UnknownGrant.selector, 2);

        vm.expectRevert(unknown0);
        vesting.release(0);
        vm.expectRevert(unknown2);
        vesting.release(2);
        vm.expectRevert(unknown2);
        vesting.releasable(2);
        vm.expectRevert(unknown0);
        vesting.vestedAmount(0, start);
        vm.expectRevert(unknown2);
        vesting.getGrant(2);
        vm.prank(address(timelock));
        vm.expectRevert(unknown2);
        vesting.revoke(2);
    }

    function test_createGrantRejectsInvalidArguments() public {
        vm.startPrank(address(timelock));
        token.approve(address(vesting), AMOUNT);

        vm.expectRevert(abi.encodeWithSelector(GrantVesting.InvalidBeneficiary.selector, address(0)));
        vesting.createGrant(address(0), AMOUNT, start, CLIFF, DURATION, MEMO);

        vm.expectRevert(abi.encodeWithSelector(GrantVesting.InvalidAmount.selector));
        vesting.createGrant(grantee, 0, start, CLIFF, DURATION, MEMO);

        vm.expectRevert(abi.encodeWithSelector(GrantVesting.InvalidSchedule.selector, DURATION + 1, DURATION));
        vesting.createGrant(grantee, AMOUNT, start, DURATION + 1, DURATION, MEMO);

        vm.expectRevert(abi.encodeWithSelector(GrantVesting.InvalidSchedule.selector, uint64(0), uint64(0)));
        vesting.createGrant(grantee, AMOUNT, start, 0, 0, MEMO);

        string memory longMemo = string(new bytes(1025));
        vm.expectRevert(abi.encodeWithSelector(GrantVesting.MemoTooLong.selector, 1025, 1024));
        vesting.createGrant(grantee, AMOUNT, start, CLIFF, DURATION, longMemo);

        vm.stopPrank();
        assertEq(vesting.grantCount(), 0, "no grant created");
    }

    function test_edgeSchedulesAndMemoLengthAreAccepted() public {
        vm.startPrank(address(timelock));
        token.approve(address(vesting), 3);
        uint256 cliffEqualsDuration = vesting.createGrant(grantee, 1, start, DURATION, DURATION, "");
        uint256 noCliff = vesting.createGrant(grantee, 1, start, 0, 1, string(new bytes(1024)));
        uint256 pastStart = vesting.createGrant(grantee, 1, start - 1_000 days, CLIFF, DURATION, "backdated");
        vm.stopPrank();

        assertEq(vesting.grantCount(), 3, "three grants");
        assertEq(vesting.vestedAmount(cliffEqualsDuration, start + DURATION - 1), 0, "all-or-nothing before the end");
        assertEq(vesting.vestedAmount(cliffEqualsDuration, start + DURATION), 1, "all at the end");
        assertEq(vesting.releasable(noCliff), 0, "one-second grant at its start");
        assertEq(vesting.releasable(pastStart), 1, "backdated grant fully vested");
    }

    function test_createGrantWithoutEnoughAllowanceReverts() public {
        vm.startPrank(address(timelock));
        token.approve(address(vesting), AMOUNT - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(vesting), AMOUNT - 1, AMOUNT
            )
        );
        vesting.createGrant(grantee, AMOUNT, start, CLIFF, DURATION, MEMO);
        vm.stopPrank();
        assertEq(vesting.grantCount(), 0, "no grant without the funds");
    }

    function _assertOnlyOwnerRejects(address caller) internal {
        uint256 id = _standardGrant();
        vm.prank(caller);
        token.approve(address(vesting), AMOUNT);

        bytes memory unauthorized = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller);
        vm.prank(caller);
        vm.expectRevert(unauthorized);
        vesting.createGrant(caller, 1e18, start, 0, 1 days, "self-dealing");

        vm.prank(caller);
        vm.expectRevert(unauthorized);
        vesting.revoke(id);

        assertEq(vesting.grantCount(), 1, "no grant created");
        assertEq(vesting.getGrant(id).revokedAt, 0, "not revoked");
    }

    function test_guardianCannotCreateOrRevoke() public {
        _assertOnlyOwnerRejects(guardian);
    }

    function test_outsiderCannotCreateOrRevoke() public {
        _assertOnlyOwnerRejects(outsider);
    }

    function test_beneficiaryCannotCreateOrRevoke() public {
        _assertOnlyOwnerRejects(grantee);
    }

    function test_deployerCannotCreateOrRevoke() public {
        _assertOnlyOwnerRejects(address(this));
    }

    function test_proposerCannotCreateOrRevoke() public {
        _assertOnlyOwnerRejects(alice);
    }

    // ---------------------------------------------------------------- fuzz

    /// @dev Whatever the schedule and the moments of release and revocation, the beneficiary and the treasury
    /// together never get more than the grant, and the contract always holds exactly what is still owed.
    function testFuzz_payoutsNeverExceedTheAmount(
        uint256 amount,
        uint64 startOffset,
        uint64 cliff,
        uint64 duration,
        uint64 releaseAt,
        uint64 revokeAt,
        uint64 finalAt,
        bool doRevoke
    ) public {
        amount = bound(amount, 1, token.balanceOf(address(timelock)));
        duration = uint64(bound(duration, 1, 20 * 365 days));
        cliff = uint64(bound(cliff, 0, duration));
        uint64 grantStart = uint64(bound(startOffset, block.timestamp - 10 * 365 days, block.timestamp + 10 * 365 days));
        uint256 id = _createGrant(grantee, amount, grantStart, cliff, duration);
        uint256 treasuryBefore = token.balanceOf(address(timelock));

        uint256 t1 = bound(releaseAt, block.timestamp, block.timestamp + 30 * 365 days);
        uint256 t2 = bound(revokeAt, t1, t1 + 30 * 365 days);
        uint256 t3 = bound(finalAt, t2, t2 + 30 * 365 days);

        vm.warp(t1);
        if (vesting.releasable(id) > 0) _release(id);
        _assertAccounted(id, amount, treasuryBefore);

        vm.warp(t2);
        if (doRevoke) _revoke(id);
        _assertAccounted(id, amount, treasuryBefore);

        vm.warp(t3);
        if (vesting.releasable(id) > 0) _release(id);
        _assertAccounted(id, amount, treasuryBefore);

        if (!doRevoke && t3 >= uint256(grantStart) + duration) {
            assertEq(token.balanceOf(grantee), amount, "everything paid once fully vested");
        }
        if (doRevoke) {
            assertEq(
                token.balanceOf(grantee) + token.balanceOf(address(timelock)) - treasuryBefore,
                amount,
                "after revoke and a final release, all is paid out"
            );
        }
    }

    function _assertAccounted(uint256 id, uint256 amount, uint256 treasuryBefore) internal view {
        GrantVesting.Grant memory g = vesting.getGrant(id);
        uint256 returned = token.balanceOf(address(timelock)) - treasuryBefore;
        uint256 releasableNow = vesting.releasable(id);
        assertEq(token.balanceOf(grantee), g.released, "beneficiary holds what was released");
        assertLe(g.released + releasableNow + returned, amount, "released + releasable + returned <= amount");
        assertEq(token.balanceOf(address(vesting)), amount - g.released - returned, "contract holds the rest");
        if (g.revokedAt != 0) {
            assertEq(g.released + releasableNow + returned, amount, "revoked grant is fully accounted");
        }
    }

    /// @dev vestedAmount never decreases over time, whether or not the grant was revoked.
    function testFuzz_vestedAmountIsMonotonicInTime(
        uint256 amount,
        uint64 startOffset,
        uint64 cliff,
        uint64 duration,
        uint64 a,
        uint64 b,
        uint64 revokeAfter,
        bool doRevoke
    ) public {
        amount = bound(amount, 1, token.balanceOf(address(timelock)));
        duration = uint64(bound(duration, 1, 20 * 365 days));
        cliff = uint64(bound(cliff, 0, duration));
        uint64 grantStart = uint64(bound(startOffset, block.timestamp - 10 * 365 days, block.timestamp + 10 * 365 days));
        uint256 id = _createGrant(grantee, amount, grantStart, cliff, duration);
        if (doRevoke) {
            vm.warp(bound(revokeAfter, block.timestamp, block.timestamp + 30 * 365 days));
            _revoke(id);
        }

        uint64 earlier = uint64(bound(a, 0, type(uint64).max));
        uint64 later = uint64(bound(b, earlier, type(uint64).max));
        uint256 vestedEarlier = vesting.vestedAmount(id, earlier);
        uint256 vestedLater = vesting.vestedAmount(id, later);
        assertLe(vestedEarlier, vestedLater, "monotonic");
        assertLe(vestedLater, amount, "never above the amount");
    }
}
