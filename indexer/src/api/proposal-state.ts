import schema from "ponder:schema";
import { sql } from "ponder";
import type { ProposalStateName } from "../../../lib/governance/proposal-state";

const { proposal } = schema;

/** The governor's state() from indexed events at `now`: Pending and Active by the clock, then by the votes. */
export function stateSql(now: bigint, currentQuorum: bigint) {
  return sql<ProposalStateName>`case
    when ${proposal.canceledAt} is not null then 'Canceled'
    when ${proposal.executedAt} is not null then 'Executed'
    when ${proposal.queuedAt} is not null then 'Queued'
    when ${now} <= ${proposal.voteStart} then 'Pending'
    when ${now} <= ${proposal.voteEnd} then 'Active'
    when ${proposal.forVotes} + ${proposal.abstainVotes} >= coalesce(${proposal.quorum}, ${currentQuorum})
      and ${proposal.forVotes} > ${proposal.againstVotes} then 'Succeeded'
    else 'Defeated' end`;
}
