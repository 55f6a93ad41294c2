import { getTransactionReceipt, multicall } from "viem/actions";
import {
  BaseError,
  ContractFunctionRevertedError,
  isAddressEqual,
  parseEventLogs,
  type Address,
  type Hash,
  type Hex,
  type Client,
} from "viem";
import { compareBigint } from "../bigint";
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
import type { DisputeRecord } from "../governance/disputes";
import { proposalStateNames, type ProposalStateName } from "../governance/proposal-state";
import { splitDescription } from "../governance/proposal-text";
import type { TimelineInput } from "../governance/timeline";
import { operationStateNames, timelockOperationId, type OperationStateName } from "../governance/timelock-operation";
import type { CastVote, VoteTotals } from "../governance/votes";
import { loadBlockTimes } from "./block-times";
import { loadDisputeRecords, readStoredDisputes } from "./dispute-events";
import {
  loadCreatedProposals,
  loadGovernorHistory,
  type CreatedProposal,
  type GovernorHistory,
} from "./proposal-events";

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
  quorum: bigint;
  /** While voting has not started, the quorum is read at the latest past timepoint: it may still change. */
  quorumIsEstimate: boolean;
  createdAt: bigint;
  dispute?: { id: bigint; status: DisputeStatusName };
};

/** Everything the proposal page shows. */
export type ProposalDetail = ProposalSummary & {
  decodedActions: DecodedAction[];
  /** Heaviest first. */
  votesCast: CastVote[];
  timeline: TimelineInput;
  timelockOperation: { id: Hex; state: OperationStateName; readyAt: bigint };
  disputeDetail?: DisputeRecord;
};

/** Every proposal the governor stores, newest first. */
export async function readProposals(client: Client): Promise<ProposalSummary[]> {
  const [count, clock] = await multicall(client, {
    allowFailure: false,
    contracts: [
      { ...governor, functionName: "proposalCount" },
      { ...governor, functionName: "clock" },
    ],
  });
  const indexes = Array.from({ length: Number(count) }, (_, i) => BigInt(i));
  const [details, created] = await Promise.all([
    multicall(client, {
      allowFailure: false,
      contracts: indexes.map((index) => ({ ...governor, functionName: "proposalDetailsAt", args: [index] }) as const),
    }),
    loadCreatedProposals(client),
  ]);
  const ids = details.map(([id]) => id);
  // The governor stores proposals in creation order.
  return (await readSummaries(client, ids, BigInt(clock), created)).reverse();
}

/** One proposal with its votes, timeline, timelock operation and dispute; null when the governor does not know it. */
export async function readProposal(client: Client, id: bigint): Promise<ProposalDetail | null> {
  // Reads go out in three rounds, each one batched HTTP request: the proposal with the event history's block
  // number, the event logs, then everything that depends on them.
  let first;
  let history: GovernorHistory;
  try {
    [first, history] = await Promise.all([
      multicall(client, {
        allowFailure: false,
        contracts: [
          { ...governor, functionName: "proposalDetails", args: [id] },
          { ...governor, functionName: "clock" },
          { ...governor, functionName: "quorumDenominator" },
          { ...networkParameters, functionName: "allParameters" },
          { ...disputeModule, functionName: "disputeOf", args: [id] },
          { ...governor, functionName: "guardianTermEnd" },
          { ...networkParameters, functionName: "pauseDuration" },
          { ...networkParameters, functionName: "MIN_PAUSE_DURATION" },
          { ...networkParameters, functionName: "MAX_PAUSE_DURATION" },
        ],
      }),
      loadGovernorHistory(client),
    ]);
  } catch (error) {
    if (isNonexistentProposal(error)) return null;
    throw error;
  }
  const [
    [targets, values, calldatas, descriptionHash],
    clock,
    quorumDenominator,
    [keys, infos],
    disputeId,
    termEnd,
    pauseDuration,
    minPauseDuration,
    maxPauseDuration,
  ] = first;
  const actions = targets.map((target, i) => ({ target, value: values[i], calldata: calldatas[i] }));

  const milestones = history.milestones.filter((milestone) => milestone.proposalId === id);
  const executedTx = milestones.find((milestone) => milestone.event === "ProposalExecuted")?.transactionHash;
  const operationId = timelockOperationId(actions, governor.address, descriptionHash);
  const [[summary], [operationState, readyAt], milestoneTimes, disputeDetail, settingChanges] = await Promise.all([
    readSummaries(client, [id], BigInt(clock), history.created),
    multicall(client, {
      allowFailure: false,
      contracts: [
        { ...timelock, functionName: "getOperationState", args: [operationId] },
        { ...timelock, functionName: "getTimestamp", args: [operationId] },
      ],
    }),
    loadBlockTimes(client, milestones),
    disputeId === 0n ? undefined : loadDisputeRecords(client, [disputeId]).then(([dispute]) => dispute),
    executedTx ? readSettingChanges(client, executedTx) : [],
  ]);
  const timeOf = (event: GovernorHistory["milestones"][number]["event"]) => {
    const index = milestones.findIndex((milestone) => milestone.event === event);
    return index === -1 ? undefined : milestoneTimes[index];
  };

  const parameters = new Map<string, ParameterInfo>(keys.map((key, i) => [parameterKeyName(key), infos[i]]));
  const context: DecodeContext = {
    addresses: config.deployment,
    parameters,
    quorumDenominator,
    guardian: { termEnd, pauseDuration, minPauseDuration, maxPauseDuration },
  };
  return {
    ...summary,
    decodedActions: decodeActions(actions, context, previousSettingValues(actions, settingChanges, config.deployment)),
    votesCast: history.votes.filter((vote) => vote.proposalId === id).sort((a, b) => compareBigint(b.weight, a.weight)),
    timeline: {
      state: summary.state,
      createdAt: summary.createdAt,
      voteStart: summary.snapshot,
      deadline: summary.deadline,
      extendedAt: timeOf("ProposalExtended"),
      queuedAt: timeOf("ProposalQueued"),
      eta: summary.eta,
      executedAt: timeOf("ProposalExecuted"),
      canceledAt: timeOf("ProposalCanceled"),
    },
    timelockOperation: { id: operationId, state: operationStateNames[operationState], readyAt },
    disputeDetail,
  };
}

/** The per-proposal reads, one Multicall3 batch per view, all sent together. */
async function readSummaries(
  client: Client,
  ids: readonly bigint[],
  clock: bigint,
  created: readonly CreatedProposal[],
): Promise<ProposalSummary[]> {
  const [states, snapshots, deadlines, etas, proposers, votes, disputeIds] = await Promise.all([
    multicall(client, {
      allowFailure: false,
      contracts: ids.map((id) => ({ ...governor, functionName: "state", args: [id] }) as const),
    }),
    multicall(client, {
      allowFailure: false,
      contracts: ids.map((id) => ({ ...governor, functionName: "proposalSnapshot", args: [id] }) as const),
    }),
    multicall(client, {
      allowFailure: false,
      contracts: ids.map((id) => ({ ...governor, functionName: "proposalDeadline", args: [id] }) as const),
    }),
    multicall(client, {
      allowFailure: false,
      contracts: ids.map((id) => ({ ...governor, functionName: "proposalEta", args: [id] }) as const),
    }),
    multicall(client, {
      allowFailure: false,
      contracts: ids.map((id) => ({ ...governor, functionName: "proposalProposer", args: [id] }) as const),
    }),
    multicall(client, {
      allowFailure: false,
      contracts: ids.map((id) => ({ ...governor, functionName: "proposalVotes", args: [id] }) as const),
    }),
    multicall(client, {
      allowFailure: false,
      contracts: ids.map((id) => ({ ...disputeModule, functionName: "disputeOf", args: [id] }) as const),
    }),
  ]);
  // quorum(t) reverts for t >= clock(): a proposal still pending is measured at the latest past timepoint.
  const quorumAt = snapshots.map((snapshot) => (snapshot < clock ? snapshot : clock - 1n));
  const disputed = disputeIds.filter((disputeId) => disputeId !== 0n);
  const creations = ids.map((id) => created.find((creation) => creation.id === id));
  const found = creations.filter((creation) => creation !== undefined);
  const [quorums, disputes, createdTimes] = await Promise.all([
    multicall(client, {
      allowFailure: false,
      contracts: quorumAt.map((timepoint) => ({ ...governor, functionName: "quorum", args: [timepoint] }) as const),
    }),
    readStoredDisputes(client, disputed),
    loadBlockTimes(client, found),
  ]);

  return ids.map((id, i) => {
    const creation = creations[i];
    const { description, title, body } = creation ?? { description: "", ...splitDescription("") };
    const [against, forVotes, abstain] = votes[i];
    const dispute = disputes.find((stored) => stored.id === disputeIds[i]);
    return {
      id,
      proposer: proposers[i],
      description,
      title,
      body,
      state: proposalStateNames[states[i]],
      snapshot: snapshots[i],
      deadline: deadlines[i],
      eta: etas[i],
      votes: { against, for: forVotes, abstain },
      quorum: quorums[i],
      quorumIsEstimate: snapshots[i] >= clock,
      createdAt: creation ? createdTimes[found.indexOf(creation)] : 0n,
      dispute: dispute && { id: dispute.id, status: dispute.status },
    };
  });
}

/**
 * The setting changes a transaction (the execution of a proposal) logged, in log order: ParameterChanged and
 * PauseDurationChanged from the network parameters, GuardianTermSet from the governor.
 */
async function readSettingChanges(client: Client, transactionHash: Hash): Promise<SettingChange[]> {
  const receipt = await getTransactionReceipt(client, { hash: transactionHash });
  const from = (address: Address) => receipt.logs.filter((log) => isAddressEqual(log.address, address));
  const parameterEvents = parseEventLogs({
    abi: networkParameters.abi,
    eventName: ["ParameterChanged", "PauseDurationChanged"],
    logs: from(networkParameters.address),
  }).map((log) =>
    log.eventName === "ParameterChanged"
      ? { logIndex: log.logIndex, setting: parameterKeyName(log.args.key), oldValue: log.args.oldValue }
      : { logIndex: log.logIndex, setting: pauseDurationSetting, oldValue: log.args.oldDuration },
  );
  const termEvents = parseEventLogs({
    abi: governor.abi,
    eventName: "GuardianTermSet",
    logs: from(governor.address),
  }).map((log) => ({ logIndex: log.logIndex, setting: guardianTermSetting, oldValue: log.args.oldTermEnd }));
  return [...parameterEvents, ...termEvents]
    .sort((a, b) => a.logIndex - b.logIndex)
    .map(({ setting, oldValue }) => ({ setting, oldValue }));
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
