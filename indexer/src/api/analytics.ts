// Participation analytics (lib/indexer/types.ts): turnout per proposal, how voting power is delegated and used, and
// past proposals recounted under other governor settings. All from indexed rows: nothing here reads the chain.
import { db } from "ponder:api";
import schema from "ponder:schema";
import { and, desc, eq, gt, isNull, lt, or, sql } from "ponder";
import {
  WHAT_IF_LIST_LIMIT,
  type DelegationRecord,
  type ProposalTurnout,
  type WhatIfOutcome,
  type WhatIfRecord,
  type WhatIfSettings,
} from "../../../lib/indexer/types";
import { QUORUM_DENOMINATOR, quorumOf } from "../dao";
import { stateSql } from "./proposal-state";

const { proposal, account, vote, supplyPoint } = schema;

type DaoRow = typeof schema.dao.$inferSelect;

/** Participation bands of 20 percentage points. */
const BANDS = 5;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Proposals an account could vote on: over its past powered spells, and its current one since it began. */
export function eligibleSql(startedCount: number) {
  return sql<number>`(${account.eligibleClosed} + case when ${account.startedAtPowerOn} is null then 0
    else ${startedCount} - ${account.startedAtPowerOn} end)`;
}

/** Voting started by `now` (after the snapshot) and was not canceled before. */
const startedBy = (now: bigint) =>
  and(lt(proposal.voteStart, now), or(isNull(proposal.canceledAt), gt(proposal.canceledAt, proposal.voteStart)));

/** Proposals whose voting started, newest first, with the supply, delegated supply and quorum at their snapshots. */
export async function proposalTurnout(
  daoRow: DaoRow,
  query: { now: bigint; cursor?: { voteStart: bigint; id: bigint }; limit: number },
): Promise<{ items: ProposalTurnout[]; more: boolean }> {
  const { cursor } = query;
  const rows = await db
    .select({ row: proposal, state: stateSql(query.now, quorumOf(daoRow)) })
    .from(proposal)
    .where(
      and(
        startedBy(query.now),
        cursor &&
          or(
            lt(proposal.voteStart, cursor.voteStart),
            and(eq(proposal.voteStart, cursor.voteStart), lt(proposal.id, cursor.id)),
          ),
      ),
    )
    .orderBy(desc(proposal.voteStart), desc(proposal.id))
    .limit(query.limit + 1);
  // A snapshot passed with no event since: the DAO's values now are the values at it.
  const items = rows.slice(0, query.limit).map(({ row, state }): ProposalTurnout => ({
    id: row.id,
    title: row.title,
    state,
    voteStart: row.voteStart,
    initialVoteEnd: row.initialVoteEnd,
    voteEnd: row.voteEnd,
    totalSupply: row.supplyAtStart ?? daoRow.totalSupply,
    delegatedSupply: row.delegatedAtStart ?? daoRow.delegatedSupply,
    quorum: row.quorum ?? quorumOf(daoRow),
    forVotes: row.forVotes,
    againstVotes: row.againstVotes,
    abstainVotes: row.abstainVotes,
    voterCount: row.voterCount,
    quorumReachedAt: row.quorumReachedAt,
    extendedAt: row.extendedAt,
  }));
  return { items, more: rows.length > query.limit };
}

/**
 * How the supply is delegated and used now: concentration, participation bands, the power of delegates silent over the
 * last `silentOver` proposals, and the supply's history in at most `points` samples.
 */
export async function delegation(
  daoRow: DaoRow,
  query: { now: bigint; startedCount: number; silentOver: number; points: number },
): Promise<DelegationRecord> {
  const quorum = quorumOf(daoRow);
  const eligible = eligibleSql(query.startedCount);
  const [concentration, bands, silent, history] = await Promise.all([
    db.execute(sql`
      select count(*) filter (where running < ${quorum})::int as below_quorum,
        count(*) filter (where running * 2 <= ${daoRow.delegatedSupply})::int as below_majority,
        coalesce(max(running), 0)::text as total,
        coalesce(max(running) filter (where rank <= 10), 0)::text as top_ten
      from (
        select sum(${account.votingPower}) over (order by ${account.votingPower} desc, ${account.address}) as running,
          row_number() over (order by ${account.votingPower} desc, ${account.address}) as rank
        from ${account} where ${account.votingPower} > 0
      ) as ranked`),
    db.execute(sql`
      select least((${account.votedEligible} * ${BANDS}) / ${eligible}, ${BANDS - 1}) as band,
        count(*)::int as delegates, sum(${account.votingPower})::text as voting_power
      from ${account} where ${eligible} > 0
      group by 1`),
    db.execute(sql`
      with recent as (
        select ${proposal.id} as id from ${proposal}
        where ${proposal.voteEnd} < ${query.now} and ${proposal.canceledAt} is null
        order by ${proposal.voteEnd} desc, ${proposal.id} desc limit ${query.silentOver}
      )
      select (select count(*) from recent)::int as proposals, count(*)::int as delegates,
        coalesce(sum(${account.votingPower}), 0)::text as voting_power
      from ${account}
      where ${account.votingPower} > 0 and not exists (
        select 1 from ${vote} join recent on recent.id = ${vote.proposalId} where ${vote.voter} = ${account.address}
      )`),
    db.execute(sql`
      select timestamp::text as timestamp, total_supply::text as total_supply,
        delegated_supply::text as delegated_supply
      from (
        select ${supplyPoint.timestamp} as timestamp, ${supplyPoint.totalSupply} as total_supply,
          ${supplyPoint.delegatedSupply} as delegated_supply, ${supplyPoint.blockNumber} as block_number,
          row_number() over (order by ${supplyPoint.blockNumber} desc) - 1 as back, count(*) over () as total
        from ${supplyPoint}
      ) as points
      where back % greatest(1, ceil(total::numeric / ${query.points})) = 0
      order by block_number`),
  ]);
  const [ranked] = rowsOf<{ below_quorum: number; below_majority: number; total: string; top_ten: string }>(
    concentration,
  );
  const total = BigInt(ranked.total);
  const bandRows = rowsOf<{ band: number; delegates: number; voting_power: string }>(bands);
  const [silentRow] = rowsOf<{ proposals: number; delegates: number; voting_power: string }>(silent);
  return {
    totalSupply: daoRow.totalSupply,
    delegatedSupply: daoRow.delegatedSupply,
    quorum,
    delegateCount: daoRow.delegateCount,
    topTenPower: BigInt(ranked.top_ten),
    delegatesForQuorum: total >= quorum ? ranked.below_quorum + 1 : null,
    delegatesForMajority: total * 2n > daoRow.delegatedSupply ? ranked.below_majority + 1 : null,
    participation: Array.from({ length: BANDS }, (_, band) => {
      const row = bandRows.find((entry) => Number(entry.band) === band);
      return {
        from: (band * 100) / BANDS,
        to: ((band + 1) * 100) / BANDS,
        delegates: row?.delegates ?? 0,
        votingPower: BigInt(row?.voting_power ?? 0),
      };
    }),
    silent: {
      proposals: silentRow.proposals,
      delegates: silentRow.delegates,
      votingPower: BigInt(silentRow.voting_power),
    },
    history: rowsOf<{ timestamp: string; total_supply: string; delegated_supply: string }>(history).map((row) => ({
      timestamp: BigInt(row.timestamp),
      totalSupply: BigInt(row.total_supply),
      delegatedSupply: BigInt(row.delegated_supply),
    })),
  };
}

type WhatIfRow = {
  id: string;
  title: string;
  vote_start: string;
  actual_succeeded: boolean;
  quorum: string;
  vote_end: string;
  reached_at: string | null;
  for_votes: string;
  against_votes: string;
  abstain_votes: string;
  left_out: number;
  beyond_history: boolean;
};

/**
 * Every proposal whose voting ended (and was not canceled) recounted under other settings, from its votes' times: the
 * quorum is the numerator's share of the supply at its snapshot; votes count up to its start plus the voting period,
 * and if they reach the quorum in the last `lateQuorumExtension` seconds, up to that vote's time plus the extension
 * (GovernorPreventLateQuorum). It succeeds when for and abstain reach the quorum and for outweighs against. Each
 * vote carries the proposal's totals once it is counted, so a proposal costs a few reads of its votes in time order
 * (index vote(proposal_id, timestamp)): the first vote at or over the quorum, the last by the deadline, the count after.
 */
export async function whatIf(daoRow: DaoRow, settings: WhatIfSettings, now: bigint): Promise<WhatIfRecord> {
  const { quorumNumerator, votingPeriod, lateQuorumExtension } = settings;
  const result = await db.execute(sql`
    with ended as (
      select ${proposal.id} as id, ${proposal.title} as title, ${proposal.voteStart} as vote_start,
        ${proposal.voteEnd} as real_end,
        ${proposal.forVotes} + ${proposal.abstainVotes} >= coalesce(${proposal.quorum}, ${quorumOf(daoRow)})
          and ${proposal.forVotes} > ${proposal.againstVotes} as actual_succeeded,
        div(coalesce(${proposal.supplyAtStart}, ${daoRow.totalSupply}) * ${quorumNumerator}, ${QUORUM_DENOMINATOR})
          as quorum,
        ${proposal.voteStart} + ${votingPeriod} as deadline
      from ${proposal}
      where ${proposal.voteEnd} < ${now} and ${proposal.canceledAt} is null
    ),
    simulated as (
      select ended.*, reached.time as reached_at,
        greatest(ended.deadline, coalesce(reached.time + ${lateQuorumExtension}, 0)) as vote_end
      from ended left join lateral (
        select ${vote.timestamp} as time from ${vote}
        where ${vote.proposalId} = ended.id and ${vote.timestamp} <= ended.deadline
          and ${vote.forAfter} + ${vote.abstainAfter} >= ended.quorum
        order by ${vote.timestamp} limit 1
      ) as reached on true
    )
    select simulated.id::text as id, simulated.title, simulated.vote_start::text as vote_start,
      simulated.actual_succeeded, simulated.quorum::text as quorum, simulated.vote_end::text as vote_end,
      simulated.reached_at::text as reached_at, coalesce(counted.for_after, 0)::text as for_votes,
      coalesce(counted.against_after, 0)::text as against_votes,
      coalesce(counted.abstain_after, 0)::text as abstain_votes,
      (select count(*) from ${vote}
        where ${vote.proposalId} = simulated.id and ${vote.timestamp} > simulated.vote_end)::int as left_out,
      simulated.vote_end > simulated.real_end as beyond_history
    from simulated left join lateral (
      select ${vote.forAfter} as for_after, ${vote.againstAfter} as against_after, ${vote.abstainAfter} as abstain_after
      from ${vote} where ${vote.proposalId} = simulated.id and ${vote.timestamp} <= simulated.vote_end
      order by ${vote.timestamp} desc, ${vote.forAfter} + ${vote.againstAfter} + ${vote.abstainAfter} desc limit 1
    ) as counted on true
    order by simulated.vote_start desc, simulated.id desc`);
  const outcomes = rowsOf<WhatIfRow>(result).map((row): WhatIfOutcome => {
    const forVotes = BigInt(row.for_votes);
    const againstVotes = BigInt(row.against_votes);
    const abstainVotes = BigInt(row.abstain_votes);
    const quorum = BigInt(row.quorum);
    return {
      id: BigInt(row.id),
      title: row.title,
      voteStart: BigInt(row.vote_start),
      actual: row.actual_succeeded ? "Succeeded" : "Defeated",
      simulated: forVotes + abstainVotes >= quorum && forVotes > againstVotes ? "Succeeded" : "Defeated",
      quorum,
      voteEnd: BigInt(row.vote_end),
      quorumReachedAt: row.reached_at === null ? null : BigInt(row.reached_at),
      forVotes,
      againstVotes,
      abstainVotes,
      votesLeftOut: row.left_out,
      beyondHistory: row.beyond_history,
    };
  });
  const changed = outcomes.filter((outcome) => outcome.actual !== outcome.simulated);
  return {
    settings,
    evaluated: outcomes.length,
    succeeded: {
      actual: outcomes.filter((outcome) => outcome.actual === "Succeeded").length,
      simulated: outcomes.filter((outcome) => outcome.simulated === "Succeeded").length,
    },
    changed: changed.slice(0, WHAT_IF_LIST_LIMIT),
    changedCount: changed.length,
    beyondHistory: outcomes.filter((outcome) => outcome.beyondHistory).length,
  };
}
