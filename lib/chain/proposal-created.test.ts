// Reads a just-created proposal from the chain, as the proposal page does before the indexer has it, on a real anvil.
import { encodeFunctionData, stringToHex } from "viem";
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
const { anvilAccount, writeContract } = await import("../../scripts/lib/chain");
const { governanceHelper } = await import("../../scripts/lib/governance");
const { localRoles } = await import("../../scripts/lib/accounts");
const { contracts } = await import("../contracts");
const { governorKnows, readProposalCreated } = await import("./proposal-created");

const { token, networkParameters } = contracts;
const proposer = anvilAccount(localRoles.deployer);
const description = "# Relax the maximum latency\n\nTo 650 ms.";

let anvil: Anvil;
let client: AnvilClient;
let id: bigint;
let createdAt: bigint;

beforeAll(async () => {
  ({ anvil, client } = await startDeployedAnvil(contracts));
  await writeContract(client, proposer, { ...token, functionName: "delegate", args: [proposer.address] });
  await client.increaseTime({ seconds: 1 });
  await client.mine({ blocks: 1 });
  const action = {
    target: networkParameters.address,
    value: 0n,
    calldata: encodeFunctionData({
      abi: networkParameters.abi,
      functionName: "setParameter",
      args: [stringToHex("maxLatency", { size: 32 }), 650n],
    }),
  };
  const { id: proposed, receipt } = await governanceHelper(client, contracts).propose(proposer, [action], description);
  id = proposed;
  createdAt = (await client.getBlock({ blockNumber: receipt.blockNumber })).timestamp;
});

afterAll(async () => {
  await anvil?.stop();
});

describe("a proposal the indexer has not reached yet", () => {
  it("is known to the governor; an id it never stored is not", async () => {
    expect(await governorKnows(client, id)).toBe(true);
    expect(await governorKnows(client, id + 1n)).toBe(false);
  });

  it("has its text and time from the ProposalCreated log", async () => {
    expect(await readProposalCreated(client, id)).toEqual({ description, createdAt });
    expect(await readProposalCreated(client, id + 1n)).toBeUndefined();
  });

  it("is looked for only in the recent blocks", async () => {
    await client.mine({ blocks: 5 });
    expect(await readProposalCreated(client, id, 10n)).toEqual({ description, createdAt });
    expect(await readProposalCreated(client, id, 3n)).toBeUndefined();
  });
});
