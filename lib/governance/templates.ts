/**
 * The proposal builder's templates: each kind of change a proposer can compose turns a typed form into the
 * actions the timelock will execute, after checking the input against the limits the contracts enforce (so a
 * proposal is not voted on for a week only to revert at execution).
 *
 * The flow of a form: text fields -> parse helpers (`parsePlmAmount`, `parseDuration`, `parseAddress`, …) ->
 * a typed `TemplateInput` -> `validateTemplate` (field errors naming the contract's limit) -> `encodeTemplate`.
 * `buildTemplate` does the last two. Amounts are bigint throughout.
 *
 * The limits below mirror contracts/src (DisputeModule, GrantVesting, ModelRegistry) and OpenZeppelin's governor
 * extensions; the tests read the Solidity constants to keep them in step. The guardian's limits depend on the chain's
 * time and are read with it (`TemplateContext.guardian`).
 */
import {
  encodeFunctionData,
  getAddress,
  isAddress,
  isAddressEqual,
  isHex,
  parseUnits,
  stringToHex,
  zeroAddress,
  type AbiFunction,
  type Address,
  type Hex,
} from "viem";
import {
  disputeModuleAbi,
  grantVestingAbi,
  modelRegistryAbi,
  networkParametersAbi,
  plenumGovernorAbi,
  plenumTokenAbi,
  timelockControllerAbi,
} from "../contracts/abis.generated";
import type { Deployment } from "../contracts/deployment";
import {
  formatDuration,
  formatParameterBounds,
  formatParameterNumber,
  formatParameterValue,
  formatTimestamp,
  formatTokens,
  parameterUnitSuffix,
} from "../format";
import { encodeCustomCall, parseArgument, type Parsed } from "./abi-inputs";
import type { ParameterInfo, ProposalAction } from "./actions";
import { slashGroundNames, type DisputeRecord } from "./disputes";
import type { GuardianState } from "./guardian";
import { utf8Length } from "../format";
import { percentOf } from "./votes";

export { parseAddress, type Parsed } from "./abi-inputs";

/** The system contracts the templates call. A deployment file satisfies this. */
export type TemplateAddresses = Pick<
  Deployment,
  "token" | "governor" | "timelock" | "networkParameters" | "modelRegistry" | "grantVesting" | "disputeModule"
>;

/** A problem with one field of a template's form; `field` is the input's property name. */
export type FieldError = { field: string; message: string };

export type BuildResult = { ok: true; actions: ProposalAction[] } | { ok: false; errors: FieldError[] };

/** What the app read from the chain to check a form against; every part is optional and checked when present. */
export type TemplateContext = {
  /** Every network parameter by key name, with its value, bounds and unit (needed by `parameterChange`). */
  parameters?: ReadonlyMap<string, ParameterInfo>;
  /** What the treasury (timelock) holds: a grant or transfer may not exceed it. */
  treasury?: { plm?: bigint; eth?: bigint };
  /** PlenumToken.totalSupply(): a proposal threshold above it would stop every proposal. */
  totalSupply?: bigint;
  /** PlenumGovernor.quorumDenominator() (OpenZeppelin's default, 100, when absent). */
  quorumDenominator?: bigint;
  /** DisputeModule.panelMembers(). */
  panel?: readonly Address[];
  /** DisputeModule.rulingQuorum(). */
  rulingQuorum?: bigint;
  /** ModelRegistry.modelCount() (ids run from 1 to it). */
  modelCount?: bigint;
  /** The guardian's term and the pause settings, with the contracts' constants (needed by the guardian templates). */
  guardian?: GuardianState;
  /** The chain's time (seconds): the latest end of the guardian's term counts from it. */
  now?: bigint;
  /** The dispute module's disputes, with who ruled and who sat idle: the grounds a slash needs. */
  disputes?: readonly Pick<DisputeRecord, "id" | "rulings" | "idleMembers">[];
};

const DAY = 86_400n;
const PLM = 10n ** 18n;
const maxUint = (bits: number) => (1n << BigInt(bits)) - 1n;

/** The contracts' limits, mirrored (the tests compare them with the Solidity sources). */
export const contractLimits = {
  /** ModelRegistry.MAX_FIELD_LENGTH: publisher names (and model fields), in UTF-8 bytes. */
  publisherNameBytes: 256,
  /** GrantVesting.MAX_MEMO_LENGTH, in UTF-8 bytes. */
  grantMemoBytes: 1_024,
  /** DisputeModule's bounds. */
  minBond: 100n * PLM,
  maxBond: 1_000_000n * PLM,
  maxReward: 1_000_000n * PLM,
  minAdjudicationPeriod: 1n * DAY,
  maxAdjudicationPeriod: 14n * DAY,
  minExpertStake: 1_000n * PLM,
  maxExpertStake: 10_000_000n * PLM,
  maxPanelSize: 15,
  panelProfileBytes: 512,
  /** DisputeModule.MAX_REASON_LENGTH: a ruling's or a slash's reason, in UTF-8 bytes. */
  reasonBytes: 2_048,
  /** Argument widths of the governor's setters (GovernorSettings, GovernorPreventLateQuorum). */
  maxVotingDelay: maxUint(48),
  maxVotingPeriod: maxUint(32),
  maxLateQuorumExtension: maxUint(48),
  /** GrantVesting stores start, cliff and duration as uint64. */
  maxUint64: maxUint(64),
} as const;

// ---------------------------------------------------------------- inputs

type Inputs = {
  /** NetworkParameters.setParameter(key, value): `key` is the parameter's name ("inferenceFee"). */
  parameterChange: { key: string; value: bigint };
  /** ModelRegistry.setPublisher(publisher, true, name). */
  verifyPublisher: { publisher: Address; name: string };
  /** ModelRegistry.setPublisher(publisher, false, name): the contract needs a name here too (keep the current one). */
  revokePublisher: { publisher: Address; name: string };
  /** ModelRegistry.delistModel(modelId, reason). */
  delistModel: { modelId: bigint; reason: string };
  /** token.approve(grantVesting, amount), then GrantVesting.createGrant(...). Times in seconds. */
  grant: { beneficiary: Address; amount: bigint; start: bigint; cliff: bigint; duration: bigint; memo: string };
  /** token.transfer(to, amount) from the treasury. */
  transferPlm: { to: Address; amount: bigint };
  /** ETH from the treasury: a call to `to` with `amount` wei and no calldata. */
  transferEth: { to: Address; amount: bigint };
  /** PlenumGovernor.setVotingDelay (seconds: the token's clock is the timestamp). */
  votingDelay: { seconds: bigint };
  /** PlenumGovernor.setVotingPeriod (seconds). */
  votingPeriod: { seconds: bigint };
  /** PlenumGovernor.setProposalThreshold (PLM wei). */
  proposalThreshold: { amount: bigint };
  /** PlenumGovernor.updateQuorumNumerator (of `quorumDenominator`, by default percent). */
  quorumNumerator: { numerator: bigint };
  /** PlenumGovernor.setLateQuorumVoteExtension (seconds). */
  lateQuorumExtension: { seconds: bigint };
  /** TimelockController.updateDelay, called on the timelock itself (seconds). */
  timelockDelay: { seconds: bigint };
  /** DisputeModule.setBond (PLM wei). */
  disputeBond: { amount: bigint };
  /** DisputeModule.setRewardAmount (PLM wei). */
  disputeReward: { amount: bigint };
  /** DisputeModule.setAdjudicationPeriod (seconds). */
  adjudicationPeriod: { seconds: bigint };
  /** DisputeModule.setRulingQuorum: matching rulings that decide a dispute. */
  rulingQuorum: { quorum: bigint };
  /** DisputeModule.setExpertStake (PLM wei). */
  expertStake: { amount: bigint };
  /** DisputeModule.addPanelMember(expert, profile). */
  addPanelMember: { expert: Address; profile: string };
  /** DisputeModule.removePanelMember(expert). */
  removePanelMember: { expert: Address };
  /** token.approve(disputeModule, amount), then DisputeModule.fundRewards(amount) (it pulls with transferFrom). */
  fundDisputeRewards: { amount: bigint };
  /** PlenumGovernor.setProposalGuardian: the zero address removes the guardian. */
  proposalGuardian: { guardian: Address };
  /** PlenumGovernor.setGuardianTermEnd (a timestamp; one in the past ends the term at once). */
  guardianTermEnd: { termEnd: bigint };
  /** NetworkParameters.setPauseDuration (seconds): how long a pause lasts unless renewed. */
  pauseDuration: { seconds: bigint };
  /**
   * DisputeModule.slashExpert: up to `amount` of the expert's stake, on a ground the module recorded on `disputeId`
   * (`ground` in IDisputePanelAdmin.SlashGround order, as `slashGroundNames`).
   */
  slashExpert: { expert: Address; amount: bigint; ground: bigint; disputeId: bigint; reason: string };
  /** Any function of any contract, from its ABI item and one text per argument (see abi-inputs.ts). */
  customCall: { target: Address; fn: AbiFunction; inputs: readonly string[]; value: bigint };
  /** Raw calldata (hex, possibly empty) with an optional ETH value. */
  rawCall: { target: Address; calldata: string; value: bigint };
};

export type TemplateKind = keyof Inputs;
export type TemplateInputOf<K extends TemplateKind> = { kind: K } & Inputs[K];
export type TemplateInput = { [K in TemplateKind]: TemplateInputOf<K> }[TemplateKind];

type Definition<I> = {
  /** A short label for the template picker. */
  title: string;
  /** Field errors; empty when the contracts would accept the input (as far as the context tells). */
  validate: (input: I, context: TemplateContext) => FieldError[];
  /** The actions, in execution order. Validate first: encoding assumes a valid input. */
  encode: (input: I, addresses: TemplateAddresses) => ProposalAction[];
};

// ---------------------------------------------------------------- field checks

type Errors = FieldError[];

function checkAddress(
  errors: Errors,
  field: string,
  value: Address,
  what: string,
  options: { allowZero?: boolean } = {},
) {
  if (typeof value !== "string" || !isAddress(value)) {
    errors.push({ field, message: `Enter the ${what}'s address (0x followed by 40 hex digits)` });
    return false;
  }
  if (!options.allowZero && isAddressEqual(value, zeroAddress)) {
    errors.push({ field, message: `The ${what} cannot be the zero address` });
    return false;
  }
  return true;
}

function checkText(errors: Errors, field: string, text: string, what: string, maxBytes: number, source: string) {
  const bytes = utf8Length(text.trim());
  if (bytes === 0) errors.push({ field, message: `Enter the ${what}` });
  else if (bytes > maxBytes) {
    errors.push({
      field,
      message:
        `The ${what} is ${bytes.toLocaleString("en-US")} bytes; ${source} allows ${maxBytes.toLocaleString("en-US")} ` +
        `(UTF-8: accented letters and symbols take 2 to 4 bytes)`,
    });
  }
}

function checkRange(
  errors: Errors,
  field: string,
  value: bigint,
  range: { min?: bigint; max?: bigint },
  message: string,
) {
  if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
    errors.push({ field, message });
  }
}

function checkPositiveAmount(errors: Errors, field: string, amount: bigint, what: string) {
  if (amount <= 0n) {
    errors.push({ field, message: `The ${what} must be more than 0` });
    return false;
  }
  return true;
}

function checkTreasury(errors: Errors, field: string, amount: bigint, held: bigint | undefined, symbol: string) {
  if (held !== undefined && amount > held) {
    const shown = (value: bigint) => `${formatTokens(value, 4)} ${symbol}`;
    errors.push({ field, message: `The treasury holds ${shown(held)}, less than ${shown(amount)}` });
  }
}

const plm = (amount: bigint) => `${formatTokens(amount, 4)} PLM`;
const trim = (text: string) => text.trim();

// ---------------------------------------------------------------- encoding helpers

function call(target: Address, calldata: Hex, value = 0n): ProposalAction {
  return { target, value, calldata };
}

/** The bytes32 key of a network parameter: its name as UTF-8, right-padded (Solidity's `bytes32 x = "name"`). */
export function parameterKey(name: string): Hex {
  return stringToHex(name, { size: 32 });
}

function approve(addresses: TemplateAddresses, spender: Address, amount: bigint): ProposalAction {
  return call(
    addresses.token,
    encodeFunctionData({ abi: plenumTokenAbi, functionName: "approve", args: [spender, amount] }),
  );
}

function governorCall(addresses: TemplateAddresses, calldata: Hex): ProposalAction[] {
  return [call(addresses.governor, calldata)];
}

function disputeCall(addresses: TemplateAddresses, calldata: Hex): ProposalAction[] {
  return [call(addresses.disputeModule, calldata)];
}

// ---------------------------------------------------------------- definitions

const definitions: { [K in TemplateKind]: Definition<Inputs[K]> } = {
  parameterChange: {
    title: "Change a network parameter",
    validate: ({ key, value }, { parameters }) => {
      const errors: Errors = [];
      if (utf8Length(key) === 0 || utf8Length(key) > 32) {
        return [{ field: "key", message: "Pick a network parameter (a key of at most 32 bytes)" }];
      }
      if (!parameters) return [{ field: "key", message: "The network parameters are not loaded yet" }];
      const info = parameters.get(key);
      if (!info) {
        return [{ field: "key", message: `"${key}" is not a network parameter (NetworkParameters: UnknownParameter)` }];
      }
      errors.push(...checkParameterBounds(key, value, info));
      return errors;
    },
    encode: ({ key, value }, addresses) => [
      call(
        addresses.networkParameters,
        encodeFunctionData({
          abi: networkParametersAbi,
          functionName: "setParameter",
          args: [parameterKey(key), value],
        }),
      ),
    ],
  },

  verifyPublisher: {
    title: "Verify a model publisher",
    validate: ({ publisher, name }) => validatePublisher(publisher, name),
    encode: ({ publisher, name }, addresses) => [setPublisher(addresses, publisher, true, name)],
  },

  revokePublisher: {
    title: "Revoke a model publisher",
    validate: ({ publisher, name }) => validatePublisher(publisher, name),
    encode: ({ publisher, name }, addresses) => [setPublisher(addresses, publisher, false, name)],
  },

  delistModel: {
    title: "Delist a model",
    validate: ({ modelId, reason }, { modelCount }) => {
      const errors: Errors = [];
      if (modelId < 1n)
        errors.push({ field: "modelId", message: "Model ids start at 1 (ModelRegistry: UnknownModel)" });
      else if (modelCount !== undefined && modelId > modelCount) {
        errors.push({
          field: "modelId",
          message: `There is no model #${modelId}: the registry holds models #1 to #${modelCount} (UnknownModel)`,
        });
      }
      if (reason.trim() === "") errors.push({ field: "reason", message: "Give a reason: it is recorded on chain" });
      return errors;
    },
    encode: ({ modelId, reason }, addresses) => [
      call(
        addresses.modelRegistry,
        encodeFunctionData({ abi: modelRegistryAbi, functionName: "delistModel", args: [modelId, trim(reason)] }),
      ),
    ],
  },

  grant: {
    title: "Treasury grant (vesting)",
    validate: (input, { treasury }) => {
      const errors: Errors = [];
      const { maxUint64, grantMemoBytes } = contractLimits;
      checkAddress(errors, "beneficiary", input.beneficiary, "beneficiary");
      if (checkPositiveAmount(errors, "amount", input.amount, "grant amount")) {
        checkTreasury(errors, "amount", input.amount, treasury?.plm, "PLM");
      }
      checkRange(
        errors,
        "start",
        input.start,
        { min: 0n, max: maxUint64 },
        "The start must be a time in seconds (uint64)",
      );
      if (input.duration <= 0n) {
        errors.push({
          field: "duration",
          message: "The vesting duration must be more than 0 (GrantVesting: InvalidSchedule)",
        });
      } else if (input.duration > maxUint64) {
        errors.push({ field: "duration", message: "The vesting duration does not fit uint64" });
      }
      if (input.cliff < 0n) errors.push({ field: "cliff", message: "The cliff cannot be negative" });
      else if (input.duration > 0n && input.cliff > input.duration) {
        errors.push({
          field: "cliff",
          message:
            `The cliff (${formatDuration(input.cliff)}) cannot be longer than the vesting duration ` +
            `(${formatDuration(input.duration)}) (GrantVesting: InvalidSchedule)`,
        });
      }
      const memoBytes = utf8Length(input.memo.trim());
      if (memoBytes > grantMemoBytes) {
        errors.push({
          field: "memo",
          message:
            `The memo is ${memoBytes.toLocaleString("en-US")} bytes; GrantVesting allows ` +
            `${grantMemoBytes.toLocaleString("en-US")} (MemoTooLong; UTF-8: accented letters and symbols take 2 to 4 bytes)`,
        });
      }
      return errors;
    },
    encode: (input, addresses) => [
      approve(addresses, addresses.grantVesting, input.amount),
      call(
        addresses.grantVesting,
        encodeFunctionData({
          abi: grantVestingAbi,
          functionName: "createGrant",
          args: [input.beneficiary, input.amount, input.start, input.cliff, input.duration, trim(input.memo)],
        }),
      ),
    ],
  },

  transferPlm: {
    title: "Transfer PLM from the treasury",
    validate: ({ to, amount }, { treasury }) => {
      const errors: Errors = [];
      checkAddress(errors, "to", to, "recipient");
      if (checkPositiveAmount(errors, "amount", amount, "amount")) {
        checkTreasury(errors, "amount", amount, treasury?.plm, "PLM");
      }
      return errors;
    },
    encode: ({ to, amount }, addresses) => [
      call(addresses.token, encodeFunctionData({ abi: plenumTokenAbi, functionName: "transfer", args: [to, amount] })),
    ],
  },

  transferEth: {
    title: "Send ETH from the treasury",
    validate: ({ to, amount }, { treasury }) => {
      const errors: Errors = [];
      checkAddress(errors, "to", to, "recipient");
      if (checkPositiveAmount(errors, "amount", amount, "amount")) {
        checkTreasury(errors, "amount", amount, treasury?.eth, "ETH");
      }
      return errors;
    },
    encode: ({ to, amount }) => [call(getAddress(to), "0x", amount)],
  },

  votingDelay: {
    title: "Voting delay",
    validate: ({ seconds }) =>
      durationErrors(seconds, contractLimits.maxVotingDelay, "The voting delay", "uint48, GovernorSettings"),
    encode: ({ seconds }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setVotingDelay", args: [Number(seconds)] }),
      ),
  },

  votingPeriod: {
    title: "Voting period",
    validate: ({ seconds }) => {
      if (seconds <= 0n) {
        return [
          {
            field: "seconds",
            message: "The voting period must be more than 0 (GovernorSettings: GovernorInvalidVotingPeriod)",
          },
        ];
      }
      return durationErrors(seconds, contractLimits.maxVotingPeriod, "The voting period", "uint32, GovernorSettings");
    },
    encode: ({ seconds }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setVotingPeriod", args: [Number(seconds)] }),
      ),
  },

  proposalThreshold: {
    title: "Proposal threshold",
    validate: ({ amount }, { totalSupply }) => {
      if (amount < 0n) return [{ field: "amount", message: "The proposal threshold cannot be negative" }];
      if (totalSupply !== undefined && amount > totalSupply) {
        return [
          {
            field: "amount",
            message: `No one could propose: ${plm(amount)} is more than the whole supply (${plm(totalSupply)})`,
          },
        ];
      }
      return [];
    },
    encode: ({ amount }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setProposalThreshold", args: [amount] }),
      ),
  },

  quorumNumerator: {
    title: "Quorum",
    validate: ({ numerator }, { quorumDenominator = 100n }) => {
      if (numerator <= 0n) {
        return [
          {
            field: "numerator",
            message: "The quorum cannot be 0: PlenumGovernor refuses it (QuorumNumeratorZero)",
          },
        ];
      }
      if (numerator > quorumDenominator) {
        return [
          {
            field: "numerator",
            message:
              `The quorum numerator cannot exceed the denominator (${quorumDenominator}): ` +
              `GovernorVotesQuorumFraction reverts with GovernorInvalidQuorumFraction`,
          },
        ];
      }
      return [];
    },
    encode: ({ numerator }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({ abi: plenumGovernorAbi, functionName: "updateQuorumNumerator", args: [numerator] }),
      ),
  },

  lateQuorumExtension: {
    title: "Late-quorum vote extension",
    validate: ({ seconds }) =>
      durationErrors(
        seconds,
        contractLimits.maxLateQuorumExtension,
        "The late-quorum extension",
        "uint48, GovernorPreventLateQuorum",
      ),
    encode: ({ seconds }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({
          abi: plenumGovernorAbi,
          functionName: "setLateQuorumVoteExtension",
          args: [Number(seconds)],
        }),
      ),
  },

  timelockDelay: {
    title: "Timelock delay (challenge window)",
    validate: ({ seconds }) => {
      if (seconds <= 0n) {
        return [
          {
            field: "seconds",
            message:
              "The timelock delay must be more than 0: it is the challenge window, and with none a queued proposal " +
              "could not be disputed (a Plenum rule: TimelockController itself accepts any delay)",
          },
        ];
      }
      return durationErrors(seconds, maxUint(256), "The timelock delay", "uint256");
    },
    encode: ({ seconds }, addresses) => [
      call(
        addresses.timelock,
        encodeFunctionData({ abi: timelockControllerAbi, functionName: "updateDelay", args: [seconds] }),
      ),
    ],
  },

  disputeBond: {
    title: "Dispute bond",
    validate: ({ amount }) =>
      boundsErrors(
        "amount",
        amount,
        contractLimits.minBond,
        contractLimits.maxBond,
        plm,
        "The dispute bond",
        "DisputeModule MIN_BOND / MAX_BOND",
      ),
    encode: ({ amount }, addresses) =>
      disputeCall(addresses, encodeFunctionData({ abi: disputeModuleAbi, functionName: "setBond", args: [amount] })),
  },

  disputeReward: {
    title: "Reward for an upheld dispute",
    validate: ({ amount }) =>
      boundsErrors(
        "amount",
        amount,
        0n,
        contractLimits.maxReward,
        plm,
        "The dispute reward",
        "DisputeModule MAX_REWARD",
      ),
    encode: ({ amount }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "setRewardAmount", args: [amount] }),
      ),
  },

  adjudicationPeriod: {
    title: "Dispute adjudication period",
    validate: ({ seconds }) =>
      boundsErrors(
        "seconds",
        seconds,
        contractLimits.minAdjudicationPeriod,
        contractLimits.maxAdjudicationPeriod,
        formatDuration,
        "The adjudication period",
        "DisputeModule MIN_ADJUDICATION_PERIOD / MAX_ADJUDICATION_PERIOD",
      ),
    encode: ({ seconds }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "setAdjudicationPeriod", args: [seconds] }),
      ),
  },

  rulingQuorum: {
    title: "Dispute ruling quorum",
    validate: ({ quorum }, { panel }) => {
      const max = BigInt(panel?.length ?? contractLimits.maxPanelSize);
      const what = panel ? `the panel's size (${max} members)` : `MAX_PANEL_SIZE (${max})`;
      if (quorum < 1n || quorum > max) {
        return [
          {
            field: "quorum",
            message: `The ruling quorum must be between 1 and ${what} (DisputeModule: SettingOutOfBounds)`,
          },
        ];
      }
      return [];
    },
    encode: ({ quorum }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "setRulingQuorum", args: [quorum] }),
      ),
  },

  expertStake: {
    title: "Panel expert stake",
    validate: ({ amount }) =>
      boundsErrors(
        "amount",
        amount,
        contractLimits.minExpertStake,
        contractLimits.maxExpertStake,
        plm,
        "The expert stake",
        "DisputeModule MIN_EXPERT_STAKE / MAX_EXPERT_STAKE",
      ),
    encode: ({ amount }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "setExpertStake", args: [amount] }),
      ),
  },

  addPanelMember: {
    title: "Add a dispute panel member",
    validate: ({ expert, profile }, { panel }) => {
      const errors: Errors = [];
      if (checkAddress(errors, "expert", expert, "expert") && panel?.some((member) => isAddressEqual(member, expert))) {
        errors.push({ field: "expert", message: "Already on the panel (DisputeModule: AlreadyPanelMember)" });
      }
      if (panel && panel.length >= contractLimits.maxPanelSize) {
        errors.push({
          field: "expert",
          message: `The panel is full: ${contractLimits.maxPanelSize} members at most (DisputeModule: PanelFull)`,
        });
      }
      checkText(errors, "profile", profile, "profile", contractLimits.panelProfileBytes, "DisputeModule");
      return errors;
    },
    encode: ({ expert, profile }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "addPanelMember", args: [expert, trim(profile)] }),
      ),
  },

  removePanelMember: {
    title: "Remove a dispute panel member",
    validate: ({ expert }, { panel, rulingQuorum }) => {
      const errors: Errors = [];
      if (!checkAddress(errors, "expert", expert, "expert") || !panel) return errors;
      if (!panel.some((member) => isAddressEqual(member, expert))) {
        errors.push({ field: "expert", message: "Not on the panel (DisputeModule: NotPanelMember)" });
      } else if (rulingQuorum !== undefined && BigInt(panel.length - 1) < rulingQuorum) {
        errors.push({
          field: "expert",
          message:
            `The panel would drop to ${panel.length - 1} members, below the ruling quorum of ${rulingQuorum}: ` +
            `lower the quorum first (DisputeModule: PanelBelowQuorum)`,
        });
      }
      return errors;
    },
    encode: ({ expert }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "removePanelMember", args: [expert] }),
      ),
  },

  fundDisputeRewards: {
    title: "Fund the dispute reward pool",
    validate: ({ amount }, { treasury }) => {
      const errors: Errors = [];
      if (checkPositiveAmount(errors, "amount", amount, "amount")) {
        checkTreasury(errors, "amount", amount, treasury?.plm, "PLM");
      }
      return errors;
    },
    encode: ({ amount }, addresses) => [
      approve(addresses, addresses.disputeModule, amount),
      ...disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "fundRewards", args: [amount] }),
      ),
    ],
  },

  proposalGuardian: {
    title: "Proposal guardian (security council)",
    validate: ({ guardian }) => {
      const errors: Errors = [];
      checkAddress(errors, "guardian", guardian, "guardian", { allowZero: true });
      return errors;
    },
    encode: ({ guardian }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setProposalGuardian", args: [guardian] }),
      ),
  },

  guardianTermEnd: {
    title: "End of the guardian's term",
    validate: ({ termEnd }, { guardian, now }) => {
      if (!guardian || now === undefined) {
        return [{ field: "termEnd", message: "The guardian's term is not loaded yet" }];
      }
      const latest = now + guardian.maxTerm;
      if (termEnd > latest) {
        return [
          {
            field: "termEnd",
            message:
              `The guardian's term can end at the latest ${formatTimestamp(latest)}, ${formatDuration(guardian.maxTerm)} ` +
              `from now (PlenumGovernor: GuardianTermTooLong)`,
          },
        ];
      }
      return [];
    },
    encode: ({ termEnd }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setGuardianTermEnd", args: [Number(termEnd)] }),
      ),
  },

  pauseDuration: {
    title: "How long a pause lasts",
    validate: ({ seconds }, { guardian }) => {
      if (!guardian) return [{ field: "seconds", message: "The pause settings are not loaded yet" }];
      return boundsErrors(
        "seconds",
        seconds,
        guardian.minPauseDuration,
        guardian.maxPauseDuration,
        formatDuration,
        "A pause",
        "NetworkParameters MIN_PAUSE_DURATION / MAX_PAUSE_DURATION",
      );
    },
    encode: ({ seconds }, addresses) => [
      call(
        addresses.networkParameters,
        encodeFunctionData({ abi: networkParametersAbi, functionName: "setPauseDuration", args: [seconds] }),
      ),
    ],
  },

  slashExpert: {
    title: "Slash a panel expert",
    validate: (input, { disputes }) => {
      const errors: Errors = [];
      const expertOk = checkAddress(errors, "expert", input.expert, "expert");
      checkPositiveAmount(errors, "amount", input.amount, "amount to slash");
      const groundOk = input.ground >= 0n && input.ground < BigInt(slashGroundNames.length);
      if (!groundOk) {
        errors.push({ field: "ground", message: `Pick a ground: ${slashGroundNames.join(", ")}` });
      }
      if (input.disputeId < 1n) {
        errors.push({ field: "disputeId", message: "Dispute ids start at 1" });
      } else if (disputes) {
        const dispute = disputes.find((candidate) => candidate.id === input.disputeId);
        if (!dispute) errors.push({ field: "disputeId", message: `There is no dispute #${input.disputeId}` });
        else if (expertOk && groundOk && !hasSlashGround(dispute, input.expert, input.ground)) {
          errors.push({ field: "ground", message: missingGround(input.ground, input.disputeId) });
        }
      }
      checkText(errors, "reason", input.reason, "reason", contractLimits.reasonBytes, "DisputeModule");
      return errors;
    },
    encode: ({ expert, amount, ground, disputeId, reason }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({
          abi: disputeModuleAbi,
          functionName: "slashExpert",
          args: [expert, amount, Number(ground), disputeId, trim(reason)],
        }),
      ),
  },

  customCall: {
    title: "Custom action (contract function)",
    validate: ({ target, fn, inputs, value }) => {
      const errors: Errors = [];
      checkAddress(errors, "target", target, "target contract");
      if (value < 0n) errors.push({ field: "value", message: "The ETH value cannot be negative" });
      else if (value > 0n && fn.stateMutability !== "payable") {
        errors.push({ field: "value", message: `${fn.name} is not payable: sending ETH with it reverts` });
      }
      if (inputs.length !== fn.inputs.length) {
        errors.push({
          field: "inputs",
          message: `${fn.name} takes ${fn.inputs.length} arguments, got ${inputs.length}`,
        });
        return errors;
      }
      fn.inputs.forEach((param, i) => {
        const result = parseArgument(param, inputs[i], param.name || `arg${i}`);
        if (!result.ok) errors.push(...result.errors.map((message) => ({ field: `inputs.${i}`, message })));
      });
      return errors;
    },
    encode: ({ target, fn, inputs, value }) => {
      const result = encodeCustomCall(fn, inputs);
      if (!result.ok) throw new Error(`Invalid custom call: ${result.errors.join("; ")}`);
      return [call(getAddress(target), result.calldata, value)];
    },
  },

  rawCall: {
    title: "Custom action (raw calldata)",
    validate: ({ target, calldata, value }) => {
      const errors: Errors = [];
      checkAddress(errors, "target", target, "target");
      const hex = calldata.trim() === "" ? "0x" : calldata.trim();
      if (!/^0x([0-9a-fA-F]{2})*$/.test(hex)) {
        errors.push({
          field: "calldata",
          message: "Calldata must be hex: 0x followed by an even number of hex digits",
        });
      } else if (hex.length > 2 && hex.length < 10) {
        errors.push({
          field: "calldata",
          message: "Calldata is either empty or starts with a 4-byte function selector (0x + 8 hex digits)",
        });
      } else if (hex === "0x" && value === 0n) {
        errors.push({
          field: "calldata",
          message: "An empty call that sends no ETH does nothing: add calldata or a value",
        });
      }
      if (value < 0n) errors.push({ field: "value", message: "The ETH value cannot be negative" });
      return errors;
    },
    encode: ({ target, calldata, value }) => {
      const hex = calldata.trim() === "" ? "0x" : calldata.trim().toLowerCase();
      if (!isHex(hex)) throw new Error(`Invalid calldata: ${calldata}`);
      return [call(getAddress(target), hex, value)];
    },
  },
};

function validatePublisher(publisher: Address, name: string): FieldError[] {
  const errors: Errors = [];
  checkAddress(errors, "publisher", publisher, "publisher");
  checkText(errors, "name", name, "publisher name", contractLimits.publisherNameBytes, "ModelRegistry");
  return errors;
}

function setPublisher(addresses: TemplateAddresses, publisher: Address, verified: boolean, name: string) {
  return call(
    addresses.modelRegistry,
    encodeFunctionData({
      abi: modelRegistryAbi,
      functionName: "setPublisher",
      args: [publisher, verified, trim(name)],
    }),
  );
}

function durationErrors(seconds: bigint, max: bigint, what: string, source: string): FieldError[] {
  if (seconds < 0n) return [{ field: "seconds", message: `${what} cannot be negative` }];
  if (seconds > max)
    return [{ field: "seconds", message: `${what} does not fit its type (${source}): at most ${max} seconds` }];
  return [];
}

/** `source` names the contract's bounds, e.g. "DisputeModule MIN_BOND / MAX_BOND". */
function boundsErrors(
  field: string,
  value: bigint,
  min: bigint,
  max: bigint,
  show: (value: bigint) => string,
  what: string,
  source: string,
): FieldError[] {
  if (value >= min && value <= max) return [];
  return [
    {
      field,
      message: `${what} must be between ${show(min)} and ${show(max)} (${source}), got ${show(value)}`,
    },
  ];
}

/** As DisputeModule.slashExpert checks it: a ruling cast on the dispute, or idleness recorded when it timed out. */
function hasSlashGround(
  dispute: Pick<DisputeRecord, "rulings" | "idleMembers">,
  expert: Address,
  ground: bigint,
): boolean {
  if (ground === 2n) return dispute.idleMembers.some((member) => isAddressEqual(member, expert));
  return dispute.rulings.some((ruling) => isAddressEqual(ruling.expert, expert));
}

function missingGround(ground: bigint, disputeId: bigint): string {
  const record =
    ground === 2n
      ? `was not recorded idle when dispute #${disputeId} timed out`
      : `did not rule on dispute #${disputeId}`;
  return `This expert ${record}: no ground for ${slashGroundNames[Number(ground)]} (DisputeModule: NoGroundToSlash)`;
}

/** The bounds check of a parameter change, in the parameter's unit. */
function checkParameterBounds(
  key: string,
  value: bigint,
  info: Pick<ParameterInfo, "min" | "max" | "unit">,
): FieldError[] {
  if (value >= info.min && value <= info.max) return [];
  return [
    {
      field: "value",
      message:
        `${key} must be within ${formatParameterBounds(info.min, info.max, info.unit)}, got ` +
        `${formatParameterValue(value, info.unit)} (NetworkParameters reverts with ParameterOutOfBounds)`,
    },
  ];
}

// ---------------------------------------------------------------- public API

/** Every template's title, validator and encoder, by kind. */
export const templates: { readonly [K in TemplateKind]: Definition<Inputs[K]> } = definitions;

export const templateKinds = Object.keys(definitions) as TemplateKind[];

/** Field errors of a template's input; empty when it is valid. */
export function validateTemplate<K extends TemplateKind>(input: TemplateInputOf<K>, context: TemplateContext = {}) {
  const definition: Definition<Inputs[K]> = definitions[input.kind];
  return definition.validate(input, context);
}

/** The actions of a valid template input, in execution order. */
export function encodeTemplate<K extends TemplateKind>(
  input: TemplateInputOf<K>,
  addresses: TemplateAddresses,
): ProposalAction[] {
  const definition: Definition<Inputs[K]> = definitions[input.kind];
  return definition.encode(input, addresses);
}

/** Validate, then encode: the actions, or every field error. */
export function buildTemplate<K extends TemplateKind>(
  input: TemplateInputOf<K>,
  addresses: TemplateAddresses,
  context: TemplateContext = {},
): BuildResult {
  const errors = validateTemplate(input, context);
  return errors.length ? { ok: false, errors } : { ok: true, actions: encodeTemplate(input, addresses) };
}

/** What a list of templates takes out of the treasury: PLM granted, transferred or put in the reward pool, and ETH. */
export function treasuryOutflow(inputs: readonly TemplateInput[]): { plm: bigint; eth: bigint } {
  let plmOut = 0n;
  let ethOut = 0n;
  for (const input of inputs) {
    switch (input.kind) {
      case "grant":
      case "transferPlm":
      case "fundDisputeRewards":
        plmOut += input.amount;
        break;
      case "transferEth":
        ethOut += input.amount;
        break;
      case "customCall":
      case "rawCall":
        ethOut += input.value;
        break;
    }
  }
  return { plm: plmOut, eth: ethOut };
}

// ---------------------------------------------------------------- parameter change line

/**
 * The change a parameter template makes, for the form: "0.20 → 0.25 PLM per 1k tokens (+25%)", "80% → 60% (-25%)".
 * The percentage is relative to the current value; "(no change)" when equal, none when the current value is 0.
 * For the full line with the key and bounds, see `describeParameterChange` in actions.ts.
 */
export function parameterChangeLine(info: Pick<ParameterInfo, "value" | "unit">, to: bigint): string {
  const from = info.value;
  const line = `${formatParameterNumber(from, info.unit)} → ${formatParameterNumber(to, info.unit)}${parameterUnitSuffix(info.unit)}`;
  if (to === from) return `${line} (no change)`;
  if (from === 0n) return line;
  const change = percentOf(to - from, from);
  const shown = Math.abs(change).toLocaleString("en-US", { maximumFractionDigits: 2 });
  return `${line} (${change > 0 ? "+" : "-"}${shown}%)`;
}

// ---------------------------------------------------------------- parse helpers (text -> typed input)

const amountPattern = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** A token amount typed as a decimal ("1,250.5"), in its smallest unit; never through a JS number. */
export function parseTokenAmount(text: string, symbol: string, decimals = 18): Parsed<bigint> {
  const trimmed = text.trim().replace(new RegExp(`\\s*${symbol.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i"), "");
  if (trimmed === "") return { ok: false, error: `Enter an amount of ${symbol}` };
  if (trimmed.startsWith("-")) return { ok: false, error: "The amount cannot be negative" };
  if (!amountPattern.test(trimmed)) return { ok: false, error: `"${text.trim()}" is not an amount (e.g. 1250.5)` };
  const plain = trimmed.replace(/,/g, "");
  const fraction = plain.split(".")[1] ?? "";
  if (fraction.length > decimals) return { ok: false, error: `${symbol} has at most ${decimals} decimals` };
  return { ok: true, value: parseUnits(plain, decimals) };
}

/** An amount of PLM (18 decimals) in wei. */
export function parsePlmAmount(text: string): Parsed<bigint> {
  return parseTokenAmount(text, "PLM", 18);
}

/** An amount of ETH (18 decimals) in wei. */
export function parseEthAmount(text: string): Parsed<bigint> {
  return parseTokenAmount(text, "ETH", 18);
}

/** A whole number ≥ 0 typed in decimal ("1,000" allowed): model ids, quorum numerators, ruling quorums. */
export function parseWholeNumber(text: string): Parsed<bigint> {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Enter a number" };
  if (!/^(\d{1,3}(,\d{3})+|\d+)$/.test(trimmed)) return { ok: false, error: `"${trimmed}" is not a whole number` };
  return { ok: true, value: BigInt(trimmed.replace(/,/g, "")) };
}

export type DurationUnit = "seconds" | "minutes" | "hours" | "days" | "weeks";

const unitSeconds: Record<DurationUnit, bigint> = {
  seconds: 1n,
  minutes: 60n,
  hours: 3_600n,
  days: DAY,
  weeks: 7n * DAY,
};

const unitAliases: [RegExp, DurationUnit][] = [
  [/^(s|secs?|seconds?)$/i, "seconds"],
  [/^(m|mins?|minutes?)$/i, "minutes"],
  [/^(h|hrs?|hours?)$/i, "hours"],
  [/^(d|days?)$/i, "days"],
  [/^(w|wks?|weeks?)$/i, "weeks"],
];

/**
 * A duration in seconds: "2 days", "1d 12h", "36 hours", "1.5 days", or a bare number in `defaultUnit`. The result
 * must be a whole number of seconds.
 */
export function parseDuration(text: string, defaultUnit: DurationUnit = "days"): Parsed<bigint> {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "") return { ok: false, error: "Enter a duration (e.g. 2 days, 36h)" };
  if (trimmed.startsWith("-")) return { ok: false, error: "A duration cannot be negative" };
  const bare = /^\d+(\.\d+)?$/.test(trimmed);
  const parts = bare ? [[trimmed, trimmed, defaultUnit]] : [...trimmed.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)\s*,?\s*/g)];
  const consumed = bare ? trimmed.length : parts.reduce((total, part) => total + part[0].length, 0);
  if (parts.length === 0 || consumed !== trimmed.length) {
    return { ok: false, error: `"${text.trim()}" is not a duration (e.g. 2 days, 1d 12h, 36 hours)` };
  }
  let micro = 0n; // millionths of a second, so fractions like 1.5 days stay exact
  for (const [, number, unitText] of parts) {
    const unit = unitAliases.find(([pattern]) => pattern.test(unitText))?.[1];
    if (!unit) return { ok: false, error: `Unknown unit "${unitText}": use seconds, minutes, hours, days or weeks` };
    if ((number.split(".")[1] ?? "").length > 6) return { ok: false, error: `Too many decimals in ${number}` };
    micro += parseUnits(number, 6) * unitSeconds[unit];
  }
  if (micro % 1_000_000n !== 0n) return { ok: false, error: "The duration must be a whole number of seconds" };
  return { ok: true, value: micro / 1_000_000n };
}

/**
 * A point in time as chain timestamps count it (seconds since 1970, UTC): "2026-01-01", "2026-01-01 12:30"
 * (UTC, as `formatTimestamp` shows times; a trailing "UTC" or "Z" is allowed) or a number of seconds.
 */
export function parseUtcTime(text: string): Parsed<bigint> {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Enter a date (YYYY-MM-DD, optionally HH:MM UTC)" };
  if (/^\d+$/.test(trimmed)) {
    if (trimmed.length > 11) {
      return { ok: false, error: "That looks like milliseconds: enter the time in seconds, or as a date" };
    }
    return { ok: true, value: BigInt(trimmed) };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(?:UTC|Z)?$/i.exec(trimmed);
  if (!match) return { ok: false, error: `"${trimmed}" is not a date (YYYY-MM-DD, optionally HH:MM UTC)` };
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(millis);
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, error: `"${trimmed}" is not a valid date` };
  }
  if (millis < 0) return { ok: false, error: "The date must be after 1970-01-01" };
  return { ok: true, value: BigInt(millis / 1000) };
}

/**
 * A network parameter's new value typed in its unit, the inverse of `formatParameterNumber`: basis points as a
 * percentage ("12.5" or "12.5%" -> 1250), PLM amounts as decimals ("0.25" -> 0.25e18), anything else whole ("800").
 */
export function parseParameterValue(text: string, unit: string): Parsed<bigint> {
  if (unit === "bps") {
    const trimmed = text.trim().replace(/\s*%$/, "");
    if (trimmed === "") return { ok: false, error: "Enter a percentage" };
    if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, error: `"${text.trim()}" is not a percentage (e.g. 12.5)` };
    if ((trimmed.split(".")[1] ?? "").length > 2) {
      return { ok: false, error: "At most two decimals: the contract counts in basis points (0.01%)" };
    }
    return { ok: true, value: parseUnits(trimmed, 2) };
  }
  if (unit.startsWith("PLM")) return parsePlmAmount(text);
  return parseWholeNumber(text);
}

/** The bounds check of a parameter change on its own (the form shows it as the user types). */
export function validateParameterValue(
  key: string,
  value: bigint,
  bounds: Pick<ParameterInfo, "min" | "max" | "unit">,
): FieldError[] {
  return checkParameterBounds(key, value, bounds);
}
