// The analytics routes (indexer/src/api/analytics.ts) and the supply history, against the token's checkpoints, the
// governor's reads and the logs: each figure recomputed here the plain way, vote by vote and delegate by delegate.
import { zeroAddress, type Address } from "viem";
import { expect } from "vitest";
import type { WhatIfOutcome, WhatIfSettings } from "../../lib/indexer/types";
import { eventsOf, readTable, timestampOf, type CheckContext, type TableCheck, type TableName } from "./context";
import { allVotes, proposalsOnChain } from "./governance";

const DAY = 86_400n;

/** The supply and delegated supply after each block that minted, burned or moved voting power, from the logs. */
const supplyPoint: TableCheck = async (context) => {
  const { api, client, contracts } = context;
  const [rows, transfers, powerChanges] = await Promise.all([
    readTable(api, "supplyPoint"),
    eventsOf(client, contracts.token, "Transfer"),
    eventsOf(client, contracts.token, "DelegateVotesChanged"),
  ]);
  const changes = [
    ...transfers.filter((log) => log.args.from === zeroAddress || log.args.to === zeroAddress),
    ...powerChanges,
  ].sort((a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex);
  let totalSupply = 0n;
  const power = new Map<Address, bigint>();
  const expected = new Map<
    bigint,
    { blockNumber: bigint; timestamp: bigint; totalSupply: bigint; delegatedSupply: bigint }
  >();
  for (const log of changes) {
    if ("delegate" in log.args) power.set(log.args.delegate, log.args.newVotes);
    else totalSupply += log.args.from === zeroAddress ? log.args.value : -log.args.value;
    const delegatedSupply = [...power.values()].reduce((sum, votes) => sum + votes, 0n);
    expected.set(log.blockNumber, {
      blockNumber: log.blockNumber,
      timestamp: timestampOf(log),
      totalSupply,
      delegatedSupply,
    });
  }
  expect(rows).toEqual([...expected.values()]);
  // The last point is the token's state now.
  const last = rows.at(-1)!;
  expect(last.totalSupply).toBe(await client.readContract({ ...contracts.token, functionName: "totalSupply" }));
};

export const analyticsChecks = { supplyPoint } satisfies Partial<Record<TableName, TableCheck>>;

/** Every voting power holder the token has had, and the started proposals (snapshot passed, not canceled before). */
async function history(context: CheckContext) {
  const { client, contracts } = context;
  const [now, onChain, votes, created, canceled, extended, powerChanges] = await Promise.all([
    client.getBlock().then((block) => block.timestamp),
    proposalsOnChain(context),
    allVotes(context),
    eventsOf(client, contracts.governor, "ProposalCreated"),
    eventsOf(client, contracts.governor, "ProposalCanceled"),
    eventsOf(client, contracts.governor, "ProposalExtended"),
    eventsOf(client, contracts.token, "DelegateVotesChanged"),
  ]);
  const canceledAt = (id: bigint) => {
    const log = canceled.find((entry) => entry.args.proposalId === id);
    return log ? timestampOf(log) : null;
  };
  const started = onChain.filter((p) => {
    const cancel = canceledAt(p.id);
    return p.voteStart < now && (cancel === null || p.voteStart < cancel);
  });
  const delegates = [...new Set(powerChanges.map((log) => log.args.delegate))];
  const votesOn = (id: bigint) =>
    votes
      .filter((log) => log.args.proposalId === id)
      .sort((a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex)
      .map((log) => ({
        time: timestampOf(log),
        support: log.args.support,
        weight: log.args.weight,
        voter: log.args.voter,
      }));
  return { now, onChain, started, votes, created, canceledAt, extended, delegates, votesOn };
}

type Ballot = { time: bigint; support: number; weight: bigint };

/** When for and abstain votes first reach `quorum` among `ballots` (in the order cast) up to `deadline`. */
function quorumReachedAt(ballots: Ballot[], quorum: bigint, deadline: bigint): bigint | null {
  let counted = 0n;
  for (const ballot of ballots) {
    if (ballot.time > deadline) break;
    if (ballot.support !== 0) counted += ballot.weight;
    if (counted >= quorum) return ballot.time;
  }
  return null;
}

/** GET /analytics/proposals, every page: each started proposal's turnout inputs as the governor and token had them. */
export async function checkTurnout(context: CheckContext): Promise<void> {
  const { api, client, contracts } = context;
  const { now, started, created, extended, delegates, votesOn } = await history(context);
  const items = [];
  let cursor: string | undefined;
  do {
    const page = await api.proposalTurnout({ now, cursor, limit: 3 });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const byStart = started.toSorted((a, b) => Number(b.voteStart - a.voteStart) || Number(b.id - a.id));
  expect(items.map((item) => item.id)).toEqual(byStart.map((p) => p.id));
  let late = 0;
  for (const p of byStart) {
    const item = items.find((entry) => entry.id === p.id)!;
    const [totalSupply, quorum, ...powers] = await Promise.all([
      client.readContract({ ...contracts.token, functionName: "getPastTotalSupply", args: [p.voteStart] }),
      client.readContract({ ...contracts.governor, functionName: "quorum", args: [p.voteStart] }),
      ...delegates.map((delegate) =>
        client.readContract({ ...contracts.token, functionName: "getPastVotes", args: [delegate, p.voteStart] }),
      ),
    ]);
    const extension = extended.find((log) => log.args.proposalId === p.id);
    const initialVoteEnd = created.find((log) => log.args.proposalId === p.id)!.args.voteEnd;
    const ballots = votesOn(p.id);
    const reachedAt = quorumReachedAt(ballots, quorum, p.voteEnd);
    expect(item, `proposal ${p.id}`).toEqual({
      id: p.id,
      title: item.title,
      state: p.state,
      voteStart: p.voteStart,
      initialVoteEnd,
      voteEnd: p.voteEnd,
      totalSupply,
      delegatedSupply: powers.reduce((sum, votes) => sum + votes, 0n),
      quorum,
      forVotes: p.forVotes,
      againstVotes: p.againstVotes,
      abstainVotes: p.abstainVotes,
      voterCount: ballots.length,
      quorumReachedAt: reachedAt,
      extendedAt: extension ? timestampOf(extension) : null,
    });
    if (reachedAt !== null && reachedAt > initialVoteEnd - DAY) late += 1;
  }
  // The seed has a proposal that reached quorum in its last day and was extended.
  expect(late).toBeGreaterThan(0);
  expect(items.some((item) => item.extendedAt !== null)).toBe(true);
}

/** GET /analytics/delegation: concentration, participation bands and silent power from each delegate's checkpoints. */
export async function checkDelegation(context: CheckContext): Promise<void> {
  const { api, client, contracts } = context;
  const { now, onChain, started, votes, canceledAt, delegates } = await history(context);
  const silentOver = 2;
  const record = await api.delegation({ now, silentOver, points: 4 });
  const [totalSupply, numerator, denominator] = await Promise.all([
    client.readContract({ ...contracts.token, functionName: "totalSupply" }),
    client.readContract({ ...contracts.governor, functionName: "quorumNumerator" }),
    client.readContract({ ...contracts.governor, functionName: "quorumDenominator" }),
  ]);
  const quorum = (totalSupply * numerator) / denominator;
  const holders = await Promise.all(
    delegates.map(async (address) => {
      const [power, ...past] = await Promise.all([
        client.readContract({ ...contracts.token, functionName: "getVotes", args: [address] }),
        ...started.map((p) =>
          client.readContract({ ...contracts.token, functionName: "getPastVotes", args: [address, p.voteStart] }),
        ),
      ]);
      const voted = votes.filter((log) => log.args.voter === address && log.args.weight > 0n).length;
      return { address, power, eligible: past.filter((votes) => votes > 0n).length, voted };
    }),
  );
  const powered = holders.filter((holder) => holder.power > 0n).sort((a, b) => (a.power > b.power ? -1 : 1));
  const delegatedSupply = powered.reduce((sum, holder) => sum + holder.power, 0n);
  const fewestFor = (reached: (sum: bigint) => boolean) => {
    let sum = 0n;
    for (const [index, holder] of powered.entries()) {
      sum += holder.power;
      if (reached(sum)) return index + 1;
    }
    return null;
  };
  const recent = onChain
    .filter((p) => p.voteEnd < now && canceledAt(p.id) === null)
    .sort((a, b) => Number(b.voteEnd - a.voteEnd) || Number(b.id - a.id))
    .slice(0, silentOver)
    .map((p) => p.id);
  const silent = powered.filter(
    (holder) => !votes.some((log) => log.args.voter === holder.address && recent.includes(log.args.proposalId)),
  );
  const bands = [0, 1, 2, 3, 4].map((band) => {
    const inBand = holders.filter(
      (holder) => holder.eligible > 0 && Math.min(Math.floor((holder.voted * 5) / holder.eligible), 4) === band,
    );
    return {
      from: band * 20,
      to: band * 20 + 20,
      delegates: inBand.length,
      votingPower: inBand.reduce((sum, holder) => sum + holder.power, 0n),
    };
  });
  expect({ ...record, history: undefined }).toEqual({
    totalSupply,
    delegatedSupply,
    quorum,
    delegateCount: powered.length,
    topTenPower: powered.slice(0, 10).reduce((sum, holder) => sum + holder.power, 0n),
    delegatesForQuorum: fewestFor((sum) => sum >= quorum),
    delegatesForMajority: fewestFor((sum) => sum * 2n > delegatedSupply),
    participation: bands,
    silent: {
      proposals: recent.length,
      delegates: silent.length,
      votingPower: silent.reduce((sum, holder) => sum + holder.power, 0n),
    },
    history: undefined,
  });
  expect(recent).toHaveLength(silentOver);
  expect(bands.filter((band) => band.delegates > 0).length).toBeGreaterThan(1);
  // At most `points` samples of the table, in time order, the latest among them.
  const points = await readTable(api, "supplyPoint");
  expect(record.history.length).toBeLessThanOrEqual(4);
  expect(record.history.at(-1)).toEqual({
    timestamp: points.at(-1)!.timestamp,
    totalSupply: points.at(-1)!.totalSupply,
    delegatedSupply: points.at(-1)!.delegatedSupply,
  });
  for (const sample of record.history) {
    expect(points).toContainEqual(expect.objectContaining(sample));
  }
}

/**
 * GET /analytics/what-if against a plain replay of each ended proposal's votes under the settings: the same changed
 * outcomes, figure for figure. With the governor's own settings nothing changes; a higher quorum flips a success.
 */
export async function checkWhatIf(context: CheckContext): Promise<void> {
  const { api, client, contracts } = context;
  const { now, onChain, canceledAt, votesOn } = await history(context);
  const ended = onChain.filter((p) => p.voteEnd < now && canceledAt(p.id) === null);
  const facts = await Promise.all(
    ended.map(async (p) => {
      const [supply, quorum] = await Promise.all([
        client.readContract({ ...contracts.token, functionName: "getPastTotalSupply", args: [p.voteStart] }),
        client.readContract({ ...contracts.governor, functionName: "quorum", args: [p.voteStart] }),
      ]);
      const succeeded = p.forVotes + p.abstainVotes >= quorum && p.forVotes > p.againstVotes;
      return { p, supply, ballots: votesOn(p.id), actual: succeeded ? "Succeeded" : "Defeated" } as const;
    }),
  );
  const replay = (settings: WhatIfSettings): WhatIfOutcome[] =>
    facts
      .map(({ p, supply, ballots, actual }): WhatIfOutcome => {
        const quorum = (supply * settings.quorumNumerator) / 100n;
        const deadline = p.voteStart + settings.votingPeriod;
        const reachedAt = quorumReachedAt(ballots, quorum, deadline);
        const voteEnd =
          reachedAt !== null && reachedAt + settings.lateQuorumExtension > deadline
            ? reachedAt + settings.lateQuorumExtension
            : deadline;
        const sum = (support: number) =>
          ballots
            .filter((ballot) => ballot.time <= voteEnd && ballot.support === support)
            .reduce((total, ballot) => total + ballot.weight, 0n);
        const [againstVotes, forVotes, abstainVotes] = [sum(0), sum(1), sum(2)];
        return {
          id: p.id,
          title: "",
          voteStart: p.voteStart,
          actual,
          simulated: forVotes + abstainVotes >= quorum && forVotes > againstVotes ? "Succeeded" : "Defeated",
          quorum,
          voteEnd,
          quorumReachedAt: reachedAt,
          forVotes,
          againstVotes,
          abstainVotes,
          votesLeftOut: ballots.filter((ballot) => ballot.time > voteEnd).length,
          beyondHistory: voteEnd > p.voteEnd,
        };
      })
      .sort((a, b) => Number(b.voteStart - a.voteStart) || Number(b.id - a.id));

  const [numerator, votingPeriod, lateQuorumExtension] = await Promise.all([
    client.readContract({ ...contracts.governor, functionName: "quorumNumerator" }),
    client.readContract({ ...contracts.governor, functionName: "votingPeriod" }),
    client.readContract({ ...contracts.governor, functionName: "lateQuorumVoteExtension" }),
  ]);
  const current = {
    quorumNumerator: numerator,
    votingPeriod: BigInt(votingPeriod),
    lateQuorumExtension: BigInt(lateQuorumExtension),
  };
  // The lowest quorum that fails a seeded success: one percent above its for and abstain share.
  const success = facts.find((fact) => fact.actual === "Succeeded")!;
  const share = ((success.p.forVotes + success.p.abstainVotes) * 100n) / success.supply;
  const tries: WhatIfSettings[] = [
    current,
    { ...current, quorumNumerator: share + 1n },
    { ...current, quorumNumerator: 100n },
    { ...current, votingPeriod: DAY, lateQuorumExtension: 0n },
    { ...current, votingPeriod: 2n * DAY, lateQuorumExtension: 3n * DAY },
    { quorumNumerator: 1n, votingPeriod: 10n * DAY, lateQuorumExtension: 0n },
  ];
  for (const settings of tries) {
    const record = await api.whatIf(settings, now);
    const outcomes = replay(settings);
    const changed = outcomes.filter((outcome) => outcome.actual !== outcome.simulated);
    expect(
      record.changed.map((outcome) => ({ ...outcome, title: "" })),
      JSON.stringify(settings, (_key, value) => (typeof value === "bigint" ? String(value) : value)),
    ).toEqual(changed);
    expect(record).toMatchObject({
      settings,
      evaluated: ended.length,
      succeeded: {
        actual: outcomes.filter((outcome) => outcome.actual === "Succeeded").length,
        simulated: outcomes.filter((outcome) => outcome.simulated === "Succeeded").length,
      },
      changedCount: changed.length,
      beyondHistory: outcomes.filter((outcome) => outcome.beyondHistory).length,
    });
  }
  // The governor's settings reproduce every outcome; a quorum above a success's support fails it.
  expect((await api.whatIf(current, now)).changedCount).toBe(0);
  const raised = await api.whatIf(tries[1], now);
  expect(raised.changed.find((outcome) => outcome.id === success.p.id)).toMatchObject({
    actual: "Succeeded",
    simulated: "Defeated",
  });
  // The tries cover votes left out by a shorter period, and a deadline moved by a longer extension.
  expect(replay(tries[3]).some((outcome) => outcome.votesLeftOut > 0)).toBe(true);
  expect(replay(tries[4]).some((outcome) => outcome.voteEnd > outcome.voteStart + tries[4].votingPeriod)).toBe(true);
}
