import {
  BaseError,
  ContractFunctionRevertedError,
  isAddressEqual,
  parseEventLogs,
  type Address,
  type Hash,
  type Hex,
  type PublicClient,
} from "viem";
import { queryAllBlocks } from "../chain/block-ranges";
import { config } from "../config";
import { contracts } from "../contracts";
import {
  decodeActions,
  parameterKeyName,
  previousParameterValues,
  type DecodedAction,
  type ParameterChange,
  type ParameterInfo,
  type ProposalAction,
} from "./actions";
import { disputeStatusNames, type DisputeStatusName } from "./dispute-status";
import { proposalStateNames, type ProposalStateName } from "./proposal-state";
import { splitDescription } from "./proposal-text";
import type { VoteTotals } from "./votes";
import type { TimelineInput } from "./timeline";
import { operationStateNames, timelockOperationId, type OperationStateName } from "./timelock-operation";

const { governor, timelock, disputeModule, networkParameters } = contracts;

export type { VoteTotals };

/** What the proposal list shows of each proposal. */
export type ProposalSummary = {
  id: bigint;
  proposer: Address;
  actions: ProposalAction[];
  descriptionHash: Hex;
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
  createdBlock: bigint;
  dispute?: { id: bigint; status: DisputeStatusName };
};

export type Vote = {
  voter: Address;
  support: "Against" | "For" | "Abstain";
  weight: bigint;
  reason: string;
  transactionHash: Hash;
};

export type Ruling = { expert: Address; uphold: boolean; reason: string; time: bigint };

export type DisputeDetail = {
  id: bigint;
  challenger: Address;
  filedAt: bigint;
  deadline: bigint;
  status: DisputeStatusName;
  upholdCount: number;
  rejectCount: number;
  /** Matching rulings that decide the dispute (the module's setting when it was filed). */
  rulingQuorum: number;
  /** The proposal concerns the panel: it may not rule, the dispute can only time out. */
  recused: boolean;
  bond: bigint;
  reward: bigint;
  evidence: string;
  rulings: Ruling[];
  resolvedAt?: bigint;
};

/** Everything the proposal page shows. */
export type ProposalDetail = ProposalSummary & {
  decodedActions: DecodedAction[];
  votesCast: Vote[];
  timeline: TimelineInput;
  timelockOperation: { id: Hex; state: OperationStateName; readyAt: bigint };
  disputeDetail?: DisputeDetail;
  /** The chain's time when this was read. */
  readAt: bigint;
};

const supportNames = ["Against", "For", "Abstain"] as const;

/** Every proposal the governor stores, newest first. */
export async function readProposals(client: PublicClient): Promise<ProposalSummary[]> {
  const [count, clock] = await client.multicall({
    allowFailure: false,
    contracts: [
      { ...governor, functionName: "proposalCount" },
      { ...governor, functionName: "clock" },
    ],
  });
  const indexes = Array.from({ length: Number(count) }, (_, i) => BigInt(i));
  const [details, created] = await Promise.all([
    client.multicall({
      allowFailure: false,
      contracts: indexes.map((index) => ({ ...governor, functionName: "proposalDetailsAt", args: [index] }) as const),
    }),
    readCreatedEvents(client),
  ]);
  const summaries = await readSummaries(
    client,
    details.map(([id, targets, values, calldatas, descriptionHash]) => ({
      id,
      descriptionHash,
      actions: targets.map((target, i) => ({ target, value: values[i], calldata: calldatas[i] })),
    })),
    BigInt(clock),
    created,
  );
  // The governor stores proposals in creation order.
  return summaries.reverse();
}

/** One proposal with its votes, timeline, timelock operation and dispute; null when the governor does not know it. */
export async function readProposal(client: PublicClient, id: bigint): Promise<ProposalDetail | null> {
  let first;
  try {
    first = await client.multicall({
      allowFailure: false,
      contracts: [
        { ...governor, functionName: "proposalDetails", args: [id] },
        { ...governor, functionName: "clock" },
        { ...governor, functionName: "quorumDenominator" },
        { ...networkParameters, functionName: "allParameters" },
      ],
    });
  } catch (error) {
    if (isNonexistentProposal(error)) return null;
    throw error;
  }
  const [[targets, values, calldatas, descriptionHash], clock, quorumDenominator, [keys, infos]] = first;
  const actions = targets.map((target, i) => ({ target, value: values[i], calldata: calldatas[i] }));
  const governorLogs = await queryAllBlocks(client, (range) => client.getLogs({ address: governor.address, ...range }));
  const events = parseEventLogs({ abi: governor.abi, logs: governorLogs });
  const created = events
    .filter((event) => event.eventName === "ProposalCreated")
    .map(({ args, blockNumber }) => ({ id: args.proposalId, description: args.description, blockNumber }));
  const [summary] = await readSummaries(client, [{ id, descriptionHash, actions }], BigInt(clock), created);

  const ofThis = events.filter((event) => "proposalId" in event.args && event.args.proposalId === id);
  const blockOf = (name: (typeof ofThis)[number]["eventName"]) =>
    ofThis.find((event) => event.eventName === name)?.blockNumber;
  const [extendedAt, queuedAt, executedAt, canceledAt] = await Promise.all(
    (["ProposalExtended", "ProposalQueued", "ProposalExecuted", "ProposalCanceled"] as const).map((name) =>
      blockTime(client, blockOf(name)),
    ),
  );
  const executedTx = ofThis.find((event) => event.eventName === "ProposalExecuted")?.transactionHash;

  const votesCast: Vote[] = [];
  for (const event of ofThis) {
    if (event.eventName !== "VoteCast" && event.eventName !== "VoteCastWithParams") continue;
    const { voter, support, weight, reason } = event.args;
    votesCast.push({ voter, support: supportNames[support], weight, reason, transactionHash: event.transactionHash });
  }
  votesCast.sort((a, b) => (a.weight === b.weight ? 0 : a.weight > b.weight ? -1 : 1));

  const operationId = timelockOperationId(actions, governor.address, descriptionHash);
  const [[operationState, readyAt], disputeDetail, parameterChanges, latest] = await Promise.all([
    client.multicall({
      allowFailure: false,
      contracts: [
        { ...timelock, functionName: "getOperationState", args: [operationId] },
        { ...timelock, functionName: "getTimestamp", args: [operationId] },
      ],
    }),
    summary.dispute ? readDispute(client, summary.dispute.id) : Promise.resolve(undefined),
    executedTx ? readParameterChanges(client, executedTx) : Promise.resolve([]),
    client.getBlock(),
  ]);

  const parameters = new Map<string, ParameterInfo>(keys.map((key, i) => [parameterKeyName(key), infos[i]]));
  const context = { addresses: config.deployment, parameters, quorumDenominator };
  return {
    ...summary,
    decodedActions: decodeActions(
      actions,
      context,
      previousParameterValues(actions, parameterChanges, networkParameters.address),
    ),
    votesCast,
    timeline: {
      state: summary.state,
      createdAt: summary.createdAt,
      voteStart: summary.snapshot,
      deadline: summary.deadline,
      extendedAt,
      queuedAt,
      eta: summary.eta,
      executedAt,
      canceledAt,
    },
    timelockOperation: { id: operationId, state: operationStateNames[operationState], readyAt },
    disputeDetail,
    readAt: latest.timestamp,
  };
}

type StoredProposal = { id: bigint; descriptionHash: Hex; actions: ProposalAction[] };
type CreatedEvent = { id: bigint; description: string; blockNumber: bigint };

async function readCreatedEvents(client: PublicClient): Promise<CreatedEvent[]> {
  const logs = await queryAllBlocks(client, (range) =>
    client.getContractEvents({ ...governor, eventName: "ProposalCreated", ...range }),
  );
  return logs.map(({ args, blockNumber }) => ({
    id: args.proposalId ?? 0n,
    description: args.description ?? "",
    blockNumber,
  }));
}

/** The per-proposal reads, one Multicall3 batch per view, all sent together. */
async function readSummaries(
  client: PublicClient,
  proposals: StoredProposal[],
  clock: bigint,
  created: CreatedEvent[],
): Promise<ProposalSummary[]> {
  const [states, snapshots, deadlines, etas, proposers, votes, disputeIds] = await Promise.all([
    client.multicall({
      allowFailure: false,
      contracts: proposals.map(({ id }) => ({ ...governor, functionName: "state", args: [id] }) as const),
    }),
    client.multicall({
      allowFailure: false,
      contracts: proposals.map(({ id }) => ({ ...governor, functionName: "proposalSnapshot", args: [id] }) as const),
    }),
    client.multicall({
      allowFailure: false,
      contracts: proposals.map(({ id }) => ({ ...governor, functionName: "proposalDeadline", args: [id] }) as const),
    }),
    client.multicall({
      allowFailure: false,
      contracts: proposals.map(({ id }) => ({ ...governor, functionName: "proposalEta", args: [id] }) as const),
    }),
    client.multicall({
      allowFailure: false,
      contracts: proposals.map(({ id }) => ({ ...governor, functionName: "proposalProposer", args: [id] }) as const),
    }),
    client.multicall({
      allowFailure: false,
      contracts: proposals.map(({ id }) => ({ ...governor, functionName: "proposalVotes", args: [id] }) as const),
    }),
    client.multicall({
      allowFailure: false,
      contracts: proposals.map(({ id }) => ({ ...disputeModule, functionName: "disputeOf", args: [id] }) as const),
    }),
  ]);
  // quorum(t) reverts for t >= clock(): a proposal still pending is measured at the latest past timepoint.
  const quorumAt = snapshots.map((snapshot) => (snapshot < clock ? snapshot : clock - 1n));
  const disputed = disputeIds.filter((disputeId) => disputeId !== 0n);
  const creationBlocks = [...new Set(created.map((event) => event.blockNumber))];
  const [quorums, disputes, blockTimes] = await Promise.all([
    client.multicall({
      allowFailure: false,
      contracts: quorumAt.map((timepoint) => ({ ...governor, functionName: "quorum", args: [timepoint] }) as const),
    }),
    client.multicall({
      allowFailure: false,
      contracts: disputed.map(
        (disputeId) => ({ ...disputeModule, functionName: "getDispute", args: [disputeId] }) as const,
      ),
    }),
    Promise.all(creationBlocks.map((blockNumber) => client.getBlock({ blockNumber }))),
  ]);
  const timeOfBlock = new Map(blockTimes.map((block) => [block.number, block.timestamp]));

  return proposals.map(({ id, descriptionHash, actions }, i) => {
    const creation = created.find((event) => event.id === id);
    const description = creation?.description ?? "";
    const [against, forVotes, abstain] = votes[i];
    const dispute = disputes[disputed.indexOf(disputeIds[i])];
    return {
      id,
      proposer: proposers[i],
      actions,
      descriptionHash,
      description,
      ...splitDescription(description),
      state: proposalStateNames[states[i]],
      snapshot: snapshots[i],
      deadline: deadlines[i],
      eta: etas[i],
      votes: { against, for: forVotes, abstain },
      quorum: quorums[i],
      quorumIsEstimate: snapshots[i] >= clock,
      createdAt: creation ? (timeOfBlock.get(creation.blockNumber) ?? 0n) : 0n,
      createdBlock: creation?.blockNumber ?? 0n,
      dispute:
        disputeIds[i] === 0n || !dispute
          ? undefined
          : { id: disputeIds[i], status: disputeStatusNames[dispute.status] },
    };
  });
}

async function readDispute(client: PublicClient, disputeId: bigint): Promise<DisputeDetail> {
  const [dispute, rulingLogs, resolvedLogs] = await Promise.all([
    client.readContract({ ...disputeModule, functionName: "getDispute", args: [disputeId] }),
    queryAllBlocks(client, (range) =>
      client.getContractEvents({ ...disputeModule, eventName: "RulingCast", args: { disputeId }, ...range }),
    ),
    queryAllBlocks(client, (range) =>
      client.getContractEvents({ ...disputeModule, eventName: "DisputeResolved", args: { disputeId }, ...range }),
    ),
  ]);
  const rulings = await Promise.all(
    rulingLogs.map(async ({ args, blockNumber }) => ({
      expert: args.expert ?? "0x",
      uphold: args.uphold ?? false,
      reason: args.reason ?? "",
      time: (await blockTime(client, blockNumber)) ?? 0n,
    })),
  );
  return {
    id: disputeId,
    challenger: dispute.challenger,
    filedAt: BigInt(dispute.filedAt),
    deadline: BigInt(dispute.deadline),
    status: disputeStatusNames[dispute.status],
    upholdCount: dispute.upholdCount,
    rejectCount: dispute.rejectCount,
    rulingQuorum: dispute.rulingQuorum,
    recused: dispute.recused,
    bond: dispute.bond,
    reward: dispute.reward,
    evidence: dispute.evidence,
    rulings,
    resolvedAt: await blockTime(client, resolvedLogs[0]?.blockNumber),
  };
}

/** The ParameterChanged events of a transaction (the execution of a proposal), in log order. */
async function readParameterChanges(client: PublicClient, transactionHash: Hash): Promise<ParameterChange[]> {
  const receipt = await client.getTransactionReceipt({ hash: transactionHash });
  const logs = receipt.logs.filter((log) => isAddressEqual(log.address, networkParameters.address));
  return parseEventLogs({ abi: networkParameters.abi, eventName: "ParameterChanged", logs }).map(({ args }) => ({
    key: parameterKeyName(args.key),
    oldValue: args.oldValue,
  }));
}

async function blockTime(client: PublicClient, blockNumber: bigint | undefined): Promise<bigint | undefined> {
  if (blockNumber === undefined) return undefined;
  return (await client.getBlock({ blockNumber })).timestamp;
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
