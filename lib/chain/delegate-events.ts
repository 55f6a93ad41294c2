import { getContractEvents, multicall, readContract } from "viem/actions";
import type { Address, Client } from "viem";
import { contracts } from "../contracts";
import {
  delegateCandidates,
  summarizeDelegate,
  votingPowerHistory,
  type DelegateEvents,
  type DelegateReads,
  type DelegateSummary,
  type ProposalVoting,
} from "../governance/delegates";
import { queryAllBlocks } from "./block-ranges";
import { loadBlockTimes } from "./block-times";
import { loadGovernorHistory, type GovernorHistory } from "./proposal-events";

const { token, delegateStatements } = contracts;

/** The token's delegation history, every published statement, every vote cast and every proposal. */
async function loadDelegateEvents(client: Client): Promise<DelegateEvents> {
  const [votesChanged, delegateChanged, published, history] = await Promise.all([
    queryAllBlocks(client, (range) =>
      getContractEvents(client, { ...token, eventName: "DelegateVotesChanged", strict: true, ...range }),
    ),
    queryAllBlocks(client, (range) =>
      getContractEvents(client, { ...token, eventName: "DelegateChanged", strict: true, ...range }),
    ),
    queryAllBlocks(client, (range) =>
      getContractEvents(client, { ...delegateStatements, eventName: "StatementPublished", strict: true, ...range }),
    ),
    loadGovernorHistory(client),
  ]);
  return {
    votesChanges: votesChanged.map(({ args, blockNumber }) => ({ ...args, blockNumber })),
    delegations: delegateChanged.map(({ args }) => args),
    statements: published.map(({ args }) => ({
      delegate: args.delegate,
      version: args.version,
      displayName: args.displayName,
      text: args.statement,
      focusAreas: args.focusAreas,
    })),
    votes: history.votes,
    proposals: await loadProposalVotings(client, history),
  };
}

/**
 * Every proposal's id, title and snapshot, and whether its voting ever started: the snapshot passed before now,
 * and before the proposal was canceled if it was.
 */
async function loadProposalVotings(client: Client, history: GovernorHistory): Promise<ProposalVoting[]> {
  const canceled = history.milestones.filter((milestone) => milestone.event === "ProposalCanceled");
  const [now, canceledTimes] = await Promise.all([
    readContract(client, { ...token, functionName: "clock" }),
    loadBlockTimes(client, canceled),
  ]);
  const canceledAt = new Map(canceled.map((milestone, i) => [milestone.proposalId, canceledTimes[i]]));
  return history.created.map(({ id, title, voteStart }) => ({
    id,
    title,
    voteStart,
    votingStarted: voteStart < (canceledAt.get(id) ?? BigInt(now)),
  }));
}

/**
 * For each address, the ids of the proposals whose voting started while it had voting power at the snapshot
 * (the token's `getPastVotes` at the proposal's `voteStart`).
 */
async function loadEligibleProposals(
  client: Client,
  addresses: readonly Address[],
  events: DelegateEvents,
): Promise<Map<Address, bigint[]>> {
  const started = events.proposals.filter((proposal) => proposal.votingStarted);
  const pairs = addresses.flatMap((address) => started.map((proposal) => ({ address, proposal })));
  const pastVotes = await multicall(client, {
    allowFailure: false,
    contracts: pairs.map(
      ({ address, proposal }) =>
        ({ ...token, functionName: "getPastVotes", args: [address, proposal.voteStart] }) as const,
    ),
  });
  const eligible = new Map<Address, bigint[]>(addresses.map((address) => [address, []]));
  pairs.forEach(({ address, proposal }, i) => {
    if (pastVotes[i] > 0n) eligible.get(address)!.push(proposal.id);
  });
  return eligible;
}

/** Current votes and on-chain statement record of each address. */
async function loadDelegateReads(
  client: Client,
  addresses: readonly Address[],
  events: DelegateEvents,
): Promise<Map<Address, DelegateReads>> {
  const [votes, records, eligible] = await Promise.all([
    multicall(client, {
      allowFailure: false,
      contracts: addresses.map((address) => ({ ...token, functionName: "getVotes", args: [address] }) as const),
    }),
    multicall(client, {
      allowFailure: false,
      contracts: addresses.map(
        (address) => ({ ...delegateStatements, functionName: "statementOf", args: [address] }) as const,
      ),
    }),
    loadEligibleProposals(client, addresses, events),
  ]);
  return new Map(
    addresses.map((address, i) => {
      const [version, contentHash] = records[i];
      return [
        address,
        { votes: votes[i], onChainStatement: { version, contentHash }, eligibleProposalIds: eligible.get(address)! },
      ];
    }),
  );
}

export type DelegateDirectory = { events: DelegateEvents; delegates: DelegateSummary[] };

/** Every address with voting power or a statement, summarized. */
export async function loadDelegateDirectory(client: Client): Promise<DelegateDirectory> {
  const events = await loadDelegateEvents(client);
  const candidates = delegateCandidates(events);
  const reads = await loadDelegateReads(client, candidates, events);
  const delegates = candidates
    .map((address) => summarizeDelegate(address, reads.get(address)!, events))
    .filter((delegate) => delegate.votes > 0n || delegate.statement !== undefined);
  return { events, delegates };
}

type DelegateProfile = DelegateSummary & {
  /** Voting power after each change, with the time of its block. */
  powerHistory: { blockNumber: bigint; timestamp: bigint; votes: bigint }[];
  /** Each delegator with the PLM it holds (its contribution to the voting power). */
  delegatorBalances: { address: Address; balance: bigint }[];
  /** Titles of the proposals, by id, for the voting history. */
  proposalTitles: Map<bigint, string>;
};

/** One address's delegate profile, built on already loaded event history. */
export async function loadDelegateProfile(
  client: Client,
  address: Address,
  events: DelegateEvents,
): Promise<DelegateProfile> {
  const reads = (await loadDelegateReads(client, [address], events)).get(address)!;
  const summary = summarizeDelegate(address, reads, events);
  const points = votingPowerHistory(address, events.votesChanges);
  const delegatorAccounts = summary.selfDelegated ? [address, ...summary.delegators] : summary.delegators;
  const [times, balances] = await Promise.all([
    loadBlockTimes(client, points),
    multicall(client, {
      allowFailure: false,
      contracts: delegatorAccounts.map(
        (account) => ({ ...token, functionName: "balanceOf", args: [account] }) as const,
      ),
    }),
  ]);
  return {
    ...summary,
    powerHistory: points.map((point, i) => ({ ...point, timestamp: times[i] })),
    delegatorBalances: delegatorAccounts.map((account, i) => ({ address: account, balance: balances[i] })),
    proposalTitles: new Map(events.proposals.map((proposal) => [proposal.id, proposal.title])),
  };
}
