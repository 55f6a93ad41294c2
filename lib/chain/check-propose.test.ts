// Checks drafts against the governor's `propose` on a real anvil with the contracts freshly deployed.
import { encodeFunctionData, getAddress, parseEther, stringToHex, type Address } from "viem";
import { readContract } from "viem/actions";
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
const { checkPropose } = await import("./check-propose");
type ProposalAction = import("../governance/actions").ProposalAction;

const { governor, token, networkParameters, disputeModule } = contracts;
/** An account without a single vote: the check must not depend on the proposer's voting power. */
const nobody: Address = getAddress("0x00000000000000000000000000000000000a11ce");

let anvil: Anvil;
let client: AnvilClient;

beforeAll(async () => {
  ({ anvil, client } = await startDeployedAnvil(contracts));
});

afterAll(async () => {
  await anvil?.stop();
});

const setLatency: ProposalAction = {
  target: networkParameters.address,
  value: 0n,
  calldata: encodeFunctionData({
    abi: networkParameters.abi,
    functionName: "setParameter",
    args: [stringToHex("maxLatency", { size: 32 }), 700n],
  }),
};
const setExpertStake: ProposalAction = {
  target: disputeModule.address,
  value: 0n,
  calldata: encodeFunctionData({ abi: disputeModule.abi, functionName: "setExpertStake", args: [parseEther("2000")] }),
};

describe("checkPropose", () => {
  it("accepts a proposal from an account without votes: the threshold is checked apart", async () => {
    expect(await readContract(client, { ...governor, functionName: "proposalThreshold" })).toBeGreaterThan(0n);
    expect(await readContract(client, { ...token, functionName: "getVotes", args: [nobody] })).toBe(0n);
    expect(await checkPropose(client, [setLatency], nobody)).toEqual({ ok: true });
    expect(await checkPropose(client, [setExpertStake])).toEqual({ ok: true });
  });

  it("names the governor's refusal of panel calls mixed with other calls", async () => {
    const result = await checkPropose(client, [setLatency, setExpertStake], nobody);
    expect(result).toEqual({
      ok: false,
      errorName: "MixedPanelProposal",
      error:
        "1 of the 2 actions change the dispute panel, which may not judge them: put them in a proposal of their own. (MixedPanelProposal)",
    });
  });

  it("names OpenZeppelin's refusals too, such as an empty proposal", async () => {
    expect(await checkPropose(client, [], nobody)).toMatchObject({
      ok: false,
      errorName: "GovernorInvalidProposalLength",
    });
  });
});
