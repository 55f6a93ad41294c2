// Starts its own anvil, runs the real deploy and seed scripts as a user would, and checks through the ABIs
// that the chain holds what deployments/<chainId>.json and the seed promise.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { getAddress, isAddressEqual, parseEther, stringToHex, zeroAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractsFor, type SystemContracts } from "../lib/contracts/bindings";
import type { Deployment } from "../lib/contracts/deployment";
import { ProposalState, proposalStateNames } from "../lib/governance/proposal-state";
import { assertDeployment } from "./deploy";
import { startAnvil, type Anvil } from "./lib/anvil";
import { connectAnvil, type AnvilClient } from "./lib/chain";
import { deploymentFile } from "./lib/deployments";
import { rootDir } from "./lib/paths";

const run = promisify(execFile);
const tsx = join(rootDir, "node_modules", ".bin", "tsx");

function runScript(script: string, env: Record<string, string>) {
  return run(tsx, [join(rootDir, "scripts", script)], { cwd: rootDir, env: { ...process.env, ...env } });
}

let anvil: Anvil;
let client: AnvilClient;
let deployment: Deployment;
let contracts: SystemContracts;
let seedOutput: string;

beforeAll(async () => {
  anvil = await startAnvil();
  client = connectAnvil(anvil.rpcUrl);
  const deploymentsDir = mkdtempSync(join(tmpdir(), "plenum-deployments-"));
  const env = { RPC_URL: anvil.rpcUrl, DEPLOYMENTS_DIR: deploymentsDir };
  await runScript("deploy.ts", env);
  deployment = JSON.parse(readFileSync(deploymentFile(31337, deploymentsDir), "utf8"));
  contracts = contractsFor(deployment);
  seedOutput = (await runScript("seed.ts", env)).stdout;
});

afterAll(async () => {
  await anvil?.stop();
});

const governorRead = async <
  const fn extends "proposalCount" | "votingDelay" | "votingPeriod" | "proposalThreshold" | "guardianTermEnd",
>(
  functionName: fn,
) => client.readContract({ ...contracts.governor, functionName });

async function allProposals() {
  const count = await governorRead("proposalCount");
  const proposals = [];
  for (let i = 0n; i < count; i++) {
    const [id, , , , descriptionHash] = await client.readContract({
      ...contracts.governor,
      functionName: "proposalDetailsAt",
      args: [i],
    });
    const state = await client.readContract({
      ...contracts.governor,
      functionName: "state",
      args: [id],
    });
    proposals.push({ id, descriptionHash, state });
  }
  return proposals;
}

describe("deployment", () => {
  it("records a contract with code at every address, from the recorded deploy block on", async () => {
    expect(deployment.chainId).toBe(31337);
    const contracts: (keyof Deployment)[] = [
      "token",
      "governor",
      "timelock",
      "networkParameters",
      "modelRegistry",
      "grantVesting",
      "delegateStatements",
      "disputeModule",
    ];
    for (const key of contracts) {
      const address = deployment[key] as Address;
      expect(await client.getCode({ address }), key).not.toBe(undefined);
      expect(await client.getCode({ address, blockNumber: BigInt(deployment.deployBlock - 1) }), key).toBe(undefined);
    }
    expect(
      await client.getCode({ address: deployment.timelock, blockNumber: BigInt(deployment.deployBlock) }),
    ).not.toBe(undefined);
  });

  it("wires the contracts to each other as recorded", async () => {
    const read = (functionName: "token" | "timelock" | "disputeModule" | "proposalGuardian" | "networkParameters") =>
      client.readContract({ ...contracts.governor, functionName });
    expect(await read("token")).toBe(deployment.token);
    expect(await read("networkParameters")).toBe(deployment.networkParameters);
    expect(
      await client.readContract({
        ...contracts.networkParameters,
        functionName: "guardian",
      }),
    ).toBe(deployment.guardian);
    expect(
      await client.readContract({
        ...contracts.disputeModule,
        functionName: "governor",
      }),
    ).toBe(deployment.governor);
    expect(await read("timelock")).toBe(deployment.timelock);
    expect(await read("disputeModule")).toBe(deployment.disputeModule);
    expect(await read("proposalGuardian")).toBe(deployment.guardian);
    const panel = await client.readContract({
      ...contracts.disputeModule,
      functionName: "panelMembers",
    });
    expect(panel).toEqual(deployment.panel);
    const [firstUnlocked] = await client.getAddresses();
    expect(deployment.deployer).toBe(getAddress(firstUnlocked));
  });

  it("uses the production governance settings", async () => {
    expect(await governorRead("votingDelay")).toBe(86_400n);
    expect(await governorRead("votingPeriod")).toBe(432_000n);
    expect(await governorRead("proposalThreshold")).toBe(parseEther("100000"));
    // The guardian's powers end one year after the deployment.
    const deployed = await client.getBlock({ blockNumber: BigInt(deployment.deployBlock) });
    const termEnd = await governorRead("guardianTermEnd");
    expect(termEnd - deployed.timestamp).toBeGreaterThanOrEqual(365n * 86_400n);
    expect(termEnd - deployed.timestamp).toBeLessThan(365n * 86_400n + 60n);
    expect(
      await client.readContract({
        ...contracts.timelock,
        functionName: "getMinDelay",
      }),
    ).toBe(172_800n);
  });

  it("leaves the governor as the timelock's only proposer, canceller and executor", async () => {
    const role = (functionName: "PROPOSER_ROLE" | "CANCELLER_ROLE" | "EXECUTOR_ROLE" | "DEFAULT_ADMIN_ROLE") =>
      client.readContract({ ...contracts.timelock, functionName });
    const hasRole = async (name: Parameters<typeof role>[0], account: Address) =>
      client.readContract({
        ...contracts.timelock,
        functionName: "hasRole",
        args: [await role(name), account],
      });
    for (const name of ["PROPOSER_ROLE", "CANCELLER_ROLE", "EXECUTOR_ROLE"] as const) {
      expect(await hasRole(name, deployment.governor), name).toBe(true);
      expect(await hasRole(name, deployment.deployer), name).toBe(false);
      expect(await hasRole(name, deployment.guardian), name).toBe(false);
    }
    expect(await hasRole("EXECUTOR_ROLE", zeroAddress)).toBe(false);
    expect(await hasRole("DEFAULT_ADMIN_ROLE", deployment.deployer)).toBe(false);
    await expect(assertDeployment(client, deployment)).resolves.toBeUndefined();
  });

  it("fails its role assertion loudly when the timelock is opened to every executor", async () => {
    const snapshot = await client.snapshot();
    try {
      await client.impersonateAccount({ address: deployment.timelock });
      await client.setBalance({ address: deployment.timelock, value: parseEther("1") });
      const executorRole = await client.readContract({
        ...contracts.timelock,
        functionName: "EXECUTOR_ROLE",
      });
      const hash = await client.writeContract({
        account: deployment.timelock,
        chain: null,
        ...contracts.timelock,
        functionName: "grantRole",
        args: [executorRole, zeroAddress],
      });
      await client.waitForTransactionReceipt({ hash });
      await expect(assertDeployment(client, deployment)).rejects.toThrow(/EXECUTOR_ROLE/);
    } finally {
      await client.revert({ id: snapshot });
    }
  });

  it("refuses to seed a chain that is not the local one", async () => {
    const other = await startAnvil({ args: ["--chain-id", "1337"] });
    try {
      const deploymentsDir = mkdtempSync(join(tmpdir(), "plenum-deployments-"));
      const env = {
        RPC_URL: other.rpcUrl,
        DEPLOYMENTS_DIR: deploymentsDir,
        GUARDIAN_ADDRESS: deployment.guardian,
        PANEL_ADDRESSES: deployment.panel.join(","),
      };
      await runScript("deploy.ts", env);
      // The seed reads the local chain's deployment file, so give it this chain's under that name.
      const copy = readFileSync(deploymentFile(1337, deploymentsDir), "utf8");
      const localDir = mkdtempSync(join(tmpdir(), "plenum-deployments-"));
      writeFileSync(deploymentFile(31337, localDir), copy);
      const failure = await runScript("seed.ts", { ...env, DEPLOYMENTS_DIR: localDir }).catch((error) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(String(failure.stderr)).toMatch(/Refusing to seed chain 1337/);
    } finally {
      await other.stop();
    }
  });
});

describe("seeded demo DAO", () => {
  it("has at least 8 holders with varied balances, and the treasury paid for the grant and reward pool", async () => {
    const transfers = await client.getContractEvents({
      ...contracts.token,
      eventName: "Transfer",
      args: { from: deployment.deployer },
      fromBlock: BigInt(deployment.deployBlock),
    });
    const recipients = [...new Set(transfers.map((log) => getAddress(log.args.to!)))];
    const holderBalances = await Promise.all(
      recipients.map((account) =>
        client.readContract({
          ...contracts.token,
          functionName: "balanceOf",
          args: [account],
        }),
      ),
    );
    const holders = holderBalances.filter((balance) => balance > 0n);
    expect(holders.length).toBeGreaterThanOrEqual(8);
    expect(new Set(holders.map(String)).size).toBeGreaterThanOrEqual(6);

    const treasury = await client.readContract({
      ...contracts.token,
      functionName: "balanceOf",
      args: [deployment.timelock],
    });
    expect(treasury).toBe(parseEther("40000000") - parseEther("1200000") - parseEther("50000"));
  });

  it("has 5 delegates with statements and focus areas, and holders who delegated to them", async () => {
    const delegates = await client.readContract({
      ...contracts.delegateStatements,
      functionName: "delegatesWithStatements",
    });
    expect(delegates.length).toBe(5);
    const statements = await client.getContractEvents({
      ...contracts.delegateStatements,
      eventName: "StatementPublished",
      fromBlock: BigInt(deployment.deployBlock),
    });
    expect(statements.length).toBe(5);
    for (const log of statements) {
      expect(log.args.displayName).toBeTruthy();
      expect(log.args.focusAreas!.length).toBeGreaterThan(0);
    }
    const delegations = await client.getContractEvents({
      ...contracts.token,
      eventName: "DelegateChanged",
      fromBlock: BigInt(deployment.deployBlock),
    });
    const toOthers = delegations.filter((log) => !isAddressEqual(log.args.delegator!, log.args.toDelegate!));
    expect(toOthers.length).toBeGreaterThanOrEqual(5);
    for (const delegate of delegates) {
      const votes = await client.readContract({
        ...contracts.token,
        functionName: "getVotes",
        args: [delegate],
      });
      expect(votes).toBeGreaterThan(parseEther("1000000"));
    }
  });

  it("has proposals in every state, one queued proposal under an open dispute, and prints them", async () => {
    const proposals = await allProposals();
    const states = new Set(proposals.map((p) => proposalStateNames[p.state]));
    for (const state of ["Pending", "Active", "Defeated", "Succeeded", "Queued", "Executed", "Canceled"]) {
      expect(states, state).toContain(state);
    }
    const queued = proposals.filter((p) => p.state === ProposalState.Queued);
    const blocking = await Promise.all(
      queued.map((p) =>
        client.readContract({
          ...contracts.disputeModule,
          functionName: "isBlocking",
          args: [p.id],
        }),
      ),
    );
    expect(blocking.filter(Boolean).length).toBe(1);
    expect(blocking.filter((open) => !open).length).toBeGreaterThanOrEqual(1);
    for (const state of states) expect(seedOutput).toContain(state);
  });

  it("has votes with reasons on the active proposal and a deadline extended by late quorum", async () => {
    const proposals = await allProposals();
    const active = proposals.find((p) => p.state === ProposalState.Active)!;
    const votes = await client.getContractEvents({
      ...contracts.governor,
      eventName: "VoteCast",
      fromBlock: BigInt(deployment.deployBlock),
    });
    const onActive = votes.filter((log) => log.args.proposalId === active.id);
    expect(onActive.length).toBeGreaterThanOrEqual(2);
    expect(onActive.some((log) => (log.args.reason ?? "").length > 0)).toBe(true);
    const supports = new Set(onActive.map((log) => log.args.support));
    expect(supports.size).toBeGreaterThanOrEqual(2);
    const extended = await client.getContractEvents({
      ...contracts.governor,
      eventName: "ProposalExtended",
      fromBlock: BigInt(deployment.deployBlock),
    });
    expect(extended.length).toBeGreaterThanOrEqual(1);
  });

  it("executed a network parameter change, a treasury grant and publisher verification", async () => {
    const fee = await client.readContract({
      ...contracts.networkParameters,
      functionName: "getParameter",
      args: [stringToHex("inferenceFee", { size: 32 })],
    });
    expect(fee).toBe(parseEther("0.25"));
    const changes = await client.getContractEvents({
      ...contracts.networkParameters,
      eventName: "ParameterChanged",
      fromBlock: BigInt(deployment.deployBlock + 1),
    });
    const executedChange = changes.find((log) => log.args.newValue === parseEther("0.25"));
    expect(executedChange).toBeDefined();
    const tx = await client.getTransaction({ hash: executedChange!.transactionHash });
    expect(tx.to && isAddressEqual(tx.to, deployment.governor)).toBe(true);

    expect(await client.readContract({ ...contracts.grantVesting, functionName: "grantCount" })).toBe(1n);
    const grant = await client.readContract({
      ...contracts.grantVesting,
      functionName: "getGrant",
      args: [1n],
    });
    expect(grant.amount).toBe(parseEther("1200000"));

    const publishers = await client.readContract({
      ...contracts.modelRegistry,
      functionName: "publishers",
    });
    expect(publishers.length).toBe(3);
    for (const publisher of publishers) {
      expect(
        await client.readContract({
          ...contracts.modelRegistry,
          functionName: "isVerifiedPublisher",
          args: [publisher],
        }),
      ).toBe(true);
    }
    expect(
      await client.readContract({
        ...contracts.modelRegistry,
        functionName: "modelCount",
      }),
    ).toBeGreaterThanOrEqual(3n);
  });

  it("has an open dispute with two challengers' bonds held, three pieces of evidence, one ruling, and a funded reward pool", async () => {
    const dispute = await client.readContract({
      ...contracts.disputeModule,
      functionName: "getDispute",
      args: [1n],
    });
    expect(dispute.status).toBe(1); // Open
    expect(dispute.bond).toBe(parseEther("10000"));
    expect(dispute.challengerCount).toBe(2);
    expect(dispute.totalBond).toBe(parseEther("20000"));
    expect(dispute.evidenceCount).toBe(3);
    expect(dispute.upholdCount + dispute.rejectCount).toBe(1);
    const read = (functionName: "bondsHeld" | "rewardPool" | "totalStaked") =>
      client.readContract({ ...contracts.disputeModule, functionName });
    expect(await read("bondsHeld")).toBe(parseEther("20000"));
    expect(await read("rewardPool")).toBe(parseEther("50000"));
    expect(await read("totalStaked")).toBe(parseEther("150000"));
  });
});

describe("local anvil", () => {
  it("refuses a port that is already taken, naming it", async () => {
    await expect(startAnvil({ port: anvil.port })).rejects.toThrow(`Port ${anvil.port} on 127.0.0.1 is already in use`);
  });
});
