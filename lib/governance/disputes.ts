import type { Address } from "viem";
import { compareBigint } from "../bigint";
import type { DisputeStatusName } from "./dispute-status";

export type DisputeRuling = { expert: Address; uphold: boolean; reason: string; time: bigint };

/** Evidence added to a dispute: by its filer, a co-challenger, or anyone else (the proposer's answer included). */
export type DisputeEvidence = { author: Address; text: string; time: bigint };

/** An account with a bond in a dispute: its filer first, then the co-challengers in the order they joined. */
export type DisputeChallenger = { account: Address; bond: bigint };

/** A dispute as the module stores it, with what its events add: challengers, evidence, rulings, idle members. */
export type DisputeRecord = {
  id: bigint;
  proposalId: bigint;
  /** Who filed it. */
  challenger: Address;
  filedAt: bigint;
  deadline: bigint;
  status: DisputeStatusName;
  upholdCount: number;
  rejectCount: number;
  /** Matching rulings that decide the dispute (the module's setting when it was filed). */
  rulingQuorum: number;
  /** The stake a member needs to rule on it (the module's setting when it was filed). */
  expertStake: bigint;
  /** What each challenger posts (the module's bond when it was filed). */
  bond: bigint;
  totalBond: bigint;
  challengerCount: number;
  evidenceCount: number;
  /** Paid from the pool when upheld, shared equally by the challengers. */
  reward: bigint;
  challengers: DisputeChallenger[];
  evidence: DisputeEvidence[];
  rulings: DisputeRuling[];
  /** The members recorded as not having ruled when it timed out. */
  idleMembers: Address[];
  /** When the dispute was resolved, once it is. */
  resolvedAt?: bigint;
};

/** Mirrors IDisputePanelAdmin.SlashGround (contract enum order), as a sentence ends: "slashed for …". */
export const slashGroundNames = [
  "a malicious ruling",
  "a negligent ruling",
  "not ruling before the dispute timed out",
] as const;

/** What one challenger of a resolved dispute gets back: the bond (upheld, timed out) and an equal share of the reward. */
export function challengerPayout(
  dispute: Pick<DisputeRecord, "status" | "bond" | "reward" | "challengerCount">,
): bigint {
  if (dispute.status === "Upheld") return dispute.bond + dispute.reward / BigInt(dispute.challengerCount);
  if (dispute.status === "TimedOut") return dispute.bond;
  return 0n;
}

export type PanelMember = {
  address: Address;
  profile: string;
  stake: bigint;
  /** The stake cannot be withdrawn before this time (0 when never locked). */
  stakeLockedUntil: bigint;
  /** Timed-out disputes this member sat on without ruling. */
  missedTimeouts: bigint;
};

export type DisputeSettings = {
  bond: bigint;
  rewardAmount: bigint;
  rewardPool: bigint;
  adjudicationPeriod: bigint;
  rulingQuorum: bigint;
  expertStake: bigint;
};

/** An expert's seat on the panel (`DisputeModule.panelSeat`): `until` is 0 while seated. */
export type PanelSeat = { since: bigint; until: bigint };

/** Whether the seat was held when the dispute was filed: only those members rule on it (as the module checks). */
export function satAtFiling(seat: PanelSeat, dispute: Pick<DisputeRecord, "filedAt">): boolean {
  return seat.since !== 0n && seat.since <= dispute.filedAt && (seat.until === 0n || seat.until > dispute.filedAt);
}

/** Where an open dispute stands against its deadline at `now` (chain time, seconds). */
type DeadlinePhase =
  { phase: "adjudicating"; secondsLeft: bigint } | { phase: "awaiting-timeout" } | { phase: "closed" };

/** The panel rules until the deadline inclusive; after it, anyone may resolve the dispute as timed out. */
export function deadlinePhase(dispute: Pick<DisputeRecord, "status" | "deadline">, now: bigint): DeadlinePhase {
  if (dispute.status !== "Open") return { phase: "closed" };
  if (now <= dispute.deadline) return { phase: "adjudicating", secondsLeft: dispute.deadline - now };
  return { phase: "awaiting-timeout" };
}

/** Open disputes first (nearest deadline first), then the rest, newest first. */
export function sortDisputes<T extends Pick<DisputeRecord, "id" | "status" | "deadline">>(disputes: readonly T[]): T[] {
  return [...disputes].sort((a, b) => {
    const aOpen = a.status === "Open";
    const bOpen = b.status === "Open";
    if (aOpen !== bOpen) return aOpen ? -1 : 1;
    return aOpen ? compareBigint(a.deadline, b.deadline) : compareBigint(b.id, a.id);
  });
}

/** How many more matching rulings decide the dispute each way. */
export function rulingsToDecide(dispute: Pick<DisputeRecord, "upholdCount" | "rejectCount" | "rulingQuorum">): {
  uphold: number;
  reject: number;
} {
  return {
    uphold: Math.max(0, dispute.rulingQuorum - dispute.upholdCount),
    reject: Math.max(0, dispute.rulingQuorum - dispute.rejectCount),
  };
}
