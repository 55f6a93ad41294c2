import {
  decodeFunctionData,
  formatEther,
  hexToString,
  isAddress,
  isAddressEqual,
  keccak256,
  size,
  slice,
  toFunctionSelector,
  toFunctionSignature,
  toHex,
  zeroAddress,
  zeroHash,
  type Abi,
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
  formatTimestamp,
  formatTokens,
  parameterUnitSuffix,
} from "../format";
import { slashGroundNames } from "./disputes";
import type { GuardianState } from "./guardian";
import { percentOf } from "./votes";

/** One (target, value, calldata) of a proposal, in the governor's order. */
export type ProposalAction = { target: Address; value: bigint; calldata: Hex };

/** The governor's `propose` arguments: the actions' targets, values and calldatas in order, then the description. */
export function proposeArgs(actions: readonly ProposalAction[], description: string) {
  return [
    actions.map((action) => action.target),
    actions.map((action) => action.value),
    actions.map((action) => action.calldata),
    description,
  ] as const;
}

/** What the decoder knows of a network parameter: its value now, its hard bounds and its unit. */
export type ParameterInfo = { value: bigint; min: bigint; max: bigint; unit: string };

export type DecodeContext = {
  /** Where the system's contracts live (a deployment file satisfies this). */
  addresses: Pick<
    Deployment,
    | "token"
    | "governor"
    | "timelock"
    | "networkParameters"
    | "modelRegistry"
    | "grantVesting"
    | "delegateStatements"
    | "disputeModule"
  >;
  /** Every network parameter by key name ("inferenceFee"), with its current value and bounds. */
  parameters: ReadonlyMap<string, ParameterInfo>;
  /** The governor's quorum denominator (OpenZeppelin's default is 100). */
  quorumDenominator?: bigint;
  /** The guardian's term end and the pause duration with its bounds, as the chain holds them now. */
  guardian?: Pick<GuardianState, "termEnd" | "pauseDuration" | "minPauseDuration" | "maxPauseDuration">;
};

export type DecodedAction = ProposalAction & {
  /** false for a call the decoder cannot explain: an unknown address, selector or malformed calldata. */
  recognized: boolean;
  /** The system contract called, e.g. "NetworkParameters"; undefined for an address outside the system. */
  contractName?: string;
  /** e.g. "setParameter(bytes32,uint256)". */
  signature?: string;
  selector?: Hex;
  /** One line of plain language. */
  summary: string;
  /** Labelled values behind the summary (grant schedule, addresses in full, …). */
  details: { label: string; value: string }[];
};

type DecodeOptions = {
  /**
   * For an executed change of a setting (setParameter, setGuardianTermEnd, setPauseDuration): the value it replaced,
   * from its event, shown as "from" instead of the value now.
   */
  previousValue?: bigint;
};

/** The name of a bytes32 parameter key ("inferenceFee"); the hex itself when it is not text. */
export function parameterKeyName(key: Hex): string {
  try {
    const name = hexToString(key, { size: 32 }).replace(/\0+$/, "");
    return /^[\x20-\x7e]+$/.test(name) ? name : key;
  } catch {
    return key;
  }
}

/**
 * A setting an executed proposal changed, from the event the change emitted, with the value it replaced: a network
 * parameter (ParameterChanged, `setting` is its key name), the guardian's term end (GuardianTermSet) or the pause
 * duration (PauseDurationChanged).
 */
export type SettingChange = { setting: string; oldValue: bigint };

export const guardianTermSetting = "PlenumGovernor.guardianTermEnd";
export const pauseDurationSetting = "NetworkParameters.pauseDuration";

/**
 * For an executed proposal, the value each setting change replaced, by action index: the execution's change events
 * (in log order) matched in order to the actions that change the same setting.
 */
export function previousSettingValues(
  actions: readonly ProposalAction[],
  changes: readonly SettingChange[],
  addresses: Pick<Deployment, "governor" | "networkParameters">,
): Map<number, bigint> {
  const result = new Map<number, bigint>();
  const used = new Set<number>();
  actions.forEach((action, index) => {
    const setting = settingChangedBy(action, addresses);
    const match = changes.findIndex((change, i) => !used.has(i) && change.setting === setting);
    if (setting === undefined || match === -1) return;
    used.add(match);
    result.set(index, changes[match].oldValue);
  });
  return result;
}

/** The setting an action changes, named as in `SettingChange`; undefined for any other call. */
function settingChangedBy(
  action: ProposalAction,
  addresses: Pick<Deployment, "governor" | "networkParameters">,
): string | undefined {
  try {
    if (isAddressEqual(action.target, addresses.networkParameters)) {
      const call = decodeFunctionData({ abi: networkParametersAbi, data: action.calldata });
      if (call.functionName === "setParameter") return parameterKeyName(call.args[0]);
      if (call.functionName === "setPauseDuration") return pauseDurationSetting;
    } else if (isAddressEqual(action.target, addresses.governor)) {
      const call = decodeFunctionData({ abi: plenumGovernorAbi, data: action.calldata });
      if (call.functionName === "setGuardianTermEnd") return guardianTermSetting;
    }
  } catch {
    // Calldata that does not decode changes no setting we can name.
  }
  return undefined;
}

/** Decode every action of a proposal; `previousValues` holds executed setting changes' old values by action index. */
export function decodeActions(
  actions: readonly ProposalAction[],
  context: DecodeContext,
  previousValues: ReadonlyMap<number, bigint> = new Map(),
): DecodedAction[] {
  return actions.map((action, index) => decodeAction(action, context, { previousValue: previousValues.get(index) }));
}

/** Explain one call the timelock will make, in plain language, from the system's ABIs. */
export function decodeAction(
  action: ProposalAction,
  context: DecodeContext,
  options: DecodeOptions = {},
): DecodedAction {
  const decoded = describe(action, context, options);
  const eth = action.value > 0n ? `${formatEther(action.value)} ETH` : undefined;
  if (!eth) return decoded;
  return {
    ...decoded,
    summary: size(action.calldata) === 0 ? decoded.summary : `${decoded.summary} (sending ${eth})`,
    details: [...decoded.details, { label: "ETH sent", value: eth }],
  };
}

type Described = { summary: string; details?: { label: string; value: string }[] };
type Call = { functionName: string; args?: readonly unknown[] };
type ContractEntry = { name: string; abi: Abi; describe: (data: Hex, options: DecodeOptions) => Described | undefined };

function describe(action: ProposalAction, context: DecodeContext, options: DecodeOptions): DecodedAction {
  const { target, calldata } = action;
  const base = { ...action, details: [] };
  if (size(calldata) === 0) {
    return {
      ...base,
      recognized: action.value > 0n,
      contractName: contractAt(target, context)?.name,
      summary:
        action.value > 0n
          ? `Send ${formatEther(action.value)} ETH from the treasury to ${label(target, context)}`
          : `Empty call to ${label(target, context)}`,
    };
  }
  const selector = size(calldata) >= 4 ? slice(calldata, 0, 4) : undefined;
  const contract = contractAt(target, context);
  const abiItem = contract && selector ? functionBySelector(contract.abi, selector) : undefined;
  if (!contract || !selector || !abiItem) return unknownCall(action, selector, contract?.name);

  let described: Described | undefined;
  try {
    described = contract.describe(calldata, options) ?? genericCall(contract.name, contract.abi, calldata);
  } catch {
    return unknownCall(action, selector, contract.name);
  }
  return {
    ...base,
    recognized: true,
    contractName: contract.name,
    signature: toFunctionSignature(abiItem),
    selector,
    summary: described.summary,
    details: described.details ?? [],
  };
}

function unknownCall(action: ProposalAction, selector: Hex | undefined, contractName?: string): DecodedAction {
  const where = contractName ? `${contractName} (${action.target})` : action.target;
  return {
    ...action,
    recognized: false,
    contractName,
    selector,
    summary: `Unknown call to ${where}`,
    details: [
      { label: "Selector", value: selector ?? "none (calldata shorter than 4 bytes)" },
      { label: "Calldata", value: action.calldata },
    ],
  };
}

function functionBySelector(abi: Abi, selector: Hex): AbiFunction | undefined {
  return abi.find(
    (item): item is AbiFunction => item.type === "function" && toFunctionSelector(item) === selector.toLowerCase(),
  );
}

/** "Call ModelRegistry.registerModel(name: "x", …)": a function of the system without a plain-language template. */
function genericCall(contractName: string, abi: Abi, data: Hex): Described {
  const { functionName, args = [] } = decodeFunctionData({ abi, data });
  const item = functionBySelector(abi, slice(data, 0, 4));
  const shown = args.map((arg, i) => {
    const name = item?.inputs[i]?.name;
    return name ? `${name}: ${formatArg(arg)}` : formatArg(arg);
  });
  return { summary: `Call ${contractName}.${functionName}(${shown.join(", ")})` };
}

function formatArg(arg: unknown): string {
  if (typeof arg === "string") return arg.startsWith("0x") ? arg : JSON.stringify(arg);
  if (typeof arg === "bigint" || typeof arg === "number" || typeof arg === "boolean") return String(arg);
  if (Array.isArray(arg)) return `[${arg.map(formatArg).join(", ")}]`;
  if (arg && typeof arg === "object") {
    return `{${Object.entries(arg)
      .map(([key, value]) => `${key}: ${formatArg(value)}`)
      .join(", ")}}`;
  }
  return String(arg);
}

// ---------------------------------------------------------------- addresses

function contractAt(target: Address, context: DecodeContext): ContractEntry | undefined {
  const { addresses } = context;
  const entries: [Address, ContractEntry][] = [
    [
      addresses.networkParameters,
      {
        name: "NetworkParameters",
        abi: networkParametersAbi,
        describe: (data, options) => describeNetworkParameters(data, context, options),
      },
    ],
    [
      addresses.grantVesting,
      { name: "GrantVesting", abi: grantVestingAbi, describe: (data) => describeGrantVesting(data, context) },
    ],
    [addresses.token, { name: "PlenumToken", abi: plenumTokenAbi, describe: (data) => describeToken(data, context) }],
    [
      addresses.modelRegistry,
      { name: "ModelRegistry", abi: modelRegistryAbi, describe: (data) => describeModelRegistry(data, context) },
    ],
    [
      addresses.disputeModule,
      { name: "DisputeModule", abi: disputeModuleAbi, describe: (data) => describeDisputeModule(data, context) },
    ],
    [
      addresses.governor,
      {
        name: "PlenumGovernor",
        abi: plenumGovernorAbi,
        describe: (data, options) => describeGovernor(data, context, options),
      },
    ],
    [
      addresses.timelock,
      { name: "TimelockController", abi: timelockControllerAbi, describe: (data) => describeTimelock(data, context) },
    ],
  ];
  return entries.find(([address]) => isAddressEqual(address, target))?.[1];
}

/** A system contract by its name, anything else by its full address (never shortened: this is what voters check). */
function label(address: Address, context: DecodeContext): string {
  const { addresses } = context;
  if (isAddressEqual(address, addresses.timelock)) return "the treasury (timelock)";
  return contractAt(address, context)?.name ?? address;
}

const plm = (amount: bigint) => `${formatTokens(amount, 4)} PLM`;

/** transferOwnership / renounceOwnership, which every timelock-owned contract has. */
function ownership(contractName: string, call: Call, context: DecodeContext): Described | undefined {
  const [newOwner] = call.args ?? [];
  if (call.functionName === "transferOwnership" && typeof newOwner === "string" && isAddress(newOwner)) {
    return { summary: `Transfer ownership of ${contractName} to ${label(newOwner, context)}` };
  }
  if (call.functionName === "renounceOwnership") {
    return { summary: `Renounce ownership of ${contractName} (always reverts: ownership cannot be renounced)` };
  }
  return undefined;
}

// ---------------------------------------------------------------- NetworkParameters

/** "inferenceFee: 0.20 → 0.25 PLM per 1k tokens (bounds 0.01–2.00 PLM per 1k tokens)". */
export function describeParameterChange(key: string, to: bigint, info: ParameterInfo, from = info.value): string {
  const number = (value: bigint) => formatParameterNumber(value, info.unit);
  const unit = parameterUnitSuffix(info.unit);
  const outside = to < info.min || to > info.max ? "; outside the bounds: execution will revert" : "";
  const bounds = formatParameterBounds(info.min, info.max, info.unit);
  return `${key}: ${number(from)} → ${number(to)}${unit} (bounds ${bounds}${outside})`;
}

function describeNetworkParameters(data: Hex, context: DecodeContext, options: DecodeOptions): Described | undefined {
  const call = decodeFunctionData({ abi: networkParametersAbi, data });
  switch (call.functionName) {
    case "setParameter": {
      const [key, value] = call.args;
      const name = parameterKeyName(key);
      const info = context.parameters.get(name);
      if (!info) return { summary: `Set unknown parameter ${name} to ${value} (execution will revert)` };
      return { summary: describeParameterChange(name, value, info, options.previousValue ?? info.value) };
    }
    case "pause": {
      const duration = context.guardian ? formatDuration(context.guardian.pauseDuration) : "the pause duration";
      return { summary: `Pause (or renew the pause of) the network parameters for ${duration}` };
    }
    case "unpause":
      return { summary: "Unpause the network parameters" };
    case "setPauseDuration":
      return { summary: describePauseDurationChange(call.args[0], context, options) };
    default:
      return ownership("NetworkParameters", call, context);
  }
}

/**
 * "Set how long a pause of the network parameters lasts to 14 days (now 7 days; bounds 1 day–30 days)"; "was"
 * instead of "now" for an executed change.
 */
function describePauseDurationChange(to: bigint, context: DecodeContext, options: DecodeOptions): string {
  const what = `Set how long a pause of the network parameters lasts to ${formatDuration(to)}`;
  const current = context.guardian;
  if (!current) return what;
  const from =
    options.previousValue === undefined
      ? `now ${formatDuration(current.pauseDuration)}`
      : `was ${formatDuration(options.previousValue)}`;
  const { minPauseDuration: min, maxPauseDuration: max } = current;
  const outside = to < min || to > max ? "; outside the bounds: execution will revert" : "";
  return `${what} (${from}; bounds ${formatDuration(min)}–${formatDuration(max)}${outside})`;
}

// ---------------------------------------------------------------- GrantVesting

function describeGrantVesting(data: Hex, context: DecodeContext): Described | undefined {
  const call = decodeFunctionData({ abi: grantVestingAbi, data });
  switch (call.functionName) {
    case "createGrant": {
      const [beneficiary, amount, start, cliff, duration, memo] = call.args;
      return {
        summary:
          `Grant ${plm(amount)} to ${label(beneficiary, context)}, vesting over ${formatDuration(duration)} ` +
          `from ${formatTimestamp(start)} with a ${formatDuration(cliff)} cliff: "${memo}"`,
        details: [
          { label: "Beneficiary", value: beneficiary },
          { label: "Amount", value: plm(amount) },
          { label: "Start", value: formatTimestamp(start) },
          { label: "Cliff", value: formatDuration(cliff) },
          { label: "Duration", value: formatDuration(duration) },
          { label: "Memo", value: memo },
        ],
      };
    }
    case "revoke":
      return { summary: `Revoke grant #${call.args[0]}: the unvested rest returns to the treasury` };
    case "release":
      return { summary: `Release the vested tokens of grant #${call.args[0]} to its beneficiary` };
    default:
      return ownership("GrantVesting", call, context);
  }
}

// ---------------------------------------------------------------- PlenumToken

function describeToken(data: Hex, context: DecodeContext): Described | undefined {
  const call = decodeFunctionData({ abi: plenumTokenAbi, data });
  switch (call.functionName) {
    case "transfer": {
      const [to, amount] = call.args;
      return {
        summary: `Transfer ${plm(amount)} from the treasury to ${label(to, context)}`,
        details: [{ label: "Recipient", value: to }],
      };
    }
    case "approve": {
      const [spender, amount] = call.args;
      return {
        summary: `Approve ${label(spender, context)} to spend ${plm(amount)} from the treasury`,
        details: [{ label: "Spender", value: spender }],
      };
    }
    case "transferFrom": {
      const [from, to, amount] = call.args;
      return { summary: `Transfer ${plm(amount)} from ${label(from, context)} to ${label(to, context)}` };
    }
    case "delegate":
      return { summary: `Delegate the treasury's votes to ${label(call.args[0], context)}` };
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- ModelRegistry

function describeModelRegistry(data: Hex, context: DecodeContext): Described | undefined {
  const call = decodeFunctionData({ abi: modelRegistryAbi, data });
  switch (call.functionName) {
    case "setPublisher": {
      const [publisher, verified, name] = call.args;
      return {
        summary: `${verified ? "Verify" : "Revoke"} model publisher "${name}" (${publisher})`,
        details: [{ label: "Publisher", value: publisher }],
      };
    }
    case "delistModel": {
      const [modelId, reason] = call.args;
      return { summary: `Delist model #${modelId}: "${reason}"` };
    }
    default:
      return ownership("ModelRegistry", call, context);
  }
}

// ---------------------------------------------------------------- DisputeModule

function describeDisputeModule(data: Hex, context: DecodeContext): Described | undefined {
  const call = decodeFunctionData({ abi: disputeModuleAbi, data });
  switch (call.functionName) {
    case "fundRewards":
      return { summary: `Fund the dispute reward pool with ${plm(call.args[0])}` };
    case "reclaimRewards":
      return { summary: `Return ${plm(call.args[0])} from the dispute reward pool to the treasury` };
    case "setBond":
      return { summary: `Set the dispute bond to ${plm(call.args[0])}` };
    case "setRewardAmount":
      return { summary: `Set the reward for an upheld dispute to ${plm(call.args[0])}` };
    case "setAdjudicationPeriod":
      return { summary: `Set the dispute adjudication period to ${formatDuration(call.args[0])}` };
    case "setRulingQuorum":
      return { summary: `Require ${call.args[0]} matching panel rulings to decide a dispute` };
    case "setExpertStake":
      return { summary: `Set the stake each panel expert must hold to ${plm(call.args[0])}` };
    case "addPanelMember": {
      const [expert, profile] = call.args;
      return { summary: `Add ${label(expert, context)} to the dispute panel: "${profile}"` };
    }
    case "removePanelMember":
      return { summary: `Remove ${label(call.args[0], context)} from the dispute panel` };
    case "slashExpert": {
      const [expert, amount, ground, disputeId, reason] = call.args;
      const groundName = slashGroundNames[ground] ?? `ground ${ground} (not a slash ground: execution will revert)`;
      return {
        summary:
          `Slash up to ${plm(amount)} of ${label(expert, context)}'s stake for ${groundName} on dispute #${disputeId} ` +
          `and remove them from the panel: "${reason}"`,
        details: [
          { label: "Expert", value: expert },
          { label: "Ground", value: groundName },
          { label: "Dispute", value: `#${disputeId}` },
        ],
      };
    }
    default:
      return ownership("DisputeModule", call, context);
  }
}

// ---------------------------------------------------------------- PlenumGovernor

function describeGovernor(data: Hex, context: DecodeContext, options: DecodeOptions): Described | undefined {
  const call = decodeFunctionData({ abi: plenumGovernorAbi, data });
  switch (call.functionName) {
    case "setVotingDelay":
      return { summary: `Set the voting delay to ${formatDuration(call.args[0])}` };
    case "setVotingPeriod":
      return { summary: `Set the voting period to ${formatDuration(call.args[0])}` };
    case "setProposalThreshold":
      return { summary: `Set the proposal threshold to ${plm(call.args[0])}` };
    case "updateQuorumNumerator": {
      const numerator = call.args[0];
      const denominator = context.quorumDenominator ?? 100n;
      return {
        summary: `Set the quorum to ${percentOf(numerator, denominator)}% of the token supply (${numerator}/${denominator})`,
      };
    }
    case "setLateQuorumVoteExtension":
      return { summary: `Set the late-quorum vote extension to ${formatDuration(call.args[0])}` };
    case "setProposalGuardian": {
      const guardian = call.args[0];
      return {
        summary: isAddressEqual(guardian, zeroAddress)
          ? "Remove the proposal guardian (security council)"
          : `Set the proposal guardian (security council) to ${label(guardian, context)}`,
      };
    }
    case "setGuardianTermEnd":
      return { summary: describeGuardianTermChange(BigInt(call.args[0]), context, options) };
    case "setDisputeModule":
      return { summary: `Replace the dispute module with ${label(call.args[0], context)}` };
    case "updateTimelock":
      return { summary: `Move the governor to the timelock at ${label(call.args[0], context)}` };
    case "relay": {
      const [target, value, inner] = call.args;
      const relayed = decodeAction({ target, value, calldata: inner }, context);
      return {
        summary: `The governor relays: ${relayed.summary}`,
        details: [{ label: "Relayed call", value: `${target} ${inner}` }, ...relayed.details],
      };
    }
    default:
      return undefined;
  }
}

/**
 * "End the guardian's term on 2027-06-01 00:00 UTC (now 2027-01-01 00:00 UTC): extends it"; "was" instead of "now"
 * for an executed change.
 */
function describeGuardianTermChange(to: bigint, context: DecodeContext, options: DecodeOptions): string {
  const what = `End the guardian's term on ${formatTimestamp(to)}`;
  const from = options.previousValue ?? context.guardian?.termEnd;
  if (from === undefined) return what;
  const effect = to > from ? "extends it" : to < from ? "shortens it" : "keeps it";
  return `${what} (${options.previousValue === undefined ? "now" : "was"} ${formatTimestamp(from)}): ${effect}`;
}

// ---------------------------------------------------------------- TimelockController

const roleNames = new Map<Hex, string>([
  [zeroHash, "DEFAULT_ADMIN_ROLE"],
  ...["PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE"].map((name): [Hex, string] => [keccak256(toHex(name)), name]),
]);

function describeTimelock(data: Hex, context: DecodeContext): Described | undefined {
  const call = decodeFunctionData({ abi: timelockControllerAbi, data });
  switch (call.functionName) {
    case "updateDelay":
      return { summary: `Set the timelock delay (the challenge window) to ${formatDuration(call.args[0])}` };
    case "grantRole":
    case "revokeRole": {
      const [role, account] = call.args;
      const verb = call.functionName === "grantRole" ? "Grant" : "Revoke";
      return {
        summary: `${verb} the timelock's ${roleNames.get(role) ?? role} ${verb === "Grant" ? "to" : "from"} ${label(account, context)}`,
      };
    }
    default:
      return undefined;
  }
}
