// Every table the indexer keeps, checked against the chain it indexed: one anvil with the seeded demo DAO, indexed at
// once into PGlite and into PostgreSQL. Expectations come from contract reads and event logs (indexer/checks/), never
// from the indexer's own code.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getAddress, parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractsFor, type SystemContracts } from "../lib/contracts/bindings";
import type { Deployment } from "../lib/contracts/deployment";
import { indexerClient } from "../lib/indexer/client";
import { deploy } from "../scripts/deploy";
import { localRoles } from "../scripts/lib/accounts";
import { startAnvil } from "../scripts/lib/anvil";
import { anvilAccount, connectAnvil, writeContract, type AnvilClient } from "../scripts/lib/chain";
import { governanceHelper } from "../scripts/lib/governance";
import { startIndexer, waitForIndexer, type Indexer } from "../scripts/lib/indexer";
import { ensurePostgres, startPostgres } from "../scripts/lib/postgres";
import { seed } from "../scripts/seed";
import { analyticsChecks, checkDelegation, checkTurnout, checkWhatIf } from "./checks/analytics";
import { eventsOf, lower, readTable, type CheckContext, type TableCheck, type TableName } from "./checks/context";
import { disputeChecks } from "./checks/disputes";
import { checkDaoEvents } from "./checks/events";
import { checkParticipation, checkProposalStates, governanceChecks, proposalsOnChain } from "./checks/governance";
import { registryChecks } from "./checks/registry";
import { systemChecks } from "./checks/system";
import { tokenChecks } from "./checks/token";

/** One check per table of indexer/ponder.schema.ts: a table added there and not here fails the type check. */
const tableChecks: Record<TableName, TableCheck> = {
  ...tokenChecks,
  ...governanceChecks,
  ...disputeChecks,
  ...registryChecks,
  ...systemChecks,
  ...analyticsChecks,
};

const databases = ["PGlite", "PostgreSQL"] as const;
type Database = (typeof databases)[number];

let client: AnvilClient;
let rpcUrl: string;
let deployment: Deployment;
let contracts: SystemContracts;
const indexers = new Map<Database, Indexer>();
/** Stopped in reverse order: indexers before their databases, the chain last. */
const cleanups: (() => Promise<void>)[] = [];

/**
 * Writes the seed leaves out, so that more handlers have rows to check: the open dispute is upheld (the governor
 * cancels its proposal, the timelock cancels the operation), its challengers withdraw bond and reward, and the
 * guardian pauses the network parameters.
 */
async function beyondTheSeed(disputeId: bigint) {
  const { disputeModule, networkParameters } = contracts;
  const [, secondExpert] = localRoles.panel.map((index) => anvilAccount(index));
  await writeContract(client, secondExpert, {
    ...disputeModule,
    functionName: "castRuling",
    args: [disputeId, true, "Concur: the fee rise cites no demand data."],
  });
  const challengers = [
    ...(await eventsOf(client, disputeModule, "DisputeFiled")),
    ...(await eventsOf(client, disputeModule, "DisputeJoined")),
  ].map((log) => log.args.challenger);
  for (const challenger of challengers) {
    await client.impersonateAccount({ address: challenger });
    await writeContract(client, challenger, { ...disputeModule, functionName: "withdraw" });
    await client.stopImpersonatingAccount({ address: challenger });
  }
  await writeContract(client, anvilAccount(localRoles.guardian), { ...networkParameters, functionName: "pause" });
}

/** Mark the chain's head; the returned function goes back to it and mines one block a second after it. */
async function markChain(): Promise<() => Promise<void>> {
  const [id, head] = await Promise.all([client.snapshot(), client.getBlock()]);
  return async () => {
    await client.revert({ id });
    // anvil keeps its clock across a revert: set it back too, so the chain is as it was plus one block.
    await client.setNextBlockTimestamp({ timestamp: head.timestamp + 1n });
    await client.mine({ blocks: 1 });
  };
}

async function startDatabase(database: Database): Promise<string | undefined> {
  if (database === "PGlite") return undefined;
  const postgres = await startPostgres();
  cleanups.push(postgres.stop);
  return postgres.databaseUrl;
}

beforeAll(async () => {
  ensurePostgres();
  const anvil = await startAnvil();
  cleanups.push(anvil.stop);
  rpcUrl = anvil.rpcUrl;
  client = connectAnvil(rpcUrl);
  const deploymentsDir = mkdtempSync(join(tmpdir(), "plenum-deployments-"));
  cleanups.push(async () => rmSync(deploymentsDir, { recursive: true, force: true }));
  deployment = await deploy({ rpcUrl, deploymentsDir });
  contracts = contractsFor(deployment);
  const { disputeId } = await seed({ rpcUrl, deployment });
  await beyondTheSeed(disputeId);
  await Promise.all(
    databases.map(async (database) => {
      const databaseUrl = await startDatabase(database);
      const indexer = await startIndexer({ rpcUrl, deployment, databaseUrl });
      cleanups.push(indexer.stop);
      indexers.set(database, indexer);
    }),
  );
});

afterAll(async () => {
  for (const stop of cleanups.reverse()) await stop();
});

describe.each(databases)("the indexer on %s", (database) => {
  let context: CheckContext;
  let indexerUrl: string;

  beforeAll(async () => {
    indexerUrl = indexers.get(database)!.url;
    await waitForIndexer(indexerUrl, rpcUrl);
    context = { api: indexerClient(indexerUrl), client, contracts };
  });

  it.each(Object.entries(tableChecks))("holds the chain's %s table", (_name, check) => check(context));

  it("computes every proposal's state as the governor does", () => checkProposalStates(context));

  it("tells the DAO's events as the chain's logs and clock imply them, both ways, filtered", () =>
    checkDaoEvents(context));

  it("counts each delegate's participation from the snapshots", () => checkParticipation(context));

  it("measures each proposal's turnout against the supply and quorum at its snapshot", () => checkTurnout(context));

  it("tells how voting power is delegated, concentrated and used", () => checkDelegation(context));

  it("recounts past proposals under other settings as the governor would have", () => checkWhatIf(context));

  it("recounts a proposal turned by a vote in its late-quorum extension", async () => {
    const { governor, token } = contracts;
    const helper = governanceHelper(client, contracts);
    const delegates = await Promise.all(
      localRoles.delegates.map(async (index) => {
        const account = anvilAccount(index);
        const power = await client.readContract({ ...token, functionName: "getVotes", args: [account.address] });
        return { account, power };
      }),
    );
    const head = await client.getBlock();
    const quorum = await client.readContract({ ...governor, functionName: "quorum", args: [head.timestamp - 1n] });
    // One delegate reaches the quorum alone; a heavier one votes against it in the extension.
    const byPower = delegates.toSorted((a, b) => (a.power < b.power ? -1 : 1));
    const supporter = byPower.find((delegate) => delegate.power >= quorum)!;
    const opponent = byPower.findLast((delegate) => delegate.power > supporter.power)!;
    expect(opponent, "two delegates above the quorum, of different power").toBeDefined();

    const goBack = await markChain();
    try {
      const { id } = await helper.propose(
        opponent.account,
        [{ target: governor.address, value: 0n, calldata: "0x" }],
        "# Late quorum, then a late objection",
      );
      await helper.waitForSnapshot(id);
      const deadline = await client.readContract({ ...governor, functionName: "proposalDeadline", args: [id] });
      await client.setNextBlockTimestamp({ timestamp: deadline - 3_600n });
      await helper.vote(supporter.account, id, 1);
      const extended = await client.readContract({ ...governor, functionName: "proposalDeadline", args: [id] });
      expect(extended).toBeGreaterThan(deadline);
      await client.setNextBlockTimestamp({ timestamp: deadline + 3_600n });
      await helper.vote(opponent.account, id, 0);
      await helper.waitForDeadline(id);
      await waitForIndexer(indexerUrl, rpcUrl);

      await checkWhatIf(context);
      const now = (await client.getBlock()).timestamp;
      const settings = {
        quorumNumerator: await client.readContract({ ...governor, functionName: "quorumNumerator" }),
        votingPeriod: BigInt(await client.readContract({ ...governor, functionName: "votingPeriod" })),
      };
      // Without the extension the objection comes too late: the proposal would have passed.
      const unextended = await context.api.whatIf({ ...settings, lateQuorumExtension: 0n }, now);
      expect(unextended.changed.find((outcome) => outcome.id === id)).toMatchObject({
        actual: "Defeated",
        simulated: "Succeeded",
        voteEnd: deadline,
        votesLeftOut: 1,
        quorumReachedAt: deadline - 3_600n,
      });
    } finally {
      await goBack();
      await waitForIndexer(indexerUrl, rpcUrl);
    }
  });

  it("filters the directory by a focus area typed in any letter case", async () => {
    const statements = await eventsOf(client, contracts.delegateStatements, "StatementPublished");
    const area = statements[0].args.focusAreas[0];
    // Each author's latest statement names its focus areas now.
    const latest = new Map(statements.map((log) => [log.args.delegate, log.args.focusAreas]));
    const expected = [...latest]
      .filter(([, areas]) => areas.some((named) => named.toLowerCase() === area.toLowerCase()))
      .map(([delegate]) => delegate);
    expect(expected.length).toBeGreaterThan(0);
    for (const typed of [area, area.toLowerCase(), area.toUpperCase()]) {
      const page = await context.api.delegates({ focusArea: typed });
      expect(page.items.map((delegate) => delegate.address).toSorted(), typed).toEqual(expected.toSorted());
    }
    expect((await context.api.delegates({ focusArea: `${area}!` })).total).toBe(0);
  });

  it("starts a proposal's voting when its snapshot passes, with no event since", async () => {
    const pending = (await proposalsOnChain(context)).find((p) => p.state === "Pending");
    if (!pending) throw new Error("the seed left no proposal waiting for its voting to start");
    const goBack = await markChain();
    try {
      await governanceHelper(client, contracts).waitForSnapshot(pending.id);
      await waitForIndexer(indexerUrl, rpcUrl);
      await checkProposalStates(context);
      await checkParticipation(context);
    } finally {
      await goBack();
      await waitForIndexer(indexerUrl, rpcUrl);
    }
  });

  it("forgets a vote and a transfer that a reorg took back", async () => {
    const { api } = context;
    const tables = () =>
      Promise.all([
        readTable(api, "dao"),
        readTable(api, "proposal"),
        readTable(api, "vote"),
        readTable(api, "account"),
        readTable(api, "transfer"),
      ]);
    const before = await tables();
    const active = (await proposalsOnChain(context)).find((p) => p.state === "Active");
    if (!active) throw new Error("the seed left no proposal in its voting period");
    // A seeded delegate with voting power who has not voted on it, and a holder who keeps its tokens undelegated.
    const voter = anvilAccount(localRoles.delegates[0]);
    const holder = anvilAccount(localRoles.holders[7]);
    const newcomer = getAddress(anvilAccount(30).address);
    expect(
      await client.readContract({ ...contracts.governor, functionName: "hasVoted", args: [active.id, voter.address] }),
    ).toBe(false);

    const goBack = await markChain();
    try {
      await governanceHelper(client, contracts).vote(voter, active.id, 1, "A vote on a branch about to vanish.");
      await writeContract(client, holder, {
        ...contracts.token,
        functionName: "transfer",
        args: [newcomer, parseEther("1000")],
      });
      await waitForIndexer(indexerUrl, rpcUrl);
      const [, proposals, votes, accounts, transfers] = await tables();
      expect(votes.find((row) => row.proposalId === active.id && row.voter === lower(voter.address))).toBeDefined();
      const voterCount = (rows: typeof proposals) => rows.find((row) => row.id === active.id)!.voterCount;
      expect(voterCount(proposals)).toBe(voterCount(before[1]) + 1);
      const votesCast = (rows: typeof accounts) => rows.find((row) => row.address === lower(voter.address))!.votesCast;
      expect(votesCast(accounts)).toBe(votesCast(before[3]) + 1);
      expect(accounts.find((row) => row.address === lower(newcomer))?.balance).toBe(parseEther("1000"));
      expect(transfers).toHaveLength(before[4].length + 1);
    } finally {
      await goBack();
    }
    await waitForIndexer(indexerUrl, rpcUrl);
    expect(await tables()).toEqual(before);
  });
});
