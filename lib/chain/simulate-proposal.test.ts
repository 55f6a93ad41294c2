// Simulates proposals as the timelock on a real anvil with the contracts freshly deployed: eth_simulateV1
// first, then the eth_call fallback through a transport that refuses eth_simulateV1.
import {
  createClient,
  custom,
  encodeFunctionData,
  getAddress,
  parseEther,
  stringToHex,
  type Address,
  type Client,
  type Hex,
} from "viem";
import { call, readContract } from "viem/actions";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Anvil } from "../../scripts/lib/anvil";
import type { AnvilClient } from "../../scripts/lib/chain";

// lib/config reads the deployment from the environment when first imported: point it at the committed local
// deployment, which a fresh deploy on a fresh anvil reproduces (checked in beforeAll).
await vi.hoisted(async () => {
  const { readFileSync } = await import("node:fs");
  process.env.NEXT_PUBLIC_DEPLOYMENT ??= readFileSync(new URL("../../deployments/31337.json", import.meta.url), "utf8");
});

const { startDeployedAnvil } = await import("../../scripts/lib/deployed-anvil");
const { contracts } = await import("../contracts");
const { simulateProposal } = await import("./simulate-proposal");
type ProposalAction = import("../governance/actions").ProposalAction;

const { token, timelock, networkParameters, grantVesting, governor } = contracts;
const inferenceFee = stringToHex("inferenceFee", { size: 32 });
const alice: Address = getAddress("0x00000000000000000000000000000000000a11ce");
const bob: Address = getAddress("0x0000000000000000000000000000000000000b0b");
const treasury = parseEther("40000000");

let anvil: Anvil;
let client: AnvilClient;
/** Answers every request but eth_simulateV1, which it refuses as geth does on a node without it. */
let noSimulateClient: Client;

beforeAll(async () => {
  ({ anvil, client } = await startDeployedAnvil(contracts));
  noSimulateClient = createClient({
    transport: custom({ request: refusingSimulate(anvil.rpcUrl) }, { retryCount: 0 }),
  });
});

afterAll(async () => {
  await anvil?.stop();
});

function refusingSimulate(rpcUrl: string) {
  return async ({ method, params }: { method: string; params?: unknown }) => {
    if (method === "eth_simulateV1") {
      throw { code: -32601, message: "the method eth_simulateV1 does not exist/is not available" };
    }
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const body: { result?: unknown; error?: unknown } = await response.json();
    if (body.error) throw body.error;
    return body.result;
  };
}

const setParameter = (key: Hex, value: bigint): ProposalAction => ({
  target: networkParameters.address,
  value: 0n,
  calldata: encodeFunctionData({ abi: networkParameters.abi, functionName: "setParameter", args: [key, value] }),
});
const transferPlm = (to: Address, amount: bigint): ProposalAction => ({
  target: token.address,
  value: 0n,
  calldata: encodeFunctionData({ abi: token.abi, functionName: "transfer", args: [to, amount] }),
});
const approveGrant = (amount: bigint): ProposalAction => ({
  target: token.address,
  value: 0n,
  calldata: encodeFunctionData({ abi: token.abi, functionName: "approve", args: [grantVesting.address, amount] }),
});
const createGrant = (beneficiary: Address, amount: bigint): ProposalAction => ({
  target: grantVesting.address,
  value: 0n,
  calldata: encodeFunctionData({
    abi: grantVesting.abi,
    functionName: "createGrant",
    args: [beneficiary, amount, 1_900_000_000n, 0n, 31_536_000n, "GPU cluster for open model training"],
  }),
});
const sendEth = (to: Address, amount: bigint): ProposalAction => ({ target: to, value: amount, calldata: "0x" });

const readFee = () =>
  readContract(client, { ...networkParameters, functionName: "getParameter", args: [inferenceFee] });

describe("simulateProposal with eth_simulateV1", () => {
  it("reports a setParameter with the parameter before and after and its decoded ParameterChanged", async () => {
    const before = await readFee();
    const simulation = await simulateProposal(client, [setParameter(inferenceFee, parseEther("0.25"))]);

    expect(simulation).toMatchObject({ method: "eth_simulateV1", ok: true, carriesState: true });
    const [action] = simulation.actions;
    expect(action).toMatchObject({ index: 0, status: "success" });
    expect(action.gasUsed).toBeGreaterThan(21_000n);
    expect(action.events).toEqual([
      {
        address: networkParameters.address,
        contract: "NetworkParameters",
        name: "ParameterChanged",
        args: { key: inferenceFee, oldValue: before, newValue: parseEther("0.25") },
      },
    ]);
    expect(simulation.changes).toContainEqual({
      kind: "parameter",
      key: "inferenceFee",
      rawKey: inferenceFee,
      unit: "PLM per 1k tokens",
      before,
      after: parseEther("0.25"),
    });
    // Nothing was sent: the chain still holds the old value.
    expect(await readFee()).toBe(before);
  });

  it("runs the governor's own settings as Governor.execute would let the timelock run them", async () => {
    const setting = (functionName: "setVotingPeriod" | "setVotingDelay", seconds: number): ProposalAction => ({
      target: governor.address,
      value: 0n,
      calldata: encodeFunctionData({ abi: governor.abi, functionName, args: [seconds] }),
    });
    const simulation = await simulateProposal(client, [
      setting("setVotingPeriod", 6 * 86_400),
      setParameter(inferenceFee, parseEther("0.25")),
      setting("setVotingDelay", 2 * 86_400),
    ]);
    expect(simulation.actions.map((action) => action.status)).toEqual(["success", "success", "success"]);
    expect(simulation.actions[0].events.map((event) => event.name)).toEqual(["VotingPeriodSet"]);
    // Outside a proposal's execution the same call is refused: the override is what makes it pass.
    await expect(
      call(client, { account: timelock.address, to: governor.address, data: setting("setVotingPeriod", 1).calldata }),
    ).rejects.toThrow();
  });

  it("names an out-of-bounds value ParameterOutOfBounds and runs nothing after it", async () => {
    const simulation = await simulateProposal(client, [
      setParameter(inferenceFee, parseEther("0.3")),
      setParameter(inferenceFee, parseEther("3")),
      transferPlm(alice, 1n),
    ]);

    expect(simulation.ok).toBe(false);
    expect(simulation.actions.map((action) => action.status)).toEqual(["success", "reverted", "not run"]);
    const failed = simulation.actions[1];
    expect(failed.errorName).toBe("ParameterOutOfBounds");
    expect(failed.error).toMatch(/\(ParameterOutOfBounds\)$/);
    expect(failed.events).toEqual([]);
    // The timelock's batch reverts as a whole: nothing would change.
    expect(simulation.changes).toEqual([]);
  });

  it("catches a grant larger than the treasury on the createGrant, with the token's error", async () => {
    const tooMuch = treasury + 1n;
    const simulation = await simulateProposal(client, [approveGrant(tooMuch), createGrant(alice, tooMuch)]);

    expect(simulation.ok).toBe(false);
    expect(simulation.actions[0].status).toBe("success");
    expect(simulation.actions[1]).toMatchObject({ status: "reverted", errorName: "ERC20InsufficientBalance" });
    expect(simulation.actions[1].error).toContain("40,000,000 PLM");
  });

  it("shows the PLM and ETH leaving the treasury and reaching the recipients", async () => {
    await client.setBalance({ address: timelock.address, value: parseEther("10") });
    const plmBefore = await readContract(client, { ...token, functionName: "balanceOf", args: [timelock.address] });
    const simulation = await simulateProposal(client, [
      transferPlm(alice, parseEther("1000")),
      sendEth(bob, parseEther("1.5")),
    ]);

    expect(simulation.ok).toBe(true);
    expect(simulation.actions[0].events).toMatchObject([
      {
        contract: "PlenumToken",
        name: "Transfer",
        args: { from: timelock.address, to: alice, value: parseEther("1000") },
      },
    ]);
    expect(simulation.actions[1]).toMatchObject({ status: "success", events: [], gasUsed: 21_000n });
    expect(simulation.changes).toEqual([
      {
        kind: "balance",
        account: timelock.address,
        asset: "PLM",
        before: plmBefore,
        after: plmBefore - parseEther("1000"),
      },
      { kind: "balance", account: alice, asset: "PLM", before: 0n, after: parseEther("1000") },
      { kind: "balance", account: timelock.address, asset: "ETH", before: parseEther("10"), after: parseEther("8.5") },
      { kind: "balance", account: bob, asset: "ETH", before: 0n, after: parseEther("1.5") },
    ]);
  });

  it("reports ETH the timelock does not hold as a failed call on that action", async () => {
    await client.setBalance({ address: timelock.address, value: parseEther("1") });
    const simulation = await simulateProposal(client, [
      sendEth(alice, parseEther("0.6")),
      sendEth(bob, parseEther("0.6")),
      setParameter(inferenceFee, parseEther("0.3")),
    ]);

    expect(simulation.actions.map((action) => action.status)).toEqual(["success", "reverted", "not run"]);
    expect(simulation.actions[1].errorName).toBe("FailedCall");
    expect(simulation.actions[1].error).toContain("0.4 ETH");
  });

  it("carries state from one action to the next: createGrant spends the allowance approved just before", async () => {
    const amount = parseEther("250000");
    const actions = [approveGrant(amount), createGrant(bob, amount)];
    const simulation = await simulateProposal(client, actions);

    expect(simulation.ok).toBe(true);
    expect(simulation.actions[0].events.map((event) => event.name)).toEqual(["Approval"]);
    expect(simulation.actions[1].events).toMatchObject([
      { contract: "GrantVesting", name: "GrantCreated", args: { grantId: 1n, beneficiary: bob, amount } },
      { contract: "PlenumToken", name: "Transfer", args: { from: timelock.address, to: grantVesting.address } },
    ]);
    expect(simulation.changes).toContainEqual({
      kind: "balance",
      account: grantVesting.address,
      asset: "PLM",
      before: 0n,
      after: amount,
    });

    // Run one by one on the current state, the createGrant sees no allowance.
    const separately = await simulateProposal(client, actions, { method: "eth_call" });
    expect(separately).toMatchObject({ method: "eth_call", ok: false, carriesState: false });
    expect(separately.actions[1]).toMatchObject({ status: "reverted", errorName: "ERC20InsufficientAllowance" });
  });
});

describe("simulateProposal without eth_simulateV1", () => {
  it("falls back to eth_call per action and derives the changes from the arguments", async () => {
    const fee = await readFee();
    const plmBefore = await readContract(client, { ...token, functionName: "balanceOf", args: [timelock.address] });
    const simulation = await simulateProposal(noSimulateClient, [
      setParameter(inferenceFee, parseEther("0.5")),
      transferPlm(alice, parseEther("7")),
    ]);

    expect(simulation).toMatchObject({ method: "eth_call", ok: true, carriesState: false });
    expect(simulation.actions).toEqual([
      { index: 0, status: "success", events: [] },
      { index: 1, status: "success", events: [] },
    ]);
    expect(simulation.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "parameter", key: "inferenceFee", before: fee, after: parseEther("0.5") }),
        {
          kind: "balance",
          account: timelock.address,
          asset: "PLM",
          before: plmBefore,
          after: plmBefore - parseEther("7"),
        },
        { kind: "balance", account: alice, asset: "PLM", before: 0n, after: parseEther("7") },
      ]),
    );
  });

  it("still names reverts in the fallback", async () => {
    const simulation = await simulateProposal(noSimulateClient, [setParameter(inferenceFee, 1n)]);

    expect(simulation.method).toBe("eth_call");
    expect(simulation.actions[0]).toMatchObject({ status: "reverted", errorName: "ParameterOutOfBounds" });
    expect(simulation.actions[0].error).toMatch(/\(ParameterOutOfBounds\)$/);
  });

  it("does not fall back when eth_simulateV1 is required", async () => {
    await expect(
      simulateProposal(noSimulateClient, [setParameter(inferenceFee, parseEther("0.5"))], { method: "eth_simulateV1" }),
    ).rejects.toThrow(/does not exist/);
  });
});
