import { multicall } from "viem/actions";
import {
  BaseError,
  ContractFunctionRevertedError,
  keccak256,
  toBytes,
  type Address,
  type Client,
  type Hex,
} from "viem";
import { config } from "../config";
import { contracts } from "../contracts";
import {
  decodeActions,
  guardianTermSetting,
  parameterKeyName,
  pauseDurationSetting,
  previousSettingValues,
  type DecodeContext,
  type DecodedAction,
  type ParameterInfo,
  type SettingChange,
} from "../governance/actions";
import type { DisputeStatusName } from "../governance/dispute-status";
import { disputeStatusNames } from "../governance/dispute-status";
import type { DisputeRecord } from "../governance/disputes";
import { proposalStateNames, type ProposalStateName } from "../governance/proposal-state";
import { splitDescription } from "../governance/proposal-text";
import type { TimelineInput } from "../governance/timeline";
import {
  operationStateNames,
  timelockOperationId,
  timelockSalt,
  type OperationStateName,
} from "../governance/timelock-operation";
import type { VoteTotals } from "../governance/votes";
import type { IndexedSettingChange, ProposalDetailRecord } from "../indexer/types";

const { governor, timelock, disputeModule, networkParameters } = contracts;

/** What the proposal list shows of each proposal. */
export type ProposalSummary = {
  id: bigint;
  proposer: Address;
  description: string;
  title: string;
  body: string;
  state: ProposalStateName;
  /** The governor's clock is a timestamp: voting opens after `snapshot` and closes at `deadline` (extension included). */
  snapshot: bigint;
  deadline: bigint;
  /** 0 until queued. */
  eta: bigint;
  votes: VoteTotals;
  voterCount: number;
  quorum: bigint;
  /** While voting has not started, the quorum is read at the latest past timepoint: it may still change. */
  quorumIsEstimate: boolean;
  createdAt: bigint;
  dispute?: { id: bigint; status: DisputeStatusName };
};

/** Everything the proposal page shows but its voters (paged from the indexer). */
export type ProposalDetail = ProposalSummary & {
  decodedActions: DecodedAction[];
  timeline: TimelineInput;
  /** The operation the governor schedules: its id and salt (its predecessor is always `timelockPredecessor`). */
  timelockOperation: { id: Hex; salt: Hex; state: OperationStateName; readyAt: bigint };
  disputeDetail?: DisputeRecord;
};

/** What the page needs to know of a proposal before reading its live state: the indexed record, else the chain's. */
async function proposalBasics(client: Client, id: bigint, record: ProposalDetailRecord | undefined) {
  if (record) {
    return {
      targets: record.targets,
      values: record.values,
      calldatas: record.calldatas,
      descriptionHash: keccak256(toBytes(record.description)),
      voteStart: record.voteStart,
      disputeId: record.disputeDetail?.id ?? 0n,
    };
  }
  const [[targets, values, calldatas, descriptionHash], voteStart, disputeId] = await multicall(client, {
    allowFailure: false,
    contracts: [
      { ...governor, functionName: "proposalDetails", args: [id] },
      { ...governor, functionName: "proposalSnapshot", args: [id] },
      { ...disputeModule, functionName: "disputeOf", args: [id] },
    ],
  });
  return { targets, values, calldatas, descriptionHash, voteStart, disputeId };
}

/**
 * A proposal's page: what changes without an event, read live from the chain (state, votes, quorum, the timelock
 * operation, the dispute's stored terms, the settings its actions are decoded against), around its indexed history
 * (`record`: text, milestones, voters, dispute). With the indexer down (`record` undefined) the live part still
 * loads, from the governor's own record of the proposal; null when the governor does not know it.
 */
export async function readProposalDetail(
  client: Client,
  id: bigint,
  record: ProposalDetailRecord | undefined,
): Promise<ProposalDetail | null> {
  let basics;
  try {
    basics = await proposalBasics(client, id, record);
  } catch (error) {
    if (isNonexistentProposal(error)) return null;
    throw error;
  }
  const actions = basics.targets.map((target, i) => ({
    target,
    value: basics.values[i],
    calldata: basics.calldatas[i],
  }));
  const operationId = timelockOperationId(actions, governor.address, basics.descriptionHash);
  // Sent together: one JSON-RPC batch.
  const [live, [quorumRead, disputeRead]] = await Promise.all([
    multicall(client, {
      allowFailure: false,
      contracts: [
        { ...governor, functionName: "state", args: [id] },
        { ...governor, functionName: "proposalVotes", args: [id] },
        { ...governor, functionName: "proposalDeadline", args: [id] },
        { ...governor, functionName: "proposalEta", args: [id] },
        { ...governor, functionName: "proposalProposer", args: [id] },
        { ...governor, functionName: "clock" },
        { ...governor, functionName: "quorumDenominator" },
        { ...networkParameters, functionName: "allParameters" },
        { ...governor, functionName: "guardianTermEnd" },
        { ...networkParameters, functionName: "pauseDuration" },
        { ...networkParameters, functionName: "MIN_PAUSE_DURATION" },
        { ...networkParameters, functionName: "MAX_PAUSE_DURATION" },
        { ...timelock, functionName: "getOperationState", args: [operationId] },
        { ...timelock, functionName: "getTimestamp", args: [operationId] },
      ],
    }),
    // These may revert: quorum(t) while t >= clock() (a pending proposal), getDispute when there is none.
    multicall(client, {
      contracts: [
        { ...governor, functionName: "quorum", args: [basics.voteStart] },
        { ...disputeModule, functionName: "getDispute", args: [basics.disputeId] },
      ],
    }),
  ]);
  const [
    state,
    [against, forVotes, abstain],
    deadline,
    eta,
    proposer,
    clock,
    quorumDenominator,
    [keys, infos],
    termEnd,
    pauseDuration,
    minPauseDuration,
    maxPauseDuration,
    operationState,
    readyAt,
  ] = live;
  const storedDispute = disputeRead.status === "success" ? disputeRead.result : undefined;

  const parameters = new Map<string, ParameterInfo>(keys.map((key, i) => [parameterKeyName(key), infos[i]]));
  const context: DecodeContext = {
    addresses: config.deployment,
    parameters,
    quorumDenominator,
    guardian: { termEnd, pauseDuration, minPauseDuration, maxPauseDuration },
  };
  const indexedDispute = record?.disputeDetail;
  const stateName = proposalStateNames[state];
  const text = record ? { title: record.title, body: splitDescription(record.description).body } : undefined;
  const disputeStatus = storedDispute ? disputeStatusNames[storedDispute.status] : "None";
  return {
    id,
    proposer,
    description: record?.description ?? "",
    title: text?.title ?? `Proposal ${id}`,
    body: text?.body ?? "",
    state: stateName,
    snapshot: basics.voteStart,
    deadline,
    eta,
    votes: { against, for: forVotes, abstain },
    voterCount: record?.voterCount ?? 0,
    quorum: quorumRead.status === "success" ? quorumRead.result : (record?.quorum ?? 0n),
    quorumIsEstimate: basics.voteStart >= BigInt(clock),
    createdAt: record?.createdAt ?? 0n,
    dispute: basics.disputeId === 0n ? undefined : { id: basics.disputeId, status: disputeStatus },
    decodedActions: decodeActions(
      actions,
      context,
      previousSettingValues(actions, settingChangesOf(record?.settingChanges ?? []), config.deployment),
    ),
    timeline: {
      state: stateName,
      createdAt: record?.createdAt ?? 0n,
      voteStart: basics.voteStart,
      deadline,
      extendedAt: record?.extendedAt ?? undefined,
      queuedAt: record?.queuedAt ?? undefined,
      eta,
      executedAt: record?.executedAt ?? undefined,
      canceledAt: record?.canceledAt ?? undefined,
    },
    timelockOperation: {
      id: operationId,
      salt: timelockSalt(governor.address, basics.descriptionHash),
      state: operationStateNames[operationState],
      readyAt,
    },
    disputeDetail:
      storedDispute === undefined
        ? undefined
        : {
            ...storedDispute,
            id: basics.disputeId,
            status: disputeStatus,
            challengers: indexedDispute?.challengers.map(({ account, bond }) => ({ account, bond })) ?? [],
            evidence: indexedDispute?.evidence ?? [],
            rulings: indexedDispute?.rulings ?? [],
            idleMembers: indexedDispute?.idleMembers ?? [],
            resolvedAt: indexedDispute?.resolvedAt ?? undefined,
          },
  };
}

function isNonexistentProposal(error: unknown): boolean {
  return (
    error instanceof BaseError &&
    error.walk(
      (cause) =>
        cause instanceof ContractFunctionRevertedError && cause.data?.errorName === "GovernorNonexistentProposal",
    ) !== null
  );
}

/**
 * The setting changes the proposal's execution logged, as the decoder names them: network parameters by key,
 * the pause duration and the guardian's term end by their qualified names.
 */
function settingChangesOf(changes: IndexedSettingChange[]): SettingChange[] {
  return changes.flatMap(({ contract, setting, oldValue }): SettingChange[] => {
    const old = BigInt(oldValue);
    if (contract === "NetworkParameters" && setting === "pauseDuration") {
      return [{ setting: pauseDurationSetting, oldValue: old }];
    }
    if (contract === "NetworkParameters") return [{ setting, oldValue: old }];
    if (contract === "PlenumGovernor" && setting === "guardianTermEnd") {
      return [{ setting: guardianTermSetting, oldValue: old }];
    }
    return [];
  });
}
