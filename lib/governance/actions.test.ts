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
import {
  decodeAction,
  decodeActions,
  guardianTermSetting,
  parameterKeyName,
  pauseDurationSetting,
  previousSettingValues,
  type DecodeContext,
} from "./actions";
import { testAddresses as addresses, testGuardian as guardian, testParameters as parameters } from "./test-fixtures";

const context: DecodeContext = { addresses, parameters, guardian };

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

  it("explains a pause by governance with the pause's length, and unpause", () => {
    const np = (data: Hex) => at(addresses.networkParameters, data).summary;
    const pause = encodeFunctionData({ abi: networkParametersAbi, functionName: "pause" });
    expect(np(pause)).toBe("Pause (or renew the pause of) the network parameters for 7 days");
    expect(
      decodeAction({ target: addresses.networkParameters, value: 0n, calldata: pause }, { addresses, parameters })
        .summary,
    ).toBe("Pause (or renew the pause of) the network parameters for the pause duration");
    expect(np(encodeFunctionData({ abi: networkParametersAbi, functionName: "unpause" }))).toBe(
      "Unpause the network parameters",
    );
    expect(
      np(encodeFunctionData({ abi: networkParametersAbi, functionName: "transferOwnership", args: [alice] })),
    ).toBe(`Transfer ownership of NetworkParameters to ${alice}`);
  });

  it("explains a new pause duration against the current one and the contract's bounds", () => {
    const setPauseDuration = (seconds: bigint) =>
      encodeFunctionData({ abi: networkParametersAbi, functionName: "setPauseDuration", args: [seconds] });
    const decoded = at(addresses.networkParameters, setPauseDuration(14n * DAY));
    expect(decoded.signature).toBe("setPauseDuration(uint256)");
    expect(decoded.summary).toBe(
      "Set how long a pause of the network parameters lasts to 14 days (now 7 days; bounds 1 day–30 days)",
    );
    expect(at(addresses.networkParameters, setPauseDuration(60n * DAY)).summary).toBe(
      "Set how long a pause of the network parameters lasts to 60 days " +
        "(now 7 days; bounds 1 day–30 days; outside the bounds: execution will revert)",
    );
    const executed = decodeAction(
      { target: addresses.networkParameters, value: 0n, calldata: setPauseDuration(14n * DAY) },
      context,
      { previousValue: 3n * DAY },
    );
    expect(executed.summary).toBe(
      "Set how long a pause of the network parameters lasts to 14 days (was 3 days; bounds 1 day–30 days)",
    );
  });

  it("matches an execution's change events to the actions that change the same setting, in order", () => {
    const setPauseDuration = encodeFunctionData({
      abi: networkParametersAbi,
      functionName: "setPauseDuration",
      args: [2n * DAY],
    });
    const setTermEnd = encodeFunctionData({
      abi: plenumGovernorAbi,
      functionName: "setGuardianTermEnd",
      args: [1_800_000_000],
    });
    const actions = [
      { target: addresses.networkParameters, value: 0n, calldata: setParameter("maxLatency", 600n) },
      { target: addresses.token, value: 0n, calldata: setParameter("maxLatency", 1n) },
      { target: addresses.networkParameters, value: 0n, calldata: setParameter("inferenceFee", 7n) },
      { target: addresses.governor, value: 0n, calldata: setTermEnd },
      { target: addresses.networkParameters, value: 0n, calldata: setParameter("maxLatency", 500n) },
      { target: addresses.networkParameters, value: 0n, calldata: setPauseDuration },
    ];
    const changes = [
      { setting: "maxLatency", oldValue: 800n },
      { setting: "inferenceFee", oldValue: 3n },
      { setting: guardianTermSetting, oldValue: 1_798_761_600n },
      { setting: "maxLatency", oldValue: 600n },
      { setting: pauseDurationSetting, oldValue: 7n * DAY },
    ];
    expect(previousSettingValues(actions, changes, addresses)).toEqual(
      new Map([
        [0, 800n],
        [2, 3n],
        [3, 1_798_761_600n],
        [4, 600n],
        [5, 7n * DAY],
      ]),
    );
    expect(previousSettingValues(actions, [], addresses).size).toBe(0);
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
  });

  it("decodes a slash with its ground and dispute, for each ground the module records", () => {
    const slash = (ground: number, disputeId: bigint, reason: string) =>
      at(
        addresses.disputeModule,
        encodeFunctionData({
          abi: disputeModuleAbi,
          functionName: "slashExpert",
          args: [alice, parseEther("1000"), ground, disputeId, reason],
        }),
      );
    const negligent = slash(1, 3n, "Ruled without reading the evidence.");
    expect(negligent.signature).toBe("slashExpert(address,uint256,uint8,uint256,string)");
    expect(negligent.summary).toBe(
      `Slash up to 1,000 PLM of ${alice}'s stake for a negligent ruling on dispute #3 and remove them from the panel: ` +
        `"Ruled without reading the evidence."`,
    );
    expect(negligent.details).toEqual([
      { label: "Expert", value: alice },
      { label: "Ground", value: "a negligent ruling" },
      { label: "Dispute", value: "#3" },
    ]);
    expect(slash(0, 1n, "bribed").summary).toContain("for a malicious ruling on dispute #1");
    expect(slash(2, 2n, "absent").summary).toContain("for not ruling before the dispute timed out on dispute #2");
    expect(slash(7, 2n, "?").summary).toContain("for ground 7 (not a slash ground: execution will revert)");
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

  it("decodes a new end of the guardian's term against the current one", () => {
    const setTermEnd = (termEnd: number) =>
      encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setGuardianTermEnd", args: [termEnd] });
    const later = at(addresses.governor, setTermEnd(1_830_297_600)); // 2028-01-01
    expect(later.signature).toBe("setGuardianTermEnd(uint48)");
    expect(later.summary).toBe(
      "End the guardian's term on 2028-01-01 00:00 UTC (now 2027-01-01 00:00 UTC): extends it",
    );
    expect(gov(setTermEnd(1_782_864_000))).toBe(
      "End the guardian's term on 2026-07-01 00:00 UTC (now 2027-01-01 00:00 UTC): shortens it",
    );
    expect(gov(setTermEnd(1_798_761_600))).toBe(
      "End the guardian's term on 2027-01-01 00:00 UTC (now 2027-01-01 00:00 UTC): keeps it",
    );
    const executed = decodeAction(
      { target: addresses.governor, value: 0n, calldata: setTermEnd(1_830_297_600) },
      context,
      { previousValue: 1_830_297_600n + 1n },
    );
    expect(executed.summary).toBe(
      "End the guardian's term on 2028-01-01 00:00 UTC (was 2028-01-01 00:00 UTC): shortens it",
    );
    expect(
      decodeAction(
        { target: addresses.governor, value: 0n, calldata: setTermEnd(1_830_297_600) },
        { addresses, parameters },
      ).summary,
    ).toBe("End the guardian's term on 2028-01-01 00:00 UTC");
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
