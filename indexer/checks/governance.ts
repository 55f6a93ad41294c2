// The governance tables (indexer/src/governance.ts, dao.ts) against PlenumGovernor and the token's checkpoints.
import { keccak256, toHex, type Hex } from "viem";
import { expect } from "vitest";
import { proposalStateNames, type ProposalStateName } from "../../lib/governance/proposal-state";
import {
  countBy,
  eventsOf,
  expectSameRows,
  lower,
  readTable,
  timestampOf,
  type CheckContext,
  type Row,
  type TableCheck,
  type TableName,
} from "./context";
import { accountsOnChain, tokenStateOf } from "./token";

/** Every proposal the governor stores, with what it answers about each now. */
export async function proposalsOnChain({ client, contracts }: CheckContext) {
  const count = await client.readContract({ ...contracts.governor, functionName: "proposalCount" });
  return Promise.all(
    Array.from({ length: Number(count) }, async (_, index) => {
      const [id, targets, values, calldatas, descriptionHash] = await client.readContract({
        ...contracts.governor,
        functionName: "proposalDetailsAt",
        args: [BigInt(index)],
      });
      const [proposer, voteStart, voteEnd, eta, votes, state, disputeId] = await Promise.all([
        client.readContract({ ...contracts.governor, functionName: "proposalProposer", args: [id] }),
        client.readContract({ ...contracts.governor, functionName: "proposalSnapshot", args: [id] }),
        client.readContract({ ...contracts.governor, functionName: "proposalDeadline", args: [id] }),
        client.readContract({ ...contracts.governor, functionName: "proposalEta", args: [id] }),
        client.readContract({ ...contracts.governor, functionName: "proposalVotes", args: [id] }),
        client.readContract({ ...contracts.governor, functionName: "state", args: [id] }),
        client.readContract({ ...contracts.disputeModule, functionName: "disputeOf", args: [id] }),
      ]);
      const [againstVotes, forVotes, abstainVotes] = votes;
      return {
        id,
        targets,
        values,
        calldatas,
        descriptionHash,
        proposer,
        voteStart,
        voteEnd,
        eta,
        againstVotes,
        forVotes,
        abstainVotes,
        state: proposalStateNames[state],
        disputeId,
      };
    }),
  );
}

export async function allVotes({ client, contracts }: CheckContext) {
  const [plain, withParams] = await Promise.all([
    eventsOf(client, contracts.governor, "VoteCast"),
    eventsOf(client, contracts.governor, "VoteCastWithParams"),
  ]);
  return [
    ...plain.map((log) => ({ ...log, params: "0x" as Hex })),
    ...withParams.map((log) => ({ ...log, params: log.args.params })),
  ];
}

const dao: TableCheck = async (context) => {
  const { api, client, contracts } = context;
  const [rows, firstSeen, votes] = await Promise.all([
    readTable(api, "dao"),
    accountsOnChain(context),
    allVotes(context),
  ]);
  const accounts = await tokenStateOf(context, [...firstSeen.keys()]);
  const [totalSupply, quorumNumerator, proposalCount] = await Promise.all([
    client.readContract({ ...contracts.token, functionName: "totalSupply" }),
    client.readContract({ ...contracts.governor, functionName: "quorumNumerator" }),
    client.readContract({ ...contracts.governor, functionName: "proposalCount" }),
  ]);
  expect(rows).toHaveLength(1);
  const [row] = rows;
  expect({
    totalSupply: row.totalSupply,
    quorumNumerator: row.quorumNumerator,
    delegatedSupply: row.delegatedSupply,
    proposalCount: row.proposalCount,
    voteCount: row.voteCount,
    delegateCount: row.delegateCount,
    holderCount: row.holderCount,
  }).toEqual({
    totalSupply,
    quorumNumerator,
    delegatedSupply: accounts.reduce((sum, account) => sum + account.votingPower, 0n),
    proposalCount: Number(proposalCount),
    voteCount: votes.length,
    delegateCount: accounts.filter((account) => account.votingPower > 0n).length,
    holderCount: accounts.filter((account) => account.balance > 0n).length,
  });
};

const proposal: TableCheck = async (context) => {
  const { api, client, contracts } = context;
  const [rows, onChain, votes, created, queued, executed, canceled, extended] = await Promise.all([
    readTable(api, "proposal"),
    proposalsOnChain(context),
    allVotes(context),
    eventsOf(client, contracts.governor, "ProposalCreated"),
    eventsOf(client, contracts.governor, "ProposalQueued"),
    eventsOf(client, contracts.governor, "ProposalExecuted"),
    eventsOf(client, contracts.governor, "ProposalCanceled"),
    eventsOf(client, contracts.governor, "ProposalExtended"),
  ]);
  const timeOf = (
    logs: { args: { proposalId: bigint }; blockTimestamp?: bigint | null; blockNumber: bigint }[],
    id: bigint,
  ) => {
    const log = logs.findLast((entry) => entry.args.proposalId === id);
    return log ? timestampOf(log) : null;
  };
  const voterCounts = countBy(votes, (log) => String(log.args.proposalId));
  const expected = onChain.map((p) => {
    const creation = created.find((log) => log.args.proposalId === p.id)!;
    const execution = executed.find((log) => log.args.proposalId === p.id);
    return {
      id: p.id,
      proposer: lower(p.proposer),
      targets: p.targets.map(lower),
      values: [...p.values],
      calldatas: [...p.calldatas],
      descriptionHash: p.descriptionHash,
      voteStart: p.voteStart,
      voteEnd: p.voteEnd,
      eta: p.eta === 0n ? null : p.eta,
      againstVotes: p.againstVotes,
      forVotes: p.forVotes,
      abstainVotes: p.abstainVotes,
      voterCount: voterCounts.get(String(p.id)) ?? 0,
      createdAt: timestampOf(creation),
      createdBlock: creation.blockNumber,
      createdTx: creation.transactionHash,
      queuedAt: timeOf(queued, p.id),
      executedAt: timeOf(executed, p.id),
      executedTx: execution?.transactionHash ?? null,
      canceledAt: timeOf(canceled, p.id),
      extendedAt: timeOf(extended, p.id),
      disputeId: p.disputeId === 0n ? null : p.disputeId,
    };
  });
  const indexed = rows.map((row) => ({
    id: row.id,
    proposer: row.proposer,
    targets: row.targets,
    values: row.values,
    calldatas: row.calldatas,
    descriptionHash: keccak256(toHex(row.description)),
    voteStart: row.voteStart,
    voteEnd: row.voteEnd,
    eta: row.eta,
    againstVotes: row.againstVotes,
    forVotes: row.forVotes,
    abstainVotes: row.abstainVotes,
    voterCount: row.voterCount,
    createdAt: row.createdAt,
    createdBlock: row.createdBlock,
    createdTx: row.createdTx,
    queuedAt: row.queuedAt,
    executedAt: row.executedAt,
    executedTx: row.executedTx,
    canceledAt: row.canceledAt,
    extendedAt: row.extendedAt,
    disputeId: row.disputeId,
  }));
  expectSameRows(indexed, expected);

  for (const p of onChain) {
    const row = rows.find((entry) => entry.id === p.id)!;
    // What state() says agrees with which lifecycle times the indexer holds.
    expect(row.executedAt !== null, `executedAt of ${p.id} (${p.state})`).toBe(p.state === "Executed");
    expect(row.canceledAt !== null, `canceledAt of ${p.id} (${p.state})`).toBe(p.state === "Canceled");
    expect(row.queuedAt !== null, `queuedAt of ${p.id} (${p.state})`).toBe(
      p.state === "Queued" || p.state === "Executed" || (p.state === "Canceled" && p.eta > 0n),
    );
    // Once voting started, the quorum the indexer froze is the governor's at the snapshot.
    if (row.quorum !== null) {
      const quorum = await client.readContract({ ...contracts.governor, functionName: "quorum", args: [p.voteStart] });
      expect(row.quorum, `quorum of ${p.id}`).toBe(quorum);
    }
  }
};

const vote: TableCheck = async (context) => {
  const { api, client, contracts } = context;
  const [rows, votes] = await Promise.all([readTable(api, "vote"), allVotes(context)]);
  // Each proposal's totals once each vote is counted, in log order.
  const totals = new Map<bigint, [bigint, bigint, bigint]>();
  const inLogOrder = votes.toSorted((a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex);
  const after = new Map(
    inLogOrder.map((log) => {
      const [against, inFavour, abstain] = totals.get(log.args.proposalId) ?? [0n, 0n, 0n];
      const { support, weight } = log.args;
      const next: [bigint, bigint, bigint] = [
        against + (support === 0 ? weight : 0n),
        inFavour + (support === 1 ? weight : 0n),
        abstain + (support === 2 ? weight : 0n),
      ];
      totals.set(log.args.proposalId, next);
      return [log, next];
    }),
  );
  const expected: Row<"vote">[] = votes.map((log) => ({
    againstAfter: after.get(log)![0],
    forAfter: after.get(log)![1],
    abstainAfter: after.get(log)![2],
    proposalId: log.args.proposalId,
    voter: lower(log.args.voter),
    support: log.args.support,
    weight: log.args.weight,
    reason: log.args.reason,
    params: log.params,
    timestamp: timestampOf(log),
    blockNumber: log.blockNumber,
    transactionHash: log.transactionHash,
  }));
  expectSameRows(rows, expected);
  for (const log of votes) {
    const { proposalId, voter, weight } = log.args;
    const snapshot = await client.readContract({
      ...contracts.governor,
      functionName: "proposalSnapshot",
      args: [proposalId],
    });
    expect(
      await client.readContract({ ...contracts.governor, functionName: "hasVoted", args: [proposalId, voter] }),
    ).toBe(true);
    expect(
      await client.readContract({ ...contracts.token, functionName: "getPastVotes", args: [voter, snapshot] }),
      `weight of ${voter} on ${proposalId}`,
    ).toBe(weight);
  }
};

export const governanceChecks = { dao, proposal, vote } satisfies Partial<Record<TableName, TableCheck>>;

/** The API's state of each proposal (GET /proposals at the chain's time) is what the governor's state() says. */
export async function checkProposalStates(context: CheckContext): Promise<void> {
  const { api, client } = context;
  const now = (await client.getBlock()).timestamp;
  const indexed: Record<string, ProposalStateName> = {};
  let cursor: string | undefined;
  do {
    const page = await api.proposals({ now, cursor, limit: 100 });
    for (const item of page.items) indexed[String(item.id)] = item.state;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const onChain = await proposalsOnChain(context);
  expect(indexed).toEqual(Object.fromEntries(onChain.map((p) => [String(p.id), p.state])));
}

/**
 * Each delegate's participation (GET /delegates): eligible for every proposal whose snapshot passed (before any
 * cancel) while it had voting power at the snapshot, and voted on those it cast a vote with weight on.
 */
export async function checkParticipation(context: CheckContext): Promise<void> {
  const { api, client, contracts } = context;
  const [now, onChain, votes, canceled] = await Promise.all([
    client.getBlock().then((block) => block.timestamp),
    proposalsOnChain(context),
    allVotes(context),
    eventsOf(client, contracts.governor, "ProposalCanceled"),
  ]);
  const started = onChain.filter((p) => {
    const cancel = canceled.find((log) => log.args.proposalId === p.id);
    return p.voteStart < now && (!cancel || p.voteStart < timestampOf(cancel));
  });
  const delegates = [];
  let cursor: string | undefined;
  do {
    const page = await api.delegates({ now, cursor, limit: 100 });
    delegates.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(delegates.length).toBeGreaterThan(0);
  for (const delegate of delegates) {
    const powers = await Promise.all(
      started.map((p) =>
        client.readContract({
          ...contracts.token,
          functionName: "getPastVotes",
          args: [delegate.address, p.voteStart],
        }),
      ),
    );
    const voted = votes.filter((log) => log.args.voter === delegate.address && log.args.weight > 0n);
    expect(delegate.participation, delegate.address).toEqual({
      eligible: powers.filter((power) => power > 0n).length,
      voted: voted.length,
    });
  }
}
