import type { Address } from "viem";
import { compareBigint } from "../bigint";
import type { DisputeStatusName } from "./dispute-status";

export type DisputeRuling = { expert: Address; uphold: boolean; reason: string; time: bigint };

/** A dispute as the module stores it, with its rulings. */
export type DisputeRecord = {
  id: bigint;
  proposalId: bigint;
  challenger: Address;
  filedAt: bigint;
  deadline: bigint;
  status: DisputeStatusName;
  upholdCount: number;
  rejectCount: number;
  /** Matching rulings that decide the dispute (the module's setting when it was filed). */
  rulingQuorum: number;
  /** The panel may not rule (the proposal concerns the panel): the dispute can only time out. */
  recused: boolean;
  bond: bigint;
  reward: bigint;
  evidence: string;
  rulings: DisputeRuling[];
  /** When the dispute was resolved, once it is. */
  resolvedAt?: bigint;
};

export type PanelMember = {
  address: Address;
  profile: string;
  stake: bigint;
  /** The stake cannot be withdrawn before this time (0 when never locked). */
  stakeLockedUntil: bigint;
};

export type DisputeSettings = {
  bond: bigint;
  rewardAmount: bigint;
  rewardPool: bigint;
  adjudicationPeriod: bigint;
  rulingQuorum: bigint;
  expertStake: bigint;
};

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
