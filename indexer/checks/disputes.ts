// The dispute tables (indexer/src/disputes.ts) against the DisputeModule's storage and events.
import { getAddress, type Address } from "viem";
import { expect } from "vitest";
import {
  countBy,
  eventsOf,
  expectSameRows,
  lower,
  readTable,
  timestampOf,
  withoutId,
  type CheckContext,
  type Row,
  type TableCheck,
  type TableName,
} from "./context";

const OPEN = 1;
const UPHOLD = 1;
const REJECT = 2;

async function disputesOnChain({ client, contracts }: CheckContext) {
  const count = await client.readContract({ ...contracts.disputeModule, functionName: "disputeCount" });
  return Promise.all(
    Array.from({ length: Number(count) }, async (_, index) => {
      const id = BigInt(index + 1);
      const stored = await client.readContract({ ...contracts.disputeModule, functionName: "getDispute", args: [id] });
      return { id, ...stored };
    }),
  );
}

const dispute: TableCheck = async (context) => {
  const { api, client, contracts } = context;
  const [rows, onChain, resolved] = await Promise.all([
    readTable(api, "dispute"),
    disputesOnChain(context),
    eventsOf(client, contracts.disputeModule, "DisputeResolved"),
  ]);
  const expected: Row<"dispute">[] = onChain.map((d) => {
    const resolution = resolved.find((log) => log.args.disputeId === d.id);
    return {
      id: d.id,
      proposalId: d.proposalId,
      challenger: lower(d.challenger),
      bond: d.bond,
      deadline: d.deadline,
      filedAt: d.filedAt,
      status: d.status,
      // The module keeps 0 until a resolution; the indexer has no reward before one.
      reward: d.status === OPEN ? null : d.reward,
      resolvedAt: resolution ? timestampOf(resolution) : null,
      challengerCount: d.challengerCount,
      evidenceCount: d.evidenceCount,
      upholdCount: d.upholdCount,
      rejectCount: d.rejectCount,
    };
  });
  expectSameRows(rows, expected);
  for (const row of rows) expect(row.resolvedAt !== null, `dispute ${row.id} resolved`).toBe(row.status !== OPEN);
};

const disputeChallenger: TableCheck = async (context) => {
  const { api, client, contracts } = context;
  const [rows, filed, joined, onChain] = await Promise.all([
    readTable(api, "disputeChallenger"),
    eventsOf(client, contracts.disputeModule, "DisputeFiled"),
    eventsOf(client, contracts.disputeModule, "DisputeJoined"),
    disputesOnChain(context),
  ]);
  const expected: Row<"disputeChallenger">[] = [...filed, ...joined].map((log) => ({
    disputeId: log.args.disputeId,
    challenger: lower(log.args.challenger),
    bond: log.args.bond,
    timestamp: timestampOf(log),
  }));
  expectSameRows(rows, expected);
  for (const row of rows) {
    const posted = await client.readContract({
      ...contracts.disputeModule,
      functionName: "bondOf",
      args: [row.disputeId, getAddress(row.challenger)],
    });
    expect(posted, `bond of ${row.challenger} on dispute ${row.disputeId}`).toBe(row.bond);
  }
  const perDispute = countBy(rows, (row) => String(row.disputeId));
  for (const d of onChain) expect(perDispute.get(String(d.id)) ?? 0).toBe(d.challengerCount);
};

const evidence: TableCheck = async (context) => {
  const { api, client, contracts } = context;
  const [rows, logs, onChain] = await Promise.all([
    readTable(api, "evidence"),
    eventsOf(client, contracts.disputeModule, "EvidenceAdded"),
    disputesOnChain(context),
  ]);
  const expected: Omit<Row<"evidence">, "id">[] = logs.map((log) => ({
    disputeId: log.args.disputeId,
    author: lower(log.args.author),
    text: log.args.evidence,
    timestamp: timestampOf(log),
  }));
  expectSameRows(rows.map(withoutId), expected);
  const perDispute = countBy(rows, (row) => String(row.disputeId));
  for (const d of onChain) expect(perDispute.get(String(d.id)) ?? 0).toBe(d.evidenceCount);
};

const ruling: TableCheck = async (context) => {
  const { api, client, contracts } = context;
  const [rows, logs, onChain] = await Promise.all([
    readTable(api, "ruling"),
    eventsOf(client, contracts.disputeModule, "RulingCast"),
    disputesOnChain(context),
  ]);
  const expected: Row<"ruling">[] = logs.map((log) => ({
    disputeId: log.args.disputeId,
    expert: lower(log.args.expert),
    uphold: log.args.uphold,
    reason: log.args.reason,
    timestamp: timestampOf(log),
  }));
  expectSameRows(rows, expected);
  for (const row of rows) {
    const stored = await client.readContract({
      ...contracts.disputeModule,
      functionName: "rulingOf",
      args: [row.disputeId, getAddress(row.expert)],
    });
    expect(stored).toBe(row.uphold ? UPHOLD : REJECT);
  }
  for (const d of onChain) {
    const ofDispute = rows.filter((row) => row.disputeId === d.id);
    expect(ofDispute.filter((row) => row.uphold).length).toBe(d.upholdCount);
    expect(ofDispute.filter((row) => !row.uphold).length).toBe(d.rejectCount);
  }
};

const idleMember: TableCheck = async (context) => {
  const { api, client, contracts } = context;
  const [rows, logs, onChain] = await Promise.all([
    readTable(api, "idleMember"),
    eventsOf(client, contracts.disputeModule, "PanelMemberIdle"),
    disputesOnChain(context),
  ]);
  const expected: Row<"idleMember">[] = logs.map((log) => ({
    disputeId: log.args.disputeId,
    expert: lower(log.args.expert),
    timestamp: timestampOf(log),
  }));
  expectSameRows(rows, expected);
  for (const d of onChain) {
    const idle = await client.readContract({ ...contracts.disputeModule, functionName: "idleMembers", args: [d.id] });
    const indexed = rows.filter((row) => row.disputeId === d.id).map((row) => row.expert);
    expect(indexed.sort(), `idle members of dispute ${d.id}`).toEqual(idle.map(lower).sort());
  }
};

const panelMember: TableCheck = async ({ api, client, contracts }) => {
  const disputeModule = contracts.disputeModule;
  const [rows, panel, added, removed, deposited, withdrawn, slashed, rulings, idle] = await Promise.all([
    readTable(api, "panelMember"),
    client.readContract({ ...disputeModule, functionName: "panelMembers" }),
    eventsOf(client, disputeModule, "PanelMemberAdded"),
    eventsOf(client, disputeModule, "PanelMemberRemoved"),
    eventsOf(client, disputeModule, "StakeDeposited"),
    eventsOf(client, disputeModule, "StakeWithdrawn"),
    eventsOf(client, disputeModule, "ExpertSlashed"),
    eventsOf(client, disputeModule, "RulingCast"),
    eventsOf(client, disputeModule, "PanelMemberIdle"),
  ]);
  const named = [...added, ...removed, ...deposited, ...withdrawn, ...slashed, ...rulings, ...idle];
  const experts = [...new Set(named.map((log) => log.args.expert))];
  const expected: Row<"panelMember">[] = await Promise.all(
    experts.map(async (expert: Address) => {
      const [stake, missedTimeouts, [since, until]] = await Promise.all([
        client.readContract({ ...disputeModule, functionName: "stakeOf", args: [expert] }),
        client.readContract({ ...disputeModule, functionName: "missedTimeouts", args: [expert] }),
        client.readContract({ ...disputeModule, functionName: "panelSeat", args: [expert] }),
      ]);
      const firstSeen = named
        .filter((log) => log.args.expert === expert)
        .map(timestampOf)
        .reduce((min, time) => (time < min ? time : min));
      return {
        expert: lower(expert),
        profile: added.findLast((log) => log.args.expert === expert)?.args.profile ?? "",
        active: panel.includes(expert),
        stake,
        slashed: slashed.filter((log) => log.args.expert === expert).reduce((sum, log) => sum + log.args.amount, 0n),
        rulings: rulings.filter((log) => log.args.expert === expert).length,
        missedTimeouts: Number(missedTimeouts),
        // A member's seat on the panel; an expert who never sat is known from its first event.
        addedAt: since === 0n ? firstSeen : since,
        removedAt: until === 0n ? null : until,
      };
    }),
  );
  expectSameRows(rows, expected);
  const totalStaked = await client.readContract({ ...disputeModule, functionName: "totalStaked" });
  expect(rows.reduce((sum, row) => sum + row.stake, 0n)).toBe(totalStaked);
};

const disputeFunds: TableCheck = async (context) => {
  const { api, client, contracts } = context;
  const disputeModule = contracts.disputeModule;
  const [rows, deposited, withdrawn, slashed, funded, reclaimed, paid, onChain] = await Promise.all([
    readTable(api, "disputeFunds"),
    eventsOf(client, disputeModule, "StakeDeposited"),
    eventsOf(client, disputeModule, "StakeWithdrawn"),
    eventsOf(client, disputeModule, "ExpertSlashed"),
    eventsOf(client, disputeModule, "RewardsFunded"),
    eventsOf(client, disputeModule, "RewardsReclaimed"),
    eventsOf(client, disputeModule, "Withdrawn"),
    disputesOnChain(context),
  ]);
  const none = { disputeId: null, ground: null, reason: null };
  const expected: Omit<Row<"disputeFunds">, "id">[] = [
    ...deposited.map((log) => ({
      event: "StakeDeposited",
      account: lower(log.args.expert),
      amount: log.args.amount,
      ...none,
      timestamp: timestampOf(log),
    })),
    ...withdrawn.map((log) => ({
      event: "StakeWithdrawn",
      account: lower(log.args.expert),
      amount: log.args.amount,
      ...none,
      timestamp: timestampOf(log),
    })),
    ...slashed.map((log) => ({
      event: "ExpertSlashed",
      account: lower(log.args.expert),
      amount: log.args.amount,
      disputeId: log.args.disputeId,
      ground: log.args.ground,
      reason: log.args.reason,
      timestamp: timestampOf(log),
    })),
    ...funded.map((log) => ({
      event: "RewardsFunded",
      account: lower(log.args.from),
      amount: log.args.amount,
      ...none,
      timestamp: timestampOf(log),
    })),
    ...reclaimed.map((log) => ({
      event: "RewardsReclaimed",
      account: null,
      amount: log.args.amount,
      ...none,
      timestamp: timestampOf(log),
    })),
    ...paid.map((log) => ({
      event: "Withdrawn",
      account: lower(log.args.account),
      amount: log.args.amount,
      ...none,
      timestamp: timestampOf(log),
    })),
  ];
  expectSameRows(rows.map(withoutId), expected);
  // The pool is what was funded, less what was reclaimed and the rewards of upheld disputes.
  const total = (event: string) => rows.filter((row) => row.event === event).reduce((sum, row) => sum + row.amount, 0n);
  const rewards = onChain.reduce((sum, d) => sum + d.reward, 0n);
  expect(total("RewardsFunded") - total("RewardsReclaimed") - rewards).toBe(
    await client.readContract({ ...disputeModule, functionName: "rewardPool" }),
  );
};

export const disputeChecks = {
  dispute,
  disputeChallenger,
  evidence,
  ruling,
  idleMember,
  panelMember,
  disputeFunds,
} satisfies Partial<Record<TableName, TableCheck>>;
