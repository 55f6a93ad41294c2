import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  decodeFunctionData,
  parseAbiItem,
  parseEther,
  stringToHex,
  zeroAddress,
  type AbiFunction,
  type Address,
  type Hex,
} from "viem";
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
import { decodeAction, type DecodeContext, type ProposalAction } from "./actions";
import {
  buildTemplate,
  contractLimits,
  encodeTemplate,
  parameterChangeLine,
  parameterKey,
  parseDuration,
  parseEthAmount,
  parseParameterValue,
  parsePlmAmount,
  parseTokenAmount,
  parseUtcTime,
  parseWholeNumber,
  templateKinds,
  templates,
  treasuryOutflow,
  validateParameterValue,
  validateTemplate,
  type FieldError,
  type TemplateContext,
  type TemplateInput,
} from "./templates";
import { testAddresses as addresses, testGuardian as guardian, testParameters as parameters } from "./test-fixtures";

const decodeContext: DecodeContext = { addresses, parameters, guardian };

const alice: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const bob: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const carol: Address = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const DAY = 86_400n;
const PLM = 10n ** 18n;

/** Build, failing the test on validation errors. */
function actionsOf(input: TemplateInput, context: TemplateContext = { parameters }): ProposalAction[] {
  const result = buildTemplate(input, addresses, context);
  if (!result.ok) throw new Error(result.errors.map((error) => `${error.field}: ${error.message}`).join("; "));
  return result.actions;
}

function summaries(actions: ProposalAction[]): string[] {
  return actions.map((action) => {
    const decoded = decodeAction(action, decodeContext);
    expect(decoded.recognized).toBe(true);
    return decoded.summary;
  });
}

function errorsOf(input: TemplateInput, context: TemplateContext = { parameters }): FieldError[] {
  return validateTemplate(input, context);
}

describe("network parameter change", () => {
  it("encodes setParameter(key, value) and decodes to the change with its bounds", () => {
    const actions = actionsOf({ kind: "parameterChange", key: "inferenceFee", value: parseEther("0.25") });
    expect(actions).toHaveLength(1);
    expect(actions[0].target).toBe(addresses.networkParameters);
    expect(actions[0].value).toBe(0n);
    const call = decodeFunctionData({ abi: networkParametersAbi, data: actions[0].calldata });
    expect(call.functionName).toBe("setParameter");
    expect(call.args).toEqual([stringToHex("inferenceFee", { size: 32 }), parseEther("0.25")]);
    expect(summaries(actions)).toEqual([
      "inferenceFee: 0.20 → 0.25 PLM per 1k tokens (bounds 0.01–2.00 PLM per 1k tokens)",
    ]);
  });

  it("refuses a value outside the bounds, showing them in the parameter's unit", () => {
    expect(errorsOf({ kind: "parameterChange", key: "inferenceFee", value: parseEther("2.5") })).toEqual([
      {
        field: "value",
        message:
          "inferenceFee must be within 0.01–2.00 PLM per 1k tokens, got 2.5 PLM per 1k tokens " +
          "(NetworkParameters reverts with ParameterOutOfBounds)",
      },
    ]);
    expect(errorsOf({ kind: "parameterChange", key: "providerRewardRate", value: 4_999n })).toEqual([
      {
        field: "value",
        message:
          "providerRewardRate must be within 50%–95%, got 49.99% (NetworkParameters reverts with ParameterOutOfBounds)",
      },
    ]);
    expect(validateParameterValue("maxLatency", 100n, parameters.get("maxLatency")!)).toEqual([]);
    expect(validateParameterValue("maxLatency", 99n, parameters.get("maxLatency")!)[0].message).toMatch(
      /^maxLatency must be within 100–5,000 ms, got 99 ms/,
    );
  });

  it("refuses an unknown key, a key longer than 32 bytes, and bounds not loaded", () => {
    expect(errorsOf({ kind: "parameterChange", key: "gasPrice", value: 1n })).toEqual([
      { field: "key", message: '"gasPrice" is not a network parameter (NetworkParameters: UnknownParameter)' },
    ]);
    expect(errorsOf({ kind: "parameterChange", key: "x".repeat(33), value: 1n })[0].field).toBe("key");
    expect(errorsOf({ kind: "parameterChange", key: "inferenceFee", value: 1n }, {})).toEqual([
      { field: "key", message: "The network parameters are not loaded yet" },
    ]);
  });

  it("writes the change line with the relative change", () => {
    const fee = parameters.get("inferenceFee")!;
    expect(parameterChangeLine(fee, parseEther("0.25"))).toBe("0.20 → 0.25 PLM per 1k tokens (+25%)");
    expect(parameterChangeLine(fee, parseEther("0.15"))).toBe("0.20 → 0.15 PLM per 1k tokens (-25%)");
    expect(parameterChangeLine(fee, parseEther("0.2"))).toBe("0.20 → 0.20 PLM per 1k tokens (no change)");
    expect(parameterChangeLine(parameters.get("providerRewardRate")!, 6_000n)).toBe("80% → 60% (-25%)");
    expect(parameterChangeLine(parameters.get("maxLatency")!, 900n)).toBe("800 → 900 ms (+12.5%)");
    expect(parameterChangeLine(parameters.get("openModelSubsidy")!, 1_000n)).toBe("0% → 10%");
  });

  it("derives the bytes32 key from the name", () => {
    expect(parameterKey("minUptime")).toBe(stringToHex("minUptime", { size: 32 }));
  });
});

describe("model publishers", () => {
  it("verifies a publisher: setPublisher(publisher, true, name)", () => {
    const actions = actionsOf({ kind: "verifyPublisher", publisher: alice, name: "  Open Weights Lab " });
    const call = decodeFunctionData({ abi: modelRegistryAbi, data: actions[0].calldata });
    expect(actions[0].target).toBe(addresses.modelRegistry);
    expect(call.functionName).toBe("setPublisher");
    expect(call.args).toEqual([alice, true, "Open Weights Lab"]);
    expect(summaries(actions)).toEqual([`Verify model publisher "Open Weights Lab" (${alice})`]);
  });

  it("revokes a publisher: setPublisher(publisher, false, name)", () => {
    const actions = actionsOf({ kind: "revokePublisher", publisher: alice, name: "Open Weights Lab" });
    expect(decodeFunctionData({ abi: modelRegistryAbi, data: actions[0].calldata }).args).toEqual([
      alice,
      false,
      "Open Weights Lab",
    ]);
    expect(summaries(actions)).toEqual([`Revoke model publisher "Open Weights Lab" (${alice})`]);
  });

  it("checks the publisher's address and the name against MAX_FIELD_LENGTH", () => {
    expect(errorsOf({ kind: "verifyPublisher", publisher: zeroAddress, name: "" })).toEqual([
      { field: "publisher", message: "The publisher cannot be the zero address" },
      { field: "name", message: "Enter the publisher name" },
    ]);
    const long = errorsOf({ kind: "revokePublisher", publisher: alice, name: "é".repeat(129) });
    expect(long).toEqual([
      {
        field: "name",
        message:
          "The publisher name is 258 bytes; ModelRegistry allows 256 (UTF-8: accented letters and symbols take 2 to 4 bytes)",
      },
    ]);
    expect(errorsOf({ kind: "verifyPublisher", publisher: "0x1234" as Address, name: "x" })).toEqual([
      { field: "publisher", message: "Enter the publisher's address (0x followed by 40 hex digits)" },
    ]);
  });

  it("delists a model: delistModel(id, reason)", () => {
    const actions = actionsOf({ kind: "delistModel", modelId: 3n, reason: "Weights squatted" });
    expect(decodeFunctionData({ abi: modelRegistryAbi, data: actions[0].calldata }).args).toEqual([
      3n,
      "Weights squatted",
    ]);
    expect(summaries(actions)).toEqual(['Delist model #3: "Weights squatted"']);
  });

  it("checks the model id and asks for a reason", () => {
    expect(errorsOf({ kind: "delistModel", modelId: 0n, reason: " " })).toEqual([
      { field: "modelId", message: "Model ids start at 1 (ModelRegistry: UnknownModel)" },
      { field: "reason", message: "Give a reason: it is recorded on chain" },
    ]);
    expect(errorsOf({ kind: "delistModel", modelId: 5n, reason: "x" }, { modelCount: 4n })).toEqual([
      { field: "modelId", message: "There is no model #5: the registry holds models #1 to #4 (UnknownModel)" },
    ]);
  });
});

describe("treasury grant", () => {
  const grant = {
    kind: "grant",
    beneficiary: alice,
    amount: 50_000n * PLM,
    start: 1_767_225_600n,
    cliff: 90n * DAY,
    duration: 365n * DAY,
    memo: "Open-weight model training",
  } as const;

  it("approves the grant contract, then creates the grant", () => {
    const actions = actionsOf(grant);
    expect(actions.map((action) => action.target)).toEqual([addresses.token, addresses.grantVesting]);
    const approve = decodeFunctionData({ abi: plenumTokenAbi, data: actions[0].calldata });
    expect(approve.functionName).toBe("approve");
    expect(approve.args).toEqual([addresses.grantVesting, 50_000n * PLM]);
    const create = decodeFunctionData({ abi: grantVestingAbi, data: actions[1].calldata });
    expect(create.functionName).toBe("createGrant");
    expect(create.args).toEqual([alice, 50_000n * PLM, 1_767_225_600n, 90n * DAY, 365n * DAY, grant.memo]);
    expect(summaries(actions)).toEqual([
      "Approve GrantVesting to spend 50,000 PLM from the treasury",
      `Grant 50,000 PLM to ${alice}, vesting over 365 days from 2026-01-01 00:00 UTC with a 90 days cliff: ` +
        '"Open-weight model training"',
    ]);
  });

  it("mirrors GrantVesting's checks", () => {
    expect(
      errorsOf({ ...grant, beneficiary: zeroAddress, amount: 0n, cliff: 400n * DAY, memo: "x".repeat(1_025) }),
    ).toEqual([
      { field: "beneficiary", message: "The beneficiary cannot be the zero address" },
      { field: "amount", message: "The grant amount must be more than 0" },
      {
        field: "cliff",
        message:
          "The cliff (400 days) cannot be longer than the vesting duration (365 days) (GrantVesting: InvalidSchedule)",
      },
      {
        field: "memo",
        message:
          "The memo is 1,025 bytes; GrantVesting allows 1,024 (MemoTooLong; UTF-8: accented letters and symbols take 2 to 4 bytes)",
      },
    ]);
    expect(errorsOf({ ...grant, duration: 0n, cliff: 0n })).toEqual([
      { field: "duration", message: "The vesting duration must be more than 0 (GrantVesting: InvalidSchedule)" },
    ]);
    expect(errorsOf({ ...grant, duration: 2n ** 64n })).toEqual([
      { field: "duration", message: "The vesting duration does not fit uint64" },
    ]);
    expect(errorsOf({ ...grant, start: 2n ** 64n })).toEqual([
      { field: "start", message: "The start must be a time in seconds (uint64)" },
    ]);
    expect(errorsOf({ ...grant, cliff: 365n * DAY, memo: "" })).toEqual([]);
  });

  it("checks the amount against the treasury when its balance is known", () => {
    expect(errorsOf(grant, { treasury: { plm: 49_999n * PLM } })).toEqual([
      { field: "amount", message: "The treasury holds 49,999 PLM, less than 50,000 PLM" },
    ]);
    expect(errorsOf(grant, { treasury: { plm: 50_000n * PLM } })).toEqual([]);
  });
});

describe("treasury transfers", () => {
  it("transfers PLM with token.transfer(to, amount)", () => {
    const actions = actionsOf({ kind: "transferPlm", to: bob, amount: 1_250n * PLM + PLM / 2n });
    expect(actions[0].target).toBe(addresses.token);
    expect(decodeFunctionData({ abi: plenumTokenAbi, data: actions[0].calldata }).args).toEqual([
      bob,
      1_250n * PLM + PLM / 2n,
    ]);
    expect(summaries(actions)).toEqual([`Transfer 1,250.5 PLM from the treasury to ${bob}`]);
  });

  it("sends ETH as a call to the recipient with a value and no calldata", () => {
    const actions = actionsOf({ kind: "transferEth", to: bob, amount: parseEther("1.5") });
    expect(actions).toEqual([{ target: bob, value: parseEther("1.5"), calldata: "0x" }]);
    expect(summaries(actions)).toEqual([`Send 1.5 ETH from the treasury to ${bob}`]);
  });

  it("checks the recipient, the amount and the balance", () => {
    expect(errorsOf({ kind: "transferPlm", to: zeroAddress, amount: 0n })).toEqual([
      { field: "to", message: "The recipient cannot be the zero address" },
      { field: "amount", message: "The amount must be more than 0" },
    ]);
    expect(
      errorsOf({ kind: "transferEth", to: bob, amount: parseEther("2") }, { treasury: { eth: parseEther("1") } }),
    ).toEqual([{ field: "amount", message: "The treasury holds 1 ETH, less than 2 ETH" }]);
    expect(errorsOf({ kind: "transferPlm", to: bob, amount: 2n * PLM }, { treasury: { plm: PLM } })).toEqual([
      { field: "amount", message: "The treasury holds 1 PLM, less than 2 PLM" },
    ]);
  });
});

describe("governance settings on the governor", () => {
  const governorCall = (actions: ProposalAction[]) => {
    expect(actions).toHaveLength(1);
    expect(actions[0].target).toBe(addresses.governor);
    return decodeFunctionData({ abi: plenumGovernorAbi, data: actions[0].calldata });
  };

  it("sets the voting delay, period and late-quorum extension in seconds", () => {
    const delay = actionsOf({ kind: "votingDelay", seconds: 2n * DAY });
    expect(governorCall(delay)).toMatchObject({ functionName: "setVotingDelay", args: [172_800] });
    expect(summaries(delay)).toEqual(["Set the voting delay to 2 days"]);

    const period = actionsOf({ kind: "votingPeriod", seconds: 7n * DAY });
    expect(governorCall(period)).toMatchObject({ functionName: "setVotingPeriod", args: [604_800] });
    expect(summaries(period)).toEqual(["Set the voting period to 7 days"]);

    const extension = actionsOf({ kind: "lateQuorumExtension", seconds: 36n * 3_600n });
    expect(governorCall(extension)).toMatchObject({ functionName: "setLateQuorumVoteExtension", args: [129_600] });
    expect(summaries(extension)).toEqual(["Set the late-quorum vote extension to 1 day 12 hours"]);
  });

  it("states OpenZeppelin's limits", () => {
    expect(errorsOf({ kind: "votingPeriod", seconds: 0n })).toEqual([
      {
        field: "seconds",
        message: "The voting period must be more than 0 (GovernorSettings: GovernorInvalidVotingPeriod)",
      },
    ]);
    expect(errorsOf({ kind: "votingPeriod", seconds: 2n ** 32n })).toEqual([
      {
        field: "seconds",
        message: "The voting period does not fit its type (uint32, GovernorSettings): at most 4294967295 seconds",
      },
    ]);
    expect(errorsOf({ kind: "votingDelay", seconds: 2n ** 48n })[0].message).toMatch(/uint48, GovernorSettings/);
    expect(errorsOf({ kind: "votingDelay", seconds: 0n })).toEqual([]);
    expect(errorsOf({ kind: "votingDelay", seconds: -1n })).toEqual([
      { field: "seconds", message: "The voting delay cannot be negative" },
    ]);
    expect(errorsOf({ kind: "lateQuorumExtension", seconds: 2n ** 48n })[0].message).toMatch(
      /uint48, GovernorPreventLateQuorum/,
    );
  });

  it("sets the proposal threshold, refusing one above the supply", () => {
    const actions = actionsOf({ kind: "proposalThreshold", amount: 10_000n * PLM });
    expect(governorCall(actions)).toMatchObject({ functionName: "setProposalThreshold", args: [10_000n * PLM] });
    expect(summaries(actions)).toEqual(["Set the proposal threshold to 10,000 PLM"]);
    expect(errorsOf({ kind: "proposalThreshold", amount: 2n * PLM }, { totalSupply: PLM })).toEqual([
      { field: "amount", message: "No one could propose: 2 PLM is more than the whole supply (1 PLM)" },
    ]);
  });

  it("sets the quorum numerator within 1..denominator", () => {
    const actions = actionsOf({ kind: "quorumNumerator", numerator: 5n });
    expect(governorCall(actions)).toMatchObject({ functionName: "updateQuorumNumerator", args: [5n] });
    expect(summaries(actions)).toEqual(["Set the quorum to 5% of the token supply (5/100)"]);
    expect(errorsOf({ kind: "quorumNumerator", numerator: 0n })).toEqual([
      { field: "numerator", message: "The quorum cannot be 0: PlenumGovernor refuses it (QuorumNumeratorZero)" },
    ]);
    expect(errorsOf({ kind: "quorumNumerator", numerator: 101n })).toEqual([
      {
        field: "numerator",
        message:
          "The quorum numerator cannot exceed the denominator (100): GovernorVotesQuorumFraction reverts with GovernorInvalidQuorumFraction",
      },
    ]);
    expect(errorsOf({ kind: "quorumNumerator", numerator: 500n }, { quorumDenominator: 1_000n })).toEqual([]);
  });

  it("sets or removes the proposal guardian", () => {
    const actions = actionsOf({ kind: "proposalGuardian", guardian: carol });
    expect(governorCall(actions)).toMatchObject({ functionName: "setProposalGuardian", args: [carol] });
    expect(summaries(actions)).toEqual([`Set the proposal guardian (security council) to ${carol}`]);
    expect(summaries(actionsOf({ kind: "proposalGuardian", guardian: zeroAddress }))).toEqual([
      "Remove the proposal guardian (security council)",
    ]);
    expect(errorsOf({ kind: "proposalGuardian", guardian: "council" as Address })[0].field).toBe("guardian");
  });
});

describe("timelock delay", () => {
  it("calls updateDelay on the timelock itself", () => {
    const actions = actionsOf({ kind: "timelockDelay", seconds: 3n * DAY });
    expect(actions[0].target).toBe(addresses.timelock);
    expect(decodeFunctionData({ abi: timelockControllerAbi, data: actions[0].calldata })).toMatchObject({
      functionName: "updateDelay",
      args: [3n * DAY],
    });
    expect(summaries(actions)).toEqual(["Set the timelock delay (the challenge window) to 3 days"]);
    expect(errorsOf({ kind: "timelockDelay", seconds: 0n })[0].message).toMatch(
      /^The timelock delay must be more than 0: it is the challenge window/,
    );
  });
});

describe("the guardian's term and the pause", () => {
  const now = 1_767_225_600n; // 2026-01-01 00:00 UTC, a year before the fixture's term end
  const context: TemplateContext = { guardian, now };

  it("moves the end of the guardian's term on the governor, and decodes it against the current end", () => {
    const later = 1_830_297_600n; // 2028-01-01
    const actions = actionsOf({ kind: "guardianTermEnd", termEnd: later }, context);
    expect(actions[0].target).toBe(addresses.governor);
    expect(decodeFunctionData({ abi: plenumGovernorAbi, data: actions[0].calldata })).toMatchObject({
      functionName: "setGuardianTermEnd",
      args: [Number(later)],
    });
    expect(summaries(actions)).toEqual([
      "End the guardian's term on 2028-01-01 00:00 UTC (now 2027-01-01 00:00 UTC): extends it",
    ]);
    // A date in the past ends the term at once: the contract allows it.
    expect(errorsOf({ kind: "guardianTermEnd", termEnd: now - DAY }, context)).toEqual([]);
  });

  it("refuses a term ending more than MAX_GUARDIAN_TERM after now, and checks nothing before the chain is read", () => {
    const latest = now + 730n * DAY;
    expect(errorsOf({ kind: "guardianTermEnd", termEnd: latest }, context)).toEqual([]);
    expect(errorsOf({ kind: "guardianTermEnd", termEnd: latest + 1n }, context)).toEqual([
      {
        field: "termEnd",
        message:
          "The guardian's term can end at the latest 2028-01-01 00:00 UTC, 730 days from now (PlenumGovernor: GuardianTermTooLong)",
      },
    ]);
    expect(errorsOf({ kind: "guardianTermEnd", termEnd: now }, { guardian })).toEqual([
      { field: "termEnd", message: "The guardian's term is not loaded yet" },
    ]);
  });

  it("sets how long a pause lasts, within the bounds the contract declares", () => {
    const actions = actionsOf({ kind: "pauseDuration", seconds: 14n * DAY }, context);
    expect(actions[0].target).toBe(addresses.networkParameters);
    expect(decodeFunctionData({ abi: networkParametersAbi, data: actions[0].calldata })).toMatchObject({
      functionName: "setPauseDuration",
      args: [14n * DAY],
    });
    expect(summaries(actions)).toEqual([
      "Set how long a pause of the network parameters lasts to 14 days (now 7 days; bounds 1 day–30 days)",
    ]);
    expect(errorsOf({ kind: "pauseDuration", seconds: 31n * DAY }, context)).toEqual([
      {
        field: "seconds",
        message:
          "A pause must be between 1 day and 30 days (NetworkParameters MIN_PAUSE_DURATION / MAX_PAUSE_DURATION), got 31 days",
      },
    ]);
    expect(errorsOf({ kind: "pauseDuration", seconds: 3_600n }, context)[0].message).toMatch(/got 1 hour$/);
    expect(errorsOf({ kind: "pauseDuration", seconds: DAY }, {})).toEqual([
      { field: "seconds", message: "The pause settings are not loaded yet" },
    ]);
  });
});

describe("dispute module settings", () => {
  const disputeCall = (actions: ProposalAction[]) => {
    expect(actions.at(-1)!.target).toBe(addresses.disputeModule);
    return decodeFunctionData({ abi: disputeModuleAbi, data: actions.at(-1)!.calldata });
  };
  const panel = [alice, bob, carol];

  it("sets the bond within MIN_BOND..MAX_BOND", () => {
    const actions = actionsOf({ kind: "disputeBond", amount: 500n * PLM });
    expect(disputeCall(actions)).toMatchObject({ functionName: "setBond", args: [500n * PLM] });
    expect(summaries(actions)).toEqual(["Set the dispute bond to 500 PLM"]);
    expect(errorsOf({ kind: "disputeBond", amount: 99n * PLM })).toEqual([
      {
        field: "amount",
        message:
          "The dispute bond must be between 100 PLM and 1,000,000 PLM (DisputeModule MIN_BOND / MAX_BOND), got 99 PLM",
      },
    ]);
    expect(errorsOf({ kind: "disputeBond", amount: 1_000_001n * PLM })).toHaveLength(1);
  });

  it("sets the reward within 0..MAX_REWARD", () => {
    const actions = actionsOf({ kind: "disputeReward", amount: 0n });
    expect(disputeCall(actions)).toMatchObject({ functionName: "setRewardAmount", args: [0n] });
    expect(summaries(actions)).toEqual(["Set the reward for an upheld dispute to 0 PLM"]);
    expect(errorsOf({ kind: "disputeReward", amount: 1_000_000n * PLM + 1n })[0].message).toMatch(
      /^The dispute reward must be between 0 PLM and 1,000,000 PLM \(DisputeModule MAX_REWARD\)/,
    );
  });

  it("sets the adjudication period within 1 to 14 days", () => {
    const actions = actionsOf({ kind: "adjudicationPeriod", seconds: 5n * DAY });
    expect(disputeCall(actions)).toMatchObject({ functionName: "setAdjudicationPeriod", args: [5n * DAY] });
    expect(summaries(actions)).toEqual(["Set the dispute adjudication period to 5 days"]);
    expect(errorsOf({ kind: "adjudicationPeriod", seconds: DAY - 1n })).toEqual([
      {
        field: "seconds",
        message:
          "The adjudication period must be between 1 day and 14 days " +
          "(DisputeModule MIN_ADJUDICATION_PERIOD / MAX_ADJUDICATION_PERIOD), got 23 hours 59 minutes",
      },
    ]);
    expect(errorsOf({ kind: "adjudicationPeriod", seconds: 15n * DAY })).toHaveLength(1);
  });

  it("sets the ruling quorum within 1 and the panel's size", () => {
    const actions = actionsOf({ kind: "rulingQuorum", quorum: 2n }, { panel });
    expect(disputeCall(actions)).toMatchObject({ functionName: "setRulingQuorum", args: [2n] });
    expect(summaries(actions)).toEqual(["Require 2 matching panel rulings to decide a dispute"]);
    expect(errorsOf({ kind: "rulingQuorum", quorum: 4n }, { panel })).toEqual([
      {
        field: "quorum",
        message:
          "The ruling quorum must be between 1 and the panel's size (3 members) (DisputeModule: SettingOutOfBounds)",
      },
    ]);
    expect(errorsOf({ kind: "rulingQuorum", quorum: 0n })[0].message).toMatch(/MAX_PANEL_SIZE \(15\)/);
  });

  it("sets the expert stake within MIN_EXPERT_STAKE..MAX_EXPERT_STAKE", () => {
    const actions = actionsOf({ kind: "expertStake", amount: 5_000n * PLM });
    expect(disputeCall(actions)).toMatchObject({ functionName: "setExpertStake", args: [5_000n * PLM] });
    expect(summaries(actions)).toEqual(["Set the stake each panel expert must hold to 5,000 PLM"]);
    expect(errorsOf({ kind: "expertStake", amount: 999n * PLM })[0].message).toMatch(
      /between 1,000 PLM and 10,000,000 PLM \(DisputeModule MIN_EXPERT_STAKE \/ MAX_EXPERT_STAKE\), got 999 PLM/,
    );
  });

  it("adds a panel member with a profile", () => {
    const dave: Address = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
    const actions = actionsOf({ kind: "addPanelMember", expert: dave, profile: "ML safety researcher" }, { panel });
    expect(disputeCall(actions)).toMatchObject({
      functionName: "addPanelMember",
      args: [dave, "ML safety researcher"],
    });
    expect(summaries(actions)).toEqual([`Add ${dave} to the dispute panel: "ML safety researcher"`]);
  });

  it("checks a new member: address, not yet on the panel, panel not full, profile length", () => {
    expect(errorsOf({ kind: "addPanelMember", expert: bob, profile: "" }, { panel })).toEqual([
      { field: "expert", message: "Already on the panel (DisputeModule: AlreadyPanelMember)" },
      { field: "profile", message: "Enter the profile" },
    ]);
    const full = Array.from({ length: 15 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, "0")}` as Address);
    expect(errorsOf({ kind: "addPanelMember", expert: alice, profile: "p".repeat(513) }, { panel: full })).toEqual([
      { field: "expert", message: "The panel is full: 15 members at most (DisputeModule: PanelFull)" },
      {
        field: "profile",
        message:
          "The profile is 513 bytes; DisputeModule allows 512 (UTF-8: accented letters and symbols take 2 to 4 bytes)",
      },
    ]);
    expect(errorsOf({ kind: "addPanelMember", expert: zeroAddress, profile: "x" })).toEqual([
      { field: "expert", message: "The expert cannot be the zero address" },
    ]);
  });

  it("removes a panel member, refusing a non-member or a panel that would fall below the quorum", () => {
    const actions = actionsOf({ kind: "removePanelMember", expert: bob }, { panel, rulingQuorum: 2n });
    expect(disputeCall(actions)).toMatchObject({ functionName: "removePanelMember", args: [bob] });
    expect(summaries(actions)).toEqual([`Remove ${bob} from the dispute panel`]);
    expect(errorsOf({ kind: "removePanelMember", expert: addresses.token }, { panel })).toEqual([
      { field: "expert", message: "Not on the panel (DisputeModule: NotPanelMember)" },
    ]);
    expect(errorsOf({ kind: "removePanelMember", expert: bob }, { panel, rulingQuorum: 3n })).toEqual([
      {
        field: "expert",
        message:
          "The panel would drop to 2 members, below the ruling quorum of 3: lower the quorum first (DisputeModule: PanelBelowQuorum)",
      },
    ]);
  });

  it("funds the reward pool: approve, then fundRewards", () => {
    const actions = actionsOf({ kind: "fundDisputeRewards", amount: 2_000n * PLM });
    expect(actions.map((action) => action.target)).toEqual([addresses.token, addresses.disputeModule]);
    expect(decodeFunctionData({ abi: plenumTokenAbi, data: actions[0].calldata }).args).toEqual([
      addresses.disputeModule,
      2_000n * PLM,
    ]);
    expect(disputeCall(actions)).toMatchObject({ functionName: "fundRewards", args: [2_000n * PLM] });
    expect(summaries(actions)).toEqual([
      "Approve DisputeModule to spend 2,000 PLM from the treasury",
      "Fund the dispute reward pool with 2,000 PLM",
    ]);
    expect(errorsOf({ kind: "fundDisputeRewards", amount: 0n })).toEqual([
      { field: "amount", message: "The amount must be more than 0" },
    ]);
  });
});

describe("slashing a panel expert", () => {
  const disputes = [
    { id: 1n, rulings: [{ expert: alice, uphold: true, reason: "uphold", time: 0n }], idleMembers: [] },
    { id: 2n, rulings: [], idleMembers: [bob] },
  ];
  const slash = {
    kind: "slashExpert",
    expert: alice,
    amount: 1_000n * PLM,
    ground: 1n,
    disputeId: 1n,
    reason: "  Ruled without reading the evidence.  ",
  } as const;

  it("encodes slashExpert with the ground as the enum's index and decodes it with its ground and dispute", () => {
    const actions = actionsOf(slash, { disputes });
    expect(actions[0].target).toBe(addresses.disputeModule);
    expect(decodeFunctionData({ abi: disputeModuleAbi, data: actions[0].calldata })).toMatchObject({
      functionName: "slashExpert",
      args: [alice, 1_000n * PLM, 1, 1n, "Ruled without reading the evidence."],
    });
    expect(summaries(actions)).toEqual([
      `Slash up to 1,000 PLM of ${alice}'s stake for a negligent ruling on dispute #1 and remove them from the panel: ` +
        `"Ruled without reading the evidence."`,
    ]);
    expect(errorsOf({ ...slash, expert: bob, ground: 2n, disputeId: 2n }, { disputes })).toEqual([]);
  });

  it("refuses a slash the module has no ground for, as NoGroundToSlash would", () => {
    expect(errorsOf({ ...slash, ground: 2n }, { disputes })).toEqual([
      {
        field: "ground",
        message:
          "This expert was not recorded idle when dispute #1 timed out: no ground for not ruling before the dispute timed out (DisputeModule: NoGroundToSlash)",
      },
    ]);
    expect(errorsOf({ ...slash, expert: bob }, { disputes })).toEqual([
      {
        field: "ground",
        message:
          "This expert did not rule on dispute #1: no ground for a negligent ruling (DisputeModule: NoGroundToSlash)",
      },
    ]);
    expect(errorsOf({ ...slash, disputeId: 9n }, { disputes })).toEqual([
      { field: "disputeId", message: "There is no dispute #9" },
    ]);
  });

  it("checks the amount, the ground, the dispute id and the reason's length", () => {
    expect(
      errorsOf({ ...slash, amount: 0n, ground: 3n, disputeId: 0n, reason: "x".repeat(2_049) }).map(
        (error) => error.field,
      ),
    ).toEqual(["amount", "ground", "disputeId", "reason"]);
    expect(errorsOf({ ...slash, ground: 3n })[0].message).toBe(
      "Pick a ground: a malicious ruling, a negligent ruling, not ruling before the dispute timed out",
    );
  });
});

describe("custom actions", () => {
  const transfer = parseAbiItem("function transfer(address to, uint256 amount) returns (bool)") as AbiFunction;
  const deposit = parseAbiItem("function deposit((address to, uint96 amount)[] items) payable") as AbiFunction;
  const outside: Address = "0x000000000000000000000000000000000000dEaD";

  it("encodes a function call from its ABI item and text inputs", () => {
    const actions = actionsOf({
      kind: "customCall",
      target: addresses.token,
      fn: transfer,
      inputs: [bob.toLowerCase(), "1000000000000000000"],
      value: 0n,
    });
    expect(decodeFunctionData({ abi: plenumTokenAbi, data: actions[0].calldata })).toMatchObject({
      functionName: "transfer",
      args: [bob, PLM],
    });
    expect(summaries(actions)).toEqual([`Transfer 1 PLM from the treasury to ${bob}`]);
  });

  it("encodes an enum argument (uint8 in the ABI) of a system function, such as slashExpert's ground", () => {
    const slashExpert = disputeModuleAbi.find(
      (item): item is Extract<(typeof disputeModuleAbi)[number], { type: "function" }> =>
        item.type === "function" && item.name === "slashExpert",
    )!;
    expect(slashExpert.inputs[2]).toMatchObject({ type: "uint8", internalType: "enum IDisputePanelAdmin.SlashGround" });
    const input = (ground: string) =>
      ({
        kind: "customCall",
        target: addresses.disputeModule,
        fn: slashExpert,
        inputs: [alice, "1000e18", ground, "3", "Ruled without reading the evidence."],
        value: 0n,
      }) as const;
    const actions = actionsOf(input("2"));
    expect(decodeFunctionData({ abi: disputeModuleAbi, data: actions[0].calldata }).args).toEqual([
      alice,
      1_000n * PLM,
      2,
      3n,
      "Ruled without reading the evidence.",
    ]);
    expect(summaries(actions)[0]).toContain("for not ruling before the dispute timed out on dispute #3");
    expect(errorsOf(input("256"))[0]).toMatchObject({ field: "inputs.2" });
  });

  it("encodes a payable call with tuples on an outside contract", () => {
    const actions = actionsOf({
      kind: "customCall",
      target: outside,
      fn: deposit,
      inputs: [`[{"to": "${alice}", "amount": "5"}]`],
      value: 1n,
    });
    expect(actions[0]).toMatchObject({ target: outside, value: 1n });
    expect(decodeFunctionData({ abi: [deposit], data: actions[0].calldata }).args).toEqual([
      [{ to: alice, amount: 5n }],
    ]);
    expect(decodeAction(actions[0], decodeContext).summary).toBe(
      `Unknown call to ${outside} (sending 0.000000000000000001 ETH)`,
    );
  });

  it("reports argument errors by input index, and ETH sent to a non-payable function", () => {
    expect(
      errorsOf({ kind: "customCall", target: zeroAddress, fn: transfer, inputs: ["0x12", "-1"], value: 1n }),
    ).toEqual([
      { field: "target", message: "The target contract cannot be the zero address" },
      { field: "value", message: "transfer is not payable: sending ETH with it reverts" },
      { field: "inputs.0", message: 'to: "0x12" is not an address (0x followed by 40 hex digits)' },
      { field: "inputs.1", message: "amount: -1 does not fit uint256 (0 to 2^256 - 1)" },
    ]);
    expect(errorsOf({ kind: "customCall", target: outside, fn: transfer, inputs: [], value: 0n })).toEqual([
      { field: "inputs", message: "transfer takes 2 arguments, got 0" },
    ]);
    expect(() =>
      encodeTemplate({ kind: "customCall", target: outside, fn: transfer, inputs: ["x", "1"], value: 0n }, addresses),
    ).toThrow(/Invalid custom call/);
  });

  it("passes raw calldata through, with an optional value", () => {
    const calldata: Hex = `0xA9059CBB${"00".repeat(64)}`;
    const actions = actionsOf({ kind: "rawCall", target: outside, calldata: ` ${calldata} `, value: 0n });
    expect(actions).toEqual([{ target: outside, value: 0n, calldata: calldata.toLowerCase() }]);
    expect(actionsOf({ kind: "rawCall", target: outside, calldata: "", value: 5n })).toEqual([
      { target: outside, value: 5n, calldata: "0x" },
    ]);
  });

  it("validates raw calldata", () => {
    expect(errorsOf({ kind: "rawCall", target: outside, calldata: "0xzz", value: 0n })).toEqual([
      { field: "calldata", message: "Calldata must be hex: 0x followed by an even number of hex digits" },
    ]);
    expect(errorsOf({ kind: "rawCall", target: outside, calldata: "0x123", value: 0n })[0].field).toBe("calldata");
    expect(errorsOf({ kind: "rawCall", target: outside, calldata: "0x1234", value: 0n })).toEqual([
      {
        field: "calldata",
        message: "Calldata is either empty or starts with a 4-byte function selector (0x + 8 hex digits)",
      },
    ]);
    expect(errorsOf({ kind: "rawCall", target: outside, calldata: "0x", value: 0n })).toEqual([
      { field: "calldata", message: "An empty call that sends no ETH does nothing: add calldata or a value" },
    ]);
    expect(errorsOf({ kind: "rawCall", target: outside, calldata: "0x", value: -1n })).toContainEqual({
      field: "value",
      message: "The ETH value cannot be negative",
    });
  });
});

describe("the template table", () => {
  it("has a title for every kind", () => {
    expect(templateKinds).toHaveLength(27);
    for (const kind of templateKinds) expect(templates[kind].title).not.toBe("");
  });

  it("sums what a proposal's templates take out of the treasury", () => {
    const inputs: TemplateInput[] = [
      { kind: "grant", beneficiary: alice, amount: 10n * PLM, start: 0n, cliff: 0n, duration: DAY, memo: "" },
      { kind: "transferPlm", to: bob, amount: 5n * PLM },
      { kind: "fundDisputeRewards", amount: PLM },
      { kind: "transferEth", to: bob, amount: 3n },
      { kind: "rawCall", target: bob, calldata: "0x", value: 2n },
      { kind: "disputeBond", amount: 500n * PLM },
    ];
    expect(treasuryOutflow(inputs)).toEqual({ plm: 16n * PLM, eth: 5n });
  });
});

describe("parse helpers", () => {
  it("parses PLM and ETH amounts exactly", () => {
    expect(parsePlmAmount("1,250.5")).toEqual({ ok: true, value: 1_250n * PLM + PLM / 2n });
    expect(parsePlmAmount("0.000000000000000001")).toEqual({ ok: true, value: 1n });
    expect(parsePlmAmount("123456789012345678901234567890")).toEqual({
      ok: true,
      value: 123456789012345678901234567890n * PLM,
    });
    expect(parsePlmAmount("  42 PLM ")).toEqual({ ok: true, value: 42n * PLM });
    expect(parseEthAmount("1.5")).toEqual({ ok: true, value: parseEther("1.5") });
    expect(parseTokenAmount("1.25", "USDC", 6)).toEqual({ ok: true, value: 1_250_000n });
  });

  it("explains bad amounts", () => {
    expect(parsePlmAmount("")).toEqual({ ok: false, error: "Enter an amount of PLM" });
    expect(parsePlmAmount("-1")).toEqual({ ok: false, error: "The amount cannot be negative" });
    expect(parsePlmAmount("1.0000000000000000001")).toEqual({ ok: false, error: "PLM has at most 18 decimals" });
    expect(parsePlmAmount("1e18")).toEqual({ ok: false, error: '"1e18" is not an amount (e.g. 1250.5)' });
    expect(parsePlmAmount("1,25")).toMatchObject({ ok: false });
    expect(parseTokenAmount("1.2345678", "USDC", 6)).toEqual({ ok: false, error: "USDC has at most 6 decimals" });
  });

  it("parses whole numbers", () => {
    expect(parseWholeNumber("1,000")).toEqual({ ok: true, value: 1_000n });
    expect(parseWholeNumber("7")).toEqual({ ok: true, value: 7n });
    expect(parseWholeNumber("1.5")).toEqual({ ok: false, error: '"1.5" is not a whole number' });
    expect(parseWholeNumber(" ")).toEqual({ ok: false, error: "Enter a number" });
  });

  it("parses durations to seconds", () => {
    expect(parseDuration("2")).toEqual({ ok: true, value: 2n * DAY });
    expect(parseDuration("90", "minutes")).toEqual({ ok: true, value: 5_400n });
    expect(parseDuration("2 days")).toEqual({ ok: true, value: 2n * DAY });
    expect(parseDuration("1d 12h")).toEqual({ ok: true, value: DAY + 12n * 3_600n });
    expect(parseDuration("1.5 days")).toEqual({ ok: true, value: 129_600n });
    expect(parseDuration("1 week, 2 days")).toEqual({ ok: true, value: 9n * DAY });
    expect(parseDuration("30s")).toEqual({ ok: true, value: 30n });
  });

  it("explains bad durations", () => {
    expect(parseDuration("")).toMatchObject({ ok: false, error: expect.stringMatching(/^Enter a duration/) });
    expect(parseDuration("-1")).toEqual({ ok: false, error: "A duration cannot be negative" });
    expect(parseDuration("2 fortnights")).toMatchObject({ ok: false, error: expect.stringMatching(/^Unknown unit/) });
    expect(parseDuration("soon")).toMatchObject({ ok: false, error: expect.stringMatching(/is not a duration/) });
    expect(parseDuration("0.5", "seconds")).toEqual({
      ok: false,
      error: "The duration must be a whole number of seconds",
    });
  });

  it("parses UTC dates and timestamps", () => {
    expect(parseUtcTime("2026-01-01")).toEqual({ ok: true, value: 1_767_225_600n });
    expect(parseUtcTime("2026-01-01 12:30 UTC")).toEqual({ ok: true, value: 1_767_225_600n + 45_000n });
    expect(parseUtcTime("2026-01-01T12:30:15Z")).toEqual({ ok: true, value: 1_767_225_600n + 45_015n });
    expect(parseUtcTime("1767225600")).toEqual({ ok: true, value: 1_767_225_600n });
    expect(parseUtcTime("2026-02-30")).toEqual({ ok: false, error: '"2026-02-30" is not a valid date' });
    expect(parseUtcTime("1767225600000")).toMatchObject({ ok: false, error: expect.stringMatching(/milliseconds/) });
    expect(parseUtcTime("next week")).toMatchObject({ ok: false, error: expect.stringMatching(/is not a date/) });
  });

  it("parses a parameter value in its unit, the inverse of its display", () => {
    expect(parseParameterValue("12.5%", "bps")).toEqual({ ok: true, value: 1_250n });
    expect(parseParameterValue("80", "bps")).toEqual({ ok: true, value: 8_000n });
    expect(parseParameterValue("12.345", "bps")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/basis points/),
    });
    expect(parseParameterValue("0.25", "PLM per 1k tokens")).toEqual({ ok: true, value: parseEther("0.25") });
    expect(parseParameterValue("800", "ms")).toEqual({ ok: true, value: 800n });
    expect(parseParameterValue("8.5", "ms")).toMatchObject({ ok: false });
  });
});

describe("contract limits stay in step with the Solidity sources", () => {
  const source = (name: string) => readFileSync(join(__dirname, "../../contracts/src", name), "utf8");
  const constant = (text: string, name: string): bigint => {
    const match = new RegExp(`constant ${name} = ([^;]+);`).exec(text);
    if (!match) throw new Error(`${name} not found`);
    const expression = match[1].replace(/_/g, "").trim();
    const days = /^(\d+) days$/.exec(expression);
    if (days) return BigInt(days[1]) * DAY;
    const exponent = /^(\d+)e(\d+)$/.exec(expression);
    if (exponent) return BigInt(exponent[1]) * 10n ** BigInt(exponent[2]);
    return BigInt(expression);
  };

  it("DisputeModule", () => {
    const dispute = source("DisputeModule.sol");
    expect(constant(dispute, "MIN_BOND")).toBe(contractLimits.minBond);
    expect(constant(dispute, "MAX_BOND")).toBe(contractLimits.maxBond);
    expect(constant(dispute, "MAX_REWARD")).toBe(contractLimits.maxReward);
    expect(constant(dispute, "MIN_ADJUDICATION_PERIOD")).toBe(contractLimits.minAdjudicationPeriod);
    expect(constant(dispute, "MAX_ADJUDICATION_PERIOD")).toBe(contractLimits.maxAdjudicationPeriod);
    expect(constant(dispute, "MIN_EXPERT_STAKE")).toBe(contractLimits.minExpertStake);
    expect(constant(dispute, "MAX_EXPERT_STAKE")).toBe(contractLimits.maxExpertStake);
    expect(constant(dispute, "MAX_PANEL_SIZE")).toBe(BigInt(contractLimits.maxPanelSize));
    expect(constant(dispute, "MAX_PROFILE_LENGTH")).toBe(BigInt(contractLimits.panelProfileBytes));
    expect(constant(dispute, "MAX_REASON_LENGTH")).toBe(BigInt(contractLimits.reasonBytes));
  });

  it("GrantVesting and ModelRegistry", () => {
    expect(constant(source("GrantVesting.sol"), "MAX_MEMO_LENGTH")).toBe(BigInt(contractLimits.grantMemoBytes));
    expect(constant(source("ModelRegistry.sol"), "MAX_FIELD_LENGTH")).toBe(BigInt(contractLimits.publisherNameBytes));
  });

  it("the governor setters' argument widths", () => {
    const input = (name: string) =>
      plenumGovernorAbi.filter((item) => item.type === "function").find((item) => item.name === name)?.inputs[0]?.type;
    expect(input("setVotingDelay")).toBe("uint48");
    expect(input("setVotingPeriod")).toBe("uint32");
    expect(input("setLateQuorumVoteExtension")).toBe("uint48");
    expect(contractLimits.maxVotingDelay).toBe(2n ** 48n - 1n);
    expect(contractLimits.maxVotingPeriod).toBe(2n ** 32n - 1n);
  });
});
