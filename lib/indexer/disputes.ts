import type { ListedDispute } from "../chain/disputes";
import type { IndexedDisputeDetail } from "./types";

/**
 * A dispute as its events tell it (the indexer). Two terms the module stores at filing reach no event:
 * `rulingQuorum` and `expertStake` are 0 here until the chain's read (lib/chain/disputes.ts) fills them in, and a
 * page that has only this does not show them.
 */
export function toListedDispute(indexed: IndexedDisputeDetail): ListedDispute {
  return {
    id: indexed.id,
    proposalId: indexed.proposalId,
    proposalTitle: indexed.proposalTitle,
    challenger: indexed.challenger,
    filedAt: indexed.filedAt,
    deadline: indexed.deadline,
    status: indexed.status,
    upholdCount: indexed.upholdCount,
    rejectCount: indexed.rejectCount,
    rulingQuorum: 0,
    expertStake: 0n,
    bond: indexed.bond,
    totalBond: indexed.challengers.reduce((total, { bond }) => total + bond, 0n),
    challengerCount: indexed.challengers.length,
    evidenceCount: indexed.evidence.length,
    reward: indexed.reward ?? 0n,
    challengers: indexed.challengers.map(({ account, bond }) => ({ account, bond })),
    evidence: indexed.evidence,
    rulings: indexed.rulings,
    idleMembers: indexed.idleMembers,
    resolvedAt: indexed.resolvedAt ?? undefined,
  };
}
