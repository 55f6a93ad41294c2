import { encodeFunctionData, keccak256, parseEther, slice, stringToHex, toHex, type Address, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import {
  disputeModuleAbi,
  grantVestingAbi,
  modelRegistryAbi,
  networkParametersAbi,
  plenumGovernorAbi,
  plenumTokenAbi,
  timelockControllerAbi,
} from "../contracts/abis.generated";
import { decodeAction, decodeActions, parameterKeyName, previousParameterValues, type DecodeContext } from "./actions";
import { testAddresses as addresses, testParameters as parameters } from "./test-fixtures";

const context: DecodeContext = { addresses, parameters };

const alice: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const DAY = 86_400n;

const key = (name: string) => stringToHex(name, { size: 32 });
const at = (target: Address, calldata: Hex, value = 0n) => decodeAction({ target, value, calldata }, context);

describe("network parameter changes", () => {
  const setParameter = (name: string, value: bigint) =>
    encodeFunctionData({ abi: networkParametersAbi, functionName: "setParameter", args: [key(name), value] });

  it("shows the change from the current value, in the parameter's unit, with its bounds", () => {
    const decoded = at(addresses.networkParameters, setParameter("inferenceFee", parseEther("0.25")));
    expect(decoded.recognized).toBe(true);
    expect(decoded.contractName).toBe("NetworkParameters");
    expect(decoded.signature).toBe("setParameter(bytes32,uint256)");
    expect(decoded.summary).toBe("inferenceFee: 0.20 → 0.25 PLM per 1k tokens (bounds 0.01–2.00 PLM per 1k tokens)");
  });

  it("uses the executed change's old value as 'from' when given", () => {
    const action = {
      target: addresses.networkParameters,
      value: 0n,
      calldata: setParameter("inferenceFee", parseEther("0.25")),
    };
    const decoded = decodeAction(action, context, { previousValue: parseEther("0.1") });
    expect(decoded.summary).toBe("inferenceFee: 0.10 → 0.25 PLM per 1k tokens (bounds 0.01–2.00 PLM per 1k tokens)");
    const [viaList] = decodeActions([action], context, new Map([[0, parseEther("0.1")]]));
    expect(viaList.summary).toBe(decoded.summary);
  });

  it("shows basis points as percentages and other units after the numbers", () => {
    expect(at(addresses.networkParameters, setParameter("providerRewardRate", 6_000n)).summary).toBe(
      "providerRewardRate: 80% → 60% (bounds 50%–95%)",
    );
    expect(at(addresses.networkParameters, setParameter("maxLatency", 600n)).summary).toBe(
      "maxLatency: 800 → 600 ms (bounds 100–5,000 ms)",
    );
  });

  it("warns about a value outside the bounds and about an unknown key", () => {
    expect(at(addresses.networkParameters, setParameter("maxLatency", 50n)).summary).toBe(
      "maxLatency: 800 → 50 ms (bounds 100–5,000 ms; outside the bounds: execution will revert)",
    );
    expect(at(addresses.networkParameters, setParameter("gpuQuota", 5n)).summary).toBe(
      "Set unknown parameter gpuQuota to 5 (execution will revert)",
    );
  });

  it("explains pause, unpause and a new guardian", () => {
    const np = (data: Hex) => at(addresses.networkParameters, data).summary;
    expect(np(encodeFunctionData({ abi: networkParametersAbi, functionName: "pause" }))).toBe(
      "Pause the network parameters: nodes stop applying parameter updates",
    );
    expect(np(encodeFunctionData({ abi: networkParametersAbi, functionName: "unpause" }))).toBe(
      "Unpause the network parameters",
    );
    expect(np(encodeFunctionData({ abi: networkParametersAbi, functionName: "setGuardian", args: [alice] }))).toBe(
      `Set the network parameters' guardian (security council) to ${alice}`,
    );
    expect(
      np(encodeFunctionData({ abi: networkParametersAbi, functionName: "transferOwnership", args: [alice] })),
    ).toBe(`Transfer ownership of NetworkParameters to ${alice}`);
  });

  it("matches an execution's ParameterChanged events to the setParameter actions, in order", () => {
    const actions = [
      { target: addresses.networkParameters, value: 0n, calldata: setParameter("maxLatency", 600n) },
      { target: addresses.token, value: 0n, calldata: setParameter("maxLatency", 1n) },
      { target: addresses.networkParameters, value: 0n, calldata: setParameter("inferenceFee", 7n) },
      { target: addresses.networkParameters, value: 0n, calldata: setParameter("maxLatency", 500n) },
    ];
    const changes = [
      { key: "maxLatency", oldValue: 800n },
      { key: "inferenceFee", oldValue: 3n },
      { key: "maxLatency", oldValue: 600n },
    ];
    expect(previousParameterValues(actions, changes, addresses.networkParameters)).toEqual(
      new Map([
        [0, 800n],
        [2, 3n],
        [3, 600n],
      ]),
    );
    expect(previousParameterValues(actions, [], addresses.networkParameters).size).toBe(0);
  });

  it("names parameter keys", () => {
    expect(parameterKeyName(key("minUptime"))).toBe("minUptime");
    const binary = keccak256(toHex("not text"));
    expect(parameterKeyName(binary)).toBe(binary);
  });
});

describe("treasury: grants and tokens", () => {
  it("decodes a grant with beneficiary, amount, schedule and memo", () => {
    const start = 1_767_225_600n; // 2026-01-01 00:00 UTC
    const data = encodeFunctionData({
      abi: grantVestingAbi,
      functionName: "createGrant",
      args: [alice, parseEther("1200000"), start, 90n * DAY, 365n * DAY, "Lumen-7B: training run and release"],
    });
    const decoded = at(addresses.grantVesting, data);
    expect(decoded.summary).toBe(
      `Grant 1,200,000 PLM to ${alice}, vesting over 365 days from 2026-01-01 00:00 UTC with a 90 days cliff: ` +
        `"Lumen-7B: training run and release"`,
    );
    expect(decoded.details).toEqual([
      { label: "Beneficiary", value: alice },
      { label: "Amount", value: "1,200,000 PLM" },
      { label: "Start", value: "2026-01-01 00:00 UTC" },
      { label: "Cliff", value: "90 days" },
      { label: "Duration", value: "365 days" },
      { label: "Memo", value: "Lumen-7B: training run and release" },
    ]);
    expect(
      at(addresses.grantVesting, encodeFunctionData({ abi: grantVestingAbi, functionName: "revoke", args: [3n] }))
        .summary,
    ).toBe("Revoke grant #3: the unvested rest returns to the treasury");
  });

  it("decodes token approvals and transfers from the timelock, naming system contracts", () => {
    const approve = encodeFunctionData({
      abi: plenumTokenAbi,
      functionName: "approve",
      args: [addresses.grantVesting, parseEther("1200000")],
    });
    expect(at(addresses.token, approve).summary).toBe("Approve GrantVesting to spend 1,200,000 PLM from the treasury");
    const transfer = encodeFunctionData({
      abi: plenumTokenAbi,
      functionName: "transfer",
      args: [alice, parseEther("2.5")],
    });
    expect(at(addresses.token, transfer).summary).toBe(`Transfer 2.5 PLM from the treasury to ${alice}`);
  });

  it("explains plain ETH sends and ETH sent along with a call", () => {
    expect(at(alice, "0x", parseEther("1.5")).summary).toBe(`Send 1.5 ETH from the treasury to ${alice}`);
    const fund = encodeFunctionData({ abi: disputeModuleAbi, functionName: "fundRewards", args: [parseEther("10")] });
    expect(at(addresses.disputeModule, fund, 1n).summary).toBe(
      "Fund the dispute reward pool with 10 PLM (sending 0.000000000000000001 ETH)",
    );
  });
});

describe("trust: publishers, models and disputes", () => {
  it("decodes publisher verification, revocation and delisting", () => {
    const verify = encodeFunctionData({
      abi: modelRegistryAbi,
      functionName: "setPublisher",
      args: [alice, true, "Lumen Research"],
    });
    expect(at(addresses.modelRegistry, verify).summary).toBe(`Verify model publisher "Lumen Research" (${alice})`);
    const revoke = encodeFunctionData({
      abi: modelRegistryAbi,
      functionName: "setPublisher",
      args: [alice, false, "Lumen"],
    });
    expect(at(addresses.modelRegistry, revoke).summary).toBe(`Revoke model publisher "Lumen" (${alice})`);
    const delist = encodeFunctionData({
      abi: modelRegistryAbi,
      functionName: "delistModel",
      args: [2n, "weights mismatch"],
    });
    expect(at(addresses.modelRegistry, delist).summary).toBe('Delist model #2: "weights mismatch"');
  });

  it("decodes the dispute module's settings", () => {
    const dm = (data: Hex) => at(addresses.disputeModule, data).summary;
    expect(
      dm(encodeFunctionData({ abi: disputeModuleAbi, functionName: "fundRewards", args: [parseEther("50000")] })),
    ).toBe("Fund the dispute reward pool with 50,000 PLM");
    expect(dm(encodeFunctionData({ abi: disputeModuleAbi, functionName: "setBond", args: [parseEther("5000")] }))).toBe(
      "Set the dispute bond to 5,000 PLM",
    );
    expect(
      dm(encodeFunctionData({ abi: disputeModuleAbi, functionName: "setAdjudicationPeriod", args: [3n * DAY] })),
    ).toBe("Set the dispute adjudication period to 3 days");
    expect(dm(encodeFunctionData({ abi: disputeModuleAbi, functionName: "setRulingQuorum", args: [2n] }))).toBe(
      "Require 2 matching panel rulings to decide a dispute",
    );
    expect(
      dm(
        encodeFunctionData({
          abi: disputeModuleAbi,
          functionName: "slashExpert",
          args: [alice, parseEther("1000"), "negligent"],
        }),
      ),
    ).toBe(`Slash 1,000 PLM of ${alice}'s panel stake and remove them from the panel: "negligent"`);
  });
});

describe("governance settings", () => {
  const gov = (data: Hex) => at(addresses.governor, data).summary;

  it("decodes the governor's settings", () => {
    expect(gov(encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setVotingDelay", args: [86_400] }))).toBe(
      "Set the voting delay to 1 day",
    );
    expect(gov(encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setVotingPeriod", args: [432_000] }))).toBe(
      "Set the voting period to 5 days",
    );
    expect(
      gov(
        encodeFunctionData({
          abi: plenumGovernorAbi,
          functionName: "setProposalThreshold",
          args: [parseEther("100000")],
        }),
      ),
    ).toBe("Set the proposal threshold to 100,000 PLM");
    expect(gov(encodeFunctionData({ abi: plenumGovernorAbi, functionName: "updateQuorumNumerator", args: [5n] }))).toBe(
      "Set the quorum to 5% of the token supply (5/100)",
    );
    expect(
      gov(encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setLateQuorumVoteExtension", args: [86_400] })),
    ).toBe("Set the late-quorum vote extension to 1 day");
    expect(
      gov(encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setProposalGuardian", args: [alice] })),
    ).toBe(`Set the proposal guardian (security council) to ${alice}`);
    expect(
      gov(
        encodeFunctionData({
          abi: plenumGovernorAbi,
          functionName: "setDisputeModule",
          args: [addresses.disputeModule],
        }),
      ),
    ).toBe("Replace the dispute module with DisputeModule");
  });

  it("decodes a relayed call through the call it relays", () => {
    const inner = encodeFunctionData({ abi: modelRegistryAbi, functionName: "delistModel", args: [1n, "spam"] });
    const relay = encodeFunctionData({
      abi: plenumGovernorAbi,
      functionName: "relay",
      args: [addresses.modelRegistry, 0n, inner],
    });
    expect(gov(relay)).toBe('The governor relays: Delist model #1: "spam"');
  });

  it("decodes the timelock's delay and roles", () => {
    const tl = (data: Hex) => at(addresses.timelock, data).summary;
    expect(tl(encodeFunctionData({ abi: timelockControllerAbi, functionName: "updateDelay", args: [2n * DAY] }))).toBe(
      "Set the timelock delay (the challenge window) to 2 days",
    );
    const role = keccak256(toHex("EXECUTOR_ROLE"));
    expect(tl(encodeFunctionData({ abi: timelockControllerAbi, functionName: "grantRole", args: [role, alice] }))).toBe(
      `Grant the timelock's EXECUTOR_ROLE to ${alice}`,
    );
  });

  it("falls back to the function and its named arguments for a known function without a template", () => {
    const data = encodeFunctionData({
      abi: modelRegistryAbi,
      functionName: "registerModel",
      args: ["Lumen-7B", "ipfs://x", keccak256(toHex("w")), "Apache-2.0"],
    });
    expect(at(addresses.modelRegistry, data).summary).toBe(
      `Call ModelRegistry.registerModel(name: "Lumen-7B", uri: "ipfs://x", weightsHash: ${keccak256(toHex("w"))}, license: "Apache-2.0")`,
    );
  });
});

describe("unknown calls", () => {
  it("shows an unknown selector on a system contract with its selector and raw calldata", () => {
    const calldata: Hex = "0xdeadbeef00000000000000000000000000000000000000000000000000000000000000ff";
    const decoded = at(addresses.networkParameters, calldata);
    expect(decoded.recognized).toBe(false);
    expect(decoded.summary).toBe(`Unknown call to NetworkParameters (${addresses.networkParameters})`);
    expect(decoded.details).toEqual([
      { label: "Selector", value: "0xdeadbeef" },
      { label: "Calldata", value: calldata },
    ]);
  });

  it("does not guess what a call to an address outside the system does, even with a known selector", () => {
    const calldata = encodeFunctionData({ abi: plenumTokenAbi, functionName: "transfer", args: [alice, 1n] });
    const outside: Address = "0x000000000000000000000000000000000000dEaD";
    const decoded = at(outside, calldata);
    expect(decoded.recognized).toBe(false);
    expect(decoded.summary).toBe(`Unknown call to ${outside}`);
    expect(decoded.selector).toBe(calldata.slice(0, 10));
    expect(decoded.details[1]).toEqual({ label: "Calldata", value: calldata });
  });

  it("treats truncated arguments and too-short calldata as unknown", () => {
    const full = encodeFunctionData({
      abi: networkParametersAbi,
      functionName: "setParameter",
      args: [key("maxLatency"), 1n],
    });
    expect(at(addresses.networkParameters, slice(full, 0, 8)).recognized).toBe(false);
    const short = at(addresses.networkParameters, "0x1234");
    expect(short.recognized).toBe(false);
    expect(short.details[0].value).toBe("none (calldata shorter than 4 bytes)");
  });
});
