// What the analytics page shows, derived from the indexer's records: turnout and quorum margin per proposal.
import type { ProposalTurnout } from "../indexer/types";

const DAY = 86_400n;

/** The analytics page's first look at silent voting power: over the last five proposals whose voting ended. */
export const DEFAULT_SILENT_OVER = 5;

/** `part` as a percentage of `whole`, to two decimals (0 of nothing is 0). */
export function percentOf(part: bigint, whole: bigint): number {
  return whole === 0n ? 0 : Number((part * 10_000n) / whole) / 100;
}

export type TurnoutFigures = ReturnType<typeof turnoutFigures>;

/** One proposal's turnout against its snapshot, its quorum margin, and whether quorum came late. */
export function turnoutFigures(p: ProposalTurnout) {
  const cast = p.forVotes + p.againstVotes + p.abstainVotes;
  const counted = p.forVotes + p.abstainVotes;
  return {
    ...p,
    cast,
    ofSupply: percentOf(cast, p.totalSupply),
    ofDelegated: percentOf(cast, p.delegatedSupply),
    quorumOfSupply: percentOf(p.quorum, p.totalSupply),
    /** For and abstain votes beyond the quorum (negative: short of it). */
    margin: counted - p.quorum,
    marginOfQuorum: percentOf(counted - p.quorum, p.quorum),
    /** Quorum reached only in the last day before the deadline the proposal was created with. */
    lateQuorum: p.quorumReachedAt !== null && p.quorumReachedAt > p.initialVoteEnd - DAY,
  };
}
