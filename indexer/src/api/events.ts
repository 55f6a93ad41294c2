// The DAO's events for feeds and webhooks (lib/indexer/types.ts, DaoEvent): one UNION over the indexed tables, each
// event with a stable id, those the clock brings (voting opens, 24 hours left, the outcome, executable) at the first
// second they hold. Ordered by (time, id) both ways, with keyset cursors.
import { db } from "ponder:api";
import schema from "ponder:schema";
import { sql } from "ponder";
import { getAddress, isAddress } from "viem";
import { disputeStatusNames } from "../../../lib/governance/dispute-status";
import { quorumOf } from "../dao";
import { daoEventTypes, type DaoEvent, type DaoEventType, type Page } from "../../../lib/indexer/types";

const { proposal, dispute, ruling, disputeFunds, dao } = schema;

const DAY = 86_400n;
const OPEN = disputeStatusNames.indexOf("Open");

type Row = {
  id: string;
  type: DaoEventType;
  time: string;
  proposal_id: string | null;
  proposal_title: string | null;
  dispute_id: string | null;
  account: string | null;
  amount: string | null;
  text: string | null;
  uphold: boolean | null;
  for_votes: string | null;
  against_votes: string | null;
  abstain_votes: string | null;
  quorum: string | null;
};

const big = (value: string | null) => (value === null ? null : BigInt(value));

/** Every event, as rows of one shape: the time, id and type columns are what the query filters and sorts on. */
function allEvents(currentQuorum: bigint) {
  // The proposal is not canceled at or before `time`.
  const live = (time: ReturnType<typeof sql>) =>
    sql`(${proposal.canceledAt} is null or ${proposal.canceledAt} > ${time})`;
  const opens = sql`${proposal.voteStart} + 1`;
  const reminder = sql`${proposal.voteEnd} - ${DAY}`;
  const ends = sql`${proposal.voteEnd} + 1`;
  const succeeded = sql`${proposal.forVotes} + ${proposal.abstainVotes} >= coalesce(${proposal.quorum}, ${currentQuorum})
    and ${proposal.forVotes} > ${proposal.againstVotes}`;
  const outcome = sql`${proposal.forVotes} as for_votes, ${proposal.againstVotes} as against_votes,
    ${proposal.abstainVotes} as abstain_votes, coalesce(${proposal.quorum}, ${currentQuorum}) as quorum`;
  const noOutcome = sql`null::numeric as for_votes, null::numeric as against_votes, null::numeric as abstain_votes,
    null::numeric as quorum`;
  // Executable from its ETA, and after a dispute on it is resolved without cancelling it.
  const executable = sql`greatest(${proposal.eta}, coalesce(${dispute.resolvedAt}, 0))`;
  const proposalEvent = (type: DaoEventType, time: ReturnType<typeof sql>, account = sql`null`, votes = noOutcome) =>
    sql`select ${type}::text || ':' || ${proposal.id}::text as id, ${type}::text as type, ${time} as time,
      ${proposal.id} as proposal_id, ${proposal.title} as proposal_title, null::numeric as dispute_id,
      ${account}::text as account, null::numeric as amount, null::text as text, null::boolean as uphold, ${votes}
      from ${proposal}`;
  const statusName = sql.join(
    [sql`case ${dispute.status}`, ...disputeStatusNames.map((name, i) => sql`when ${i} then ${name}`), sql`end`],
    sql` `,
  );
  return sql.join(
    [
      proposalEvent("proposal.created", sql`${proposal.createdAt}`, sql`${proposal.proposer}`),
      sql`${proposalEvent("proposal.voting_opened", opens)} where ${live(opens)}`,
      sql`${proposalEvent("proposal.ending_soon", reminder)} where ${reminder} > ${opens} and ${live(reminder)}`,
      sql`${proposalEvent("proposal.succeeded", ends, sql`null`, outcome)} where ${succeeded} and ${live(ends)}`,
      sql`${proposalEvent("proposal.defeated", ends, sql`null`, outcome)} where not (${succeeded}) and ${live(ends)}`,
      sql`${proposalEvent("proposal.queued", sql`${proposal.queuedAt}`)} where ${proposal.queuedAt} is not null`,
      sql`${proposalEvent("proposal.executable", executable)}
        left join ${dispute} on ${dispute.id} = ${proposal.disputeId}
        where ${proposal.eta} is not null and ${proposal.queuedAt} is not null
          and (${dispute.id} is null or ${dispute.status} <> ${OPEN}) and ${live(executable)}
          and (${proposal.executedAt} is null or ${proposal.executedAt} >= ${executable})`,
      sql`${proposalEvent("proposal.executed", sql`${proposal.executedAt}`)} where ${proposal.executedAt} is not null`,
      sql`${proposalEvent("proposal.canceled", sql`${proposal.canceledAt}`)} where ${proposal.canceledAt} is not null`,
      sql`select 'dispute.filed:' || ${dispute.id}, 'dispute.filed', ${dispute.filedAt}, ${dispute.proposalId},
        ${proposal.title}, ${dispute.id}, ${dispute.challenger}, ${dispute.bond}, null, null, ${noOutcome}
        from ${dispute} left join ${proposal} on ${proposal.id} = ${dispute.proposalId}`,
      sql`select 'dispute.ruling:' || ${ruling.disputeId} || ':' || ${ruling.expert}, 'dispute.ruling',
        ${ruling.timestamp}, ${dispute.proposalId}, ${proposal.title}, ${ruling.disputeId}, ${ruling.expert}, null,
        ${ruling.reason}, ${ruling.uphold}, ${noOutcome}
        from ${ruling} join ${dispute} on ${dispute.id} = ${ruling.disputeId}
        left join ${proposal} on ${proposal.id} = ${dispute.proposalId}`,
      sql`select 'dispute.resolved:' || ${dispute.id}, 'dispute.resolved', ${dispute.resolvedAt}, ${dispute.proposalId},
        ${proposal.title}, ${dispute.id}, null, ${dispute.reward}, ${statusName}, null, ${noOutcome}
        from ${dispute} left join ${proposal} on ${proposal.id} = ${dispute.proposalId}
        where ${dispute.resolvedAt} is not null`,
      sql`select 'dispute.payout:' || ${disputeFunds.id}, 'dispute.payout', ${disputeFunds.timestamp}, null, null, null,
        ${disputeFunds.account}, ${disputeFunds.amount}, null, null, ${noOutcome}
        from ${disputeFunds} where ${disputeFunds.event} = 'Withdrawn'`,
    ],
    sql` union all `,
  );
}

export class EventQueryError extends Error {}

function cursorOf(event: { time: bigint; id: string }) {
  return Buffer.from(JSON.stringify([event.time.toString(), event.id])).toString("base64url");
}

function parseCursor(raw: string): { time: bigint; id: string } {
  try {
    const [time, id] = JSON.parse(Buffer.from(raw, "base64url").toString()) as unknown[];
    if (typeof time === "string" && /^\d{1,20}$/.test(time) && typeof id === "string" && id.length <= 200) {
      return { time: BigInt(time), id };
    }
  } catch {}
  throw new EventQueryError("invalid cursor");
}

export async function daoEvents(query: {
  until: bigint;
  since?: bigint;
  types?: string;
  order: "newest" | "oldest";
  cursor?: string;
  limit: number;
}): Promise<Page<DaoEvent>> {
  const types = query.types?.split(",").filter(Boolean) ?? [];
  for (const type of types) {
    if (!daoEventTypes.includes(type as DaoEventType)) {
      throw new EventQueryError(`types must be among ${daoEventTypes.join(", ")}`);
    }
  }
  const [daoRow] = await db.select().from(dao).limit(1);
  const currentQuorum = daoRow ? quorumOf(daoRow) : 0n;
  const newest = query.order === "newest";
  const filters = [sql`time <= ${query.until}`];
  if (query.since !== undefined) filters.push(sql`time > ${query.since}`);
  if (types.length > 0)
    filters.push(
      sql`type in (${sql.join(
        types.map((type) => sql`${type}`),
        sql`, `,
      )})`,
    );
  if (query.cursor) {
    const { time, id } = parseCursor(query.cursor);
    filters.push(newest ? sql`(time, id) < (${time}, ${id})` : sql`(time, id) > (${time}, ${id})`);
  }
  const direction = newest ? sql`desc` : sql`asc`;
  const result = await db.execute(
    sql`select id, type, time::text as time, proposal_id::text as proposal_id, proposal_title,
        dispute_id::text as dispute_id, account, amount::text as amount, text, uphold, for_votes::text as for_votes,
        against_votes::text as against_votes, abstain_votes::text as abstain_votes, quorum::text as quorum
      from (${allEvents(currentQuorum)}) as events
      where ${sql.join(filters, sql` and `)}
      order by events.time ${direction}, events.id ${direction} limit ${query.limit + 1}`,
  );
  const rows = (result as unknown as { rows: Row[] }).rows;
  const items = rows.slice(0, query.limit).map((row): DaoEvent => ({
    id: row.id,
    type: row.type,
    time: BigInt(row.time),
    proposalId: big(row.proposal_id),
    proposalTitle: row.proposal_title,
    disputeId: big(row.dispute_id),
    account: row.account && isAddress(row.account, { strict: false }) ? getAddress(row.account) : null,
    amount: big(row.amount),
    text: row.text,
    uphold: row.uphold,
    votes:
      row.for_votes === null
        ? null
        : {
            for: BigInt(row.for_votes),
            against: BigInt(row.against_votes ?? 0),
            abstain: BigInt(row.abstain_votes ?? 0),
            quorum: BigInt(row.quorum ?? 0),
          },
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? cursorOf(last) : null };
}
