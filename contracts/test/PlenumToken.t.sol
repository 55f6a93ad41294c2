// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {PlenumFixture} from "./utils/PlenumFixture.sol";
import {PlenumToken} from "../src/PlenumToken.sol";

contract PlenumTokenTest is PlenumFixture {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 internal constant DELEGATION_TYPEHASH = keccak256("Delegation(address delegatee,uint256 nonce,uint256 expiry)");

    uint256 internal constant HOLDER_KEY = 0xD0D0CAFE;
    address internal holder; // an account that signs off-chain
    address internal dave = address(0xDA7E);

    function setUp() public override {
        super.setUp();
        holder = vm.addr(HOLDER_KEY);
        _fund(holder, 50_000e18);
    }

    function _digest(bytes32 structHash) internal view returns (bytes32) {
        return keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
    }

    function _signPermit(uint256 key, address owner, address spender, uint256 value, uint256 nonce, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        return vm.sign(key, _digest(keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, nonce, deadline))));
    }

    // ---------------------------------------------------------------- metadata and supply

    function test_nameSymbolAndDecimals() public view {
        assertEq(token.name(), "Plenum", "name");
        assertEq(token.symbol(), "PLM", "symbol");
        assertEq(token.decimals(), 18, "decimals");
    }

    function test_fixedSupplyIsSplit40PercentTimelock60PercentDeployer() public {
        // Deployed as the deploy script does: the treasury is the timelock, the distributor the deployer.
        PlenumToken fresh = new PlenumToken(address(timelock), address(this));

        assertEq(fresh.TOTAL_SUPPLY(), 100_000_000e18, "constant");
        assertEq(fresh.totalSupply(), 100_000_000e18, "supply");
        assertEq(fresh.balanceOf(address(timelock)), 40_000_000e18, "timelock 40%");
        assertEq(fresh.balanceOf(address(this)), 60_000_000e18, "deployer 60%");
        assertEq(fresh.getVotes(address(this)), 0, "minted tokens carry no votes until delegated");
    }

    function test_deployedTreasuryHolds40Percent() public view {
        assertEq(token.totalSupply(), 100_000_000e18, "supply");
        assertEq(token.balanceOf(address(timelock)), 40_000_000e18, "timelock holds 40%");
    }

    function test_zeroTreasuryOrDistributorReverts() public {
        vm.expectRevert(abi.encodeWithSelector(PlenumToken.ZeroAddress.selector));
        new PlenumToken(address(0), address(this));

        vm.expectRevert(abi.encodeWithSelector(PlenumToken.ZeroAddress.selector));
        new PlenumToken(address(timelock), address(0));
    }

    // ---------------------------------------------------------------- clock

    function test_clockIsTheBlockTimestamp() public {
        assertEq(token.clock(), block.timestamp, "clock now");
        assertEq(token.CLOCK_MODE(), "mode=timestamp", "clock mode");

        vm.warp(block.timestamp + 3 days);
        vm.roll(block.number + 1);
        assertEq(token.clock(), block.timestamp, "clock follows time, not blocks");
        assertEq(governor.clock(), block.timestamp, "the governor shares the clock");
        assertEq(governor.CLOCK_MODE(), "mode=timestamp", "governor clock mode");
    }

    // ---------------------------------------------------------------- delegation

    function test_tokensCarryNoVotesUntilDelegated() public {
        _fund(dave, 200_000e18);
        assertEq(token.getVotes(dave), 0, "undelegated balance does not vote");
        assertEq(token.delegates(dave), address(0), "no delegate");

        vm.expectEmit(true, true, true, true, address(token));
        emit IVotes.DelegateChanged(dave, address(0), dave);
        _selfDelegate(dave);

        assertEq(token.getVotes(dave), 200_000e18, "votes after self-delegation");
        assertEq(token.delegates(dave), dave, "delegates to self");
    }

    function test_delegatingToAnExpertMovesTheVotes() public {
        _fund(dave, 200_000e18);
        uint256 aliceBefore = token.getVotes(alice);

        vm.prank(dave);
        token.delegate(alice);
        assertEq(token.getVotes(alice), aliceBefore + 200_000e18, "alice carries dave's votes");
        assertEq(token.getVotes(dave), 0, "dave keeps none");

        vm.prank(dave);
        token.delegate(bob);
        assertEq(token.getVotes(alice), aliceBefore, "moved away from alice");
        assertEq(token.getVotes(bob), 5_000_000e18 + 200_000e18, "to bob");

        vm.prank(dave);
        token.transfer(carol, 50_000e18);
        assertEq(token.getVotes(bob), 5_000_000e18 + 150_000e18, "transfers move delegated votes");
        assertEq(token.getVotes(carol), 1_000_000e18 + 50_000e18, "carol self-delegated, gains votes");
    }

    function test_getPastVotesAtTimestamps() public {
        uint256 t0 = block.timestamp;
        vm.warp(t0 + 1 hours);
        _fund(bob, 1_000_000e18); // bob is self-delegated
        uint256 t1 = block.timestamp;
        vm.warp(t1 + 1 hours);
        vm.prank(bob);
        token.transfer(carol, 2_000_000e18);
        uint256 t2 = block.timestamp;
        vm.warp(t2 + 1);

        assertEq(token.getPastVotes(bob, t0), 5_000_000e18, "before the transfer in");
        assertEq(token.getPastVotes(bob, t1 - 1), 5_000_000e18, "one second before");
        assertEq(token.getPastVotes(bob, t1), 6_000_000e18, "at the transfer's timestamp");
        assertEq(token.getPastVotes(bob, t2 - 1), 6_000_000e18, "before sending out");
        assertEq(token.getPastVotes(bob, t2), 4_000_000e18, "after sending out");
        assertEq(token.getPastVotes(carol, t2), 3_000_000e18, "carol at t2");
        assertEq(token.getPastTotalSupply(t0), 100_000_000e18, "past total supply");
    }

    function test_votesAcquiredAfterATimepointDoNotCountAtIt() public {
        uint256 snapshot = block.timestamp;
        vm.warp(snapshot + 1);
        // Tokens bought (or flash-borrowed) after the timepoint, delegated at once.
        _fund(dave, 5_000_000e18);
        _selfDelegate(dave);
        vm.warp(block.timestamp + 1);

        assertEq(token.getVotes(dave), 5_000_000e18, "votes now");
        assertEq(token.getPastVotes(dave, snapshot), 0, "nothing at the earlier timepoint");
        assertEq(token.getPastVotes(dave, snapshot + 1), 5_000_000e18, "counted from its own timestamp");
    }

    function test_getPastVotesRejectsTheCurrentAndFutureTimepoints() public {
        uint48 now_ = uint48(block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(Votes.ERC5805FutureLookup.selector, uint256(now_), now_));
        token.getPastVotes(alice, now_);

        vm.expectRevert(abi.encodeWithSelector(Votes.ERC5805FutureLookup.selector, uint256(now_) + 1 days, now_));
        token.getPastTotalSupply(now_ + 1 days);
    }

    // ---------------------------------------------------------------- signatures

    function test_permitSetsTheAllowanceFromASignature() public {
        uint256 deadline = block.timestamp + 1 hours;
        assertEq(token.nonces(holder), 0, "fresh nonce");
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(HOLDER_KEY, holder, address(disputes), 10_000e18, 0, deadline);

        vm.prank(outsider); // a relayer submits it
        token.permit(holder, address(disputes), 10_000e18, deadline, v, r, s);

        assertEq(token.allowance(holder, address(disputes)), 10_000e18, "allowance");
        assertEq(token.nonces(holder), 1, "nonce used");

        vm.prank(address(disputes));
        token.transferFrom(holder, address(disputes), 10_000e18);
        assertEq(token.balanceOf(address(disputes)), 3 * EXPERT_STAKE + 10_000e18, "spender pulled the tokens");
    }

    function test_permitCannotBeReplayed() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(HOLDER_KEY, holder, outsider, 1e18, 0, deadline);
        token.permit(holder, outsider, 1e18, deadline, v, r, s);

        // With the nonce consumed, the same signature recovers to some other address.
        vm.expectPartialRevert(ERC20Permit.ERC2612InvalidSigner.selector);
        token.permit(holder, outsider, 1e18, deadline, v, r, s);
    }

    function test_permitSignedByAnotherKeyIsRejected() public {
        uint256 otherKey = 0xBADBAD;
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(otherKey, holder, outsider, 1e18, 0, deadline);

        vm.expectRevert(
            abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, vm.addr(otherKey), holder)
        );
        token.permit(holder, outsider, 1e18, deadline, v, r, s);
        assertEq(token.allowance(holder, outsider), 0, "no allowance");
    }

    function test_expiredPermitIsRejected() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(HOLDER_KEY, holder, outsider, 1e18, 0, deadline);
        vm.warp(deadline + 1);

        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612ExpiredSignature.selector, deadline));
        token.permit(holder, outsider, 1e18, deadline, v, r, s);
    }

    function test_delegateBySigDelegatesTheSignersVotes() public {
        uint256 expiry = block.timestamp + 1 days;
        (uint8 v, bytes32 r, bytes32 s) =
            vm.sign(HOLDER_KEY, _digest(keccak256(abi.encode(DELEGATION_TYPEHASH, alice, 0, expiry))));
        uint256 aliceBefore = token.getVotes(alice);

        vm.prank(outsider);
        token.delegateBySig(alice, 0, expiry, v, r, s);

        assertEq(token.delegates(holder), alice, "holder delegates to alice");
        assertEq(token.getVotes(alice), aliceBefore + 50_000e18, "alice gains the holder's votes");
        assertEq(token.nonces(holder), 1, "shared nonce used");

        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, holder, 1));
        token.delegateBySig(alice, 0, expiry, v, r, s);
    }
}
