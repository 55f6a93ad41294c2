// The DAO's events (GET /events) against what the chain says happened: its logs with their block times, and the
// governor's schedule, votes and quorum read by contract calls.
import { getAddress } from "viem";
import { expect } from "vitest";
import { disputeStatusNames } from "../../lib/governance/dispute-status";
import { daoEventTypes, type DaoEvent, type DaoEventFilter } from "../../lib/indexer/types";
import { countBy, eventsOf, timestampOf, type CheckContext } from "./context";
import { proposalsOnChain } from "./governance";

const DAY = 86_400n;

/** Every event up to `until`, read a few at a time so that the cursors are read too. */
export async function readEvents(context: CheckContext, filter: DaoEventFilter): Promise<DaoEvent[]> {
  const events: DaoEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await context.api.events({ ...filter, cursor, limit: 7 });
    events.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return events;
}

/** What the chain says the events up to its latest block are, keyed by id. */
async function expectedEvents(context: CheckContext, now: bigint) {
  const { client, contracts } = context;
  const { governor, disputeModule } = contracts;
  const [proposals, created, queued, executed, canceled, filed, rulings, resolved, withdrawn] = await Promise.all([
    proposalsOnChain(context),
    eventsOf(client, governor, "ProposalCreated"),
    eventsOf(client, governor, "ProposalQueued"),
    eventsOf(client, governor, "ProposalExecuted"),
    eventsOf(client, governor, "ProposalCanceled"),
    eventsOf(client, disputeModule, "DisputeFiled"),
    eventsOf(client, disputeModule, "RulingCast"),
    eventsOf(client, disputeModule, "DisputeResolved"),
    eventsOf(client, disputeModule, "Withdrawn"),
  ]);
  type Log = Parameters<typeof timestampOf>[0] & { args: { proposalId: bigint } };
  const timeOf = (logs: Log[], id: bigint) => {
    const log = logs.find((entry) => entry.args.proposalId === id);
    return log ? timestampOf(log) : undefined;
  };
  const titleOf = new Map(proposals.map((p) => [p.id, created.find((log) => log.args.proposalId === p.id)!]));
  const expected: Omit<DaoEvent, "proposalTitle" | "text" | "uphold" | "votes" | "amount">[] = [];
  const add = (
    type: DaoEvent["type"],
    key: string,
    time: bigint | undefined,
    fields: Partial<Pick<DaoEvent, "proposalId" | "disputeId" | "account">> = {},
  ) => {
    if (time === undefined || time > now) return;
    expected.push({
      id: `${type}:${key}`,
      type,
      time,
      proposalId: null,
      disputeId: null,
      account: null,
      ...fields,
    });
  };
  const outcomes = new Map<bigint, "succeeded" | "defeated">();
  for (const p of proposals) {
    const canceledAt = timeOf(canceled, p.id);
    const live = (time: bigint) => canceledAt === undefined || canceledAt > time;
    const proposal = { proposalId: p.id };
    add("proposal.created", String(p.id), timestampOf(titleOf.get(p.id)!), { ...proposal, account: p.proposer });
    if (live(p.voteStart + 1n)) add("proposal.voting_opened", String(p.id), p.voteStart + 1n, proposal);
    const reminder = p.voteEnd - DAY;
    if (reminder > p.voteStart + 1n && live(reminder)) add("proposal.ending_soon", String(p.id), reminder, proposal);
    if (live(p.voteEnd + 1n) && p.voteEnd + 1n <= now) {
      const quorum = await client.readContract({ ...governor, functionName: "quorum", args: [p.voteStart] });
      const outcome = p.forVotes > p.againstVotes && p.forVotes + p.abstainVotes >= quorum ? "succeeded" : "defeated";
      outcomes.set(p.id, outcome);
      add(`proposal.${outcome}`, String(p.id), p.voteEnd + 1n, proposal);
    }
    const queuedAt = timeOf(queued, p.id);
    const executedAt = timeOf(executed, p.id);
    add("proposal.queued", String(p.id), queuedAt, proposal);
    add("proposal.executed", String(p.id), executedAt, proposal);
    add("proposal.canceled", String(p.id), canceledAt, proposal);
    if (queuedAt !== undefined) {
      const dispute = filed.find((log) => log.args.proposalId === p.id);
      const disputeResolved = dispute && resolved.find((log) => log.args.disputeId === dispute.args.disputeId);
      if (!dispute || disputeResolved) {
        const executable = disputeResolved
          ? [p.eta, timestampOf(disputeResolved)].reduce((a, b) => (a > b ? a : b))
          : p.eta;
        if (live(executable) && (executedAt === undefined || executedAt >= executable)) {
          add("proposal.executable", String(p.id), executable, proposal);
        }
      }
    }
  }
  for (const log of filed) {
    add("dispute.filed", String(log.args.disputeId), timestampOf(log), {
      proposalId: log.args.proposalId,
      disputeId: log.args.disputeId,
      account: log.args.challenger,
    });
  }
  const proposalOfDispute = new Map(filed.map((log) => [log.args.disputeId, log.args.proposalId]));
  for (const log of rulings) {
    add("dispute.ruling", `${log.args.disputeId}:${log.args.expert.toLowerCase()}`, timestampOf(log), {
      proposalId: proposalOfDispute.get(log.args.disputeId),
      disputeId: log.args.disputeId,
      account: log.args.expert,
    });
  }
  for (const log of resolved) {
    add("dispute.resolved", String(log.args.disputeId), timestampOf(log), {
      proposalId: proposalOfDispute.get(log.args.disputeId),
      disputeId: log.args.disputeId,
    });
  }
  return { expected, outcomes, withdrawn, resolved };
}

/**
 * GET /events oldest first, page by page, is every event the chain implies (ids, types, times, who), and newest first
 * the same in reverse; outcomes carry the votes, payouts their amounts, resolutions the status by name.
 */
export async function checkDaoEvents(context: CheckContext): Promise<void> {
  const now = (await context.client.getBlock()).timestamp;
  const { expected, outcomes, withdrawn, resolved } = await expectedEvents(context, now);
  const oldest = await readEvents(context, { until: now, order: "oldest" });
  const payouts = oldest.filter((event) => event.type === "dispute.payout");
  // The seed and the writes after it bring every kind of event: none of the comparisons below is vacuous.
  expect([...countBy(oldest, (event) => event.type).keys()].toSorted()).toEqual([...daoEventTypes].toSorted());
  const summary = (event: DaoEvent) => ({
    id: event.id,
    type: event.type,
    time: event.time,
    proposalId: event.proposalId,
    disputeId: event.disputeId,
    account: event.account,
  });
  const byKey = (a: { time: bigint; id: string }, b: { time: bigint; id: string }) =>
    a.time === b.time ? (a.id < b.id ? -1 : 1) : a.time < b.time ? -1 : 1;
  expect(
    oldest
      .filter((event) => event.type !== "dispute.payout")
      .map(summary)
      .toSorted(byKey),
  ).toEqual(
    expected.map((event) => ({ ...event, account: event.account && getAddress(event.account) })).toSorted(byKey),
  );
  // Oldest first means by time; the same ids newest first.
  expect(oldest.map((event) => event.time)).toEqual(
    oldest.map((event) => event.time).toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const newest = await readEvents(context, { until: now });
  expect(newest.map((event) => event.id)).toEqual(oldest.map((event) => event.id).toReversed());

  expect(payouts.map((event) => [event.account, event.amount, event.time]).toSorted()).toEqual(
    withdrawn.map((log) => [log.args.account, log.args.amount, timestampOf(log)]).toSorted(),
  );
  for (const event of oldest) {
    if (event.type === "proposal.succeeded" || event.type === "proposal.defeated") {
      expect(event.votes, event.id).not.toBeNull();
      expect(event.type).toBe(`proposal.${outcomes.get(event.proposalId!)}`);
    }
    if (event.type === "dispute.resolved") {
      const log = resolved.find((entry) => entry.args.disputeId === event.disputeId)!;
      expect(event.text).toBe(disputeStatusNames[log.args.status]);
    }
  }

  // Filters: by type, and after a time.
  const filed = await readEvents(context, { until: now, types: "dispute.filed,proposal.created" });
  expect(filed.map((event) => event.id).toSorted()).toEqual(
    oldest
      .filter((event) => event.type === "dispute.filed" || event.type === "proposal.created")
      .map((event) => event.id)
      .toSorted(),
  );
  const middle = oldest[Math.floor(oldest.length / 2)].time;
  const later = await readEvents(context, { until: now, since: middle, order: "oldest" });
  expect(later.map((event) => event.id)).toEqual(oldest.filter((event) => event.time > middle).map((e) => e.id));
}
