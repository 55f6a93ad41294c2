// Runs the scale DAO generator at a tiny size on its own anvil and checks through the ABIs that the chain holds
// what it reports: proposals in many states, votes, delegations and statements.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractsFor, type SystemContracts } from "../../lib/contracts/bindings";
import { proposalStateNames } from "../../lib/governance/proposal-state";
import { deploy } from "../deploy";
import { startAnvil, type Anvil } from "./anvil";
import { connectAnvil, type AnvilClient } from "./chain";
import { generateScaleDao, scaleAnvilArgs, type ScaleDao } from "./scale-dao";

const size = { proposals: 20, votes: 1_000, bigProposalVotes: 200, delegators: 500, delegates: 50 };

let anvil: Anvil;
let client: AnvilClient;
let contracts: SystemContracts;
let dao: ScaleDao;
const progress: string[] = [];

beforeAll(async () => {
  anvil = await startAnvil({ args: scaleAnvilArgs });
  client = connectAnvil(anvil.rpcUrl);
  const deployment = await deploy({
    rpcUrl: anvil.rpcUrl,
    deploymentsDir: mkdtempSync(join(tmpdir(), "plenum-deployments-")),
  });
  contracts = contractsFor(deployment);
  dao = await generateScaleDao({ rpcUrl: anvil.rpcUrl, deployment, ...size, log: (line) => progress.push(line) });
});

afterAll(async () => {
  await anvil?.stop();
});

const eventsOf = <const name extends "VoteCast" | "ProposalCreated">(eventName: name) =>
  client.getContractEvents({ ...contracts.governor, eventName, fromBlock: BigInt(dao.fromBlock), strict: true });

describe("scale DAO generator", () => {
  it("creates every proposal, in many states", async () => {
    expect(await client.readContract({ ...contracts.governor, functionName: "proposalCount" })).toBe(
      BigInt(size.proposals),
    );
    const created = await eventsOf("ProposalCreated");
    const states = await Promise.all(
      created.map((log) =>
        client.readContract({ ...contracts.governor, functionName: "state", args: [log.args.proposalId] }),
      ),
    );
    const names = new Set(states.map((state) => proposalStateNames[state]));
    for (const state of ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Executed"]) {
      expect(names, state).toContain(state);
    }
    expect(Object.values(dao.proposalStates).reduce((sum, count) => sum + count, 0)).toBe(size.proposals);
  });

  it("casts every vote with a reason, the big proposal's included", async () => {
    const votes = await eventsOf("VoteCast");
    expect(votes.length).toBe(size.votes);
    expect(votes.every((log) => log.args.reason.length > 0)).toBe(true);
    expect(new Set(votes.map((log) => log.args.support))).toEqual(new Set([0, 1, 2]));
    const onBig = votes.filter((log) => log.args.proposalId === dao.bigProposalId);
    expect(onBig.length).toBe(size.bigProposalVotes);
    expect(new Set(onBig.map((log) => log.args.voter)).size).toBe(size.bigProposalVotes);
    expect(dao.events["PlenumGovernor.VoteCast"]).toBe(size.votes);
  });

  it("delegates every holder's votes and publishes every delegate's statement", async () => {
    const delegations = await client.getContractEvents({
      ...contracts.token,
      eventName: "DelegateChanged",
      fromBlock: BigInt(dao.fromBlock),
    });
    expect(delegations.length).toBe(size.delegators + size.delegates + dao.holders);
    const statements = await client.getContractEvents({
      ...contracts.delegateStatements,
      eventName: "StatementPublished",
      fromBlock: BigInt(dao.fromBlock),
      strict: true,
    });
    expect(statements.length).toBe(size.delegates);
    expect(dao.statements).toBe(size.delegates);
    for (const log of statements) {
      expect(log.args.displayName).toBeTruthy();
      expect(log.args.focusAreas.length).toBeGreaterThan(0);
    }
  });

  it("leaves anvil mining on its own again, and logs its progress", async () => {
    expect(await client.getAutomine()).toBe(true);
    expect(progress.join("\n")).toMatch(/Generated [\d,]+ transactions/);
  });
});
