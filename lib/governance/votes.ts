import type { Address, Hash } from "viem";

/** Mirrors GovernorCountingSimple's VoteType (the order is the contract's enum order). */
export const voteSupportNames = ["Against", "For", "Abstain"] as const;
export type VoteSupportName = (typeof voteSupportNames)[number];

/** One `VoteCast` (or `VoteCastWithParams`) event of the governor. */
export type CastVote = {
  voter: Address;
  proposalId: bigint;
  support: VoteSupportName;
  weight: bigint;
  reason: string;
  transactionHash: Hash;
};

/** For / Against / Abstain weights, as GovernorCountingSimple counts them. */
export type VoteTotals = { against: bigint; for: bigint; abstain: bigint };

/** A part of a whole in percent (two decimals), from bigints: never through a float of the amounts themselves. */
export function percentOf(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  return Number((part * 10_000n) / whole) / 100;
}

/** Each side's share of all votes cast, in percent. */
export function voteShares(votes: VoteTotals): { for: number; against: number; abstain: number } {
  const total = votes.for + votes.against + votes.abstain;
  return {
    for: percentOf(votes.for, total),
    against: percentOf(votes.against, total),
    abstain: percentOf(votes.abstain, total),
  };
}

/** Progress toward quorum: For and Abstain count, Against does not (GovernorCountingSimple). */
export function quorumProgress(
  votes: VoteTotals,
  quorum: bigint,
): { counted: bigint; percent: number; reached: boolean } {
  const counted = votes.for + votes.abstain;
  return { counted, percent: Math.min(100, percentOf(counted, quorum)), reached: counted >= quorum };
}
