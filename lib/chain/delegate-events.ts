import type { Address, PublicClient } from "viem";
import { contracts } from "../contracts";
import {
  delegateCandidates,
  summarizeDelegate,
  votingPowerHistory,
  type CastVote,
  type DelegateEvents,
  type DelegateReads,
  type DelegateSummary,
} from "../governance/delegates";
import { queryAllBlocks } from "./block-ranges";
import { loadProposalVotings } from "./proposal-events";

/** The token's delegation history, every published statement, every vote cast and every proposal. */
export async function loadDelegateEvents(client: PublicClient): Promise<DelegateEvents> {
  const { token, governor, delegateStatements } = contracts;
  const [votesChanged, delegateChanged, published, voteCast, voteCastWithParams, proposals] = await Promise.all([
    queryAllBlocks(client, (range) =>
      client.getContractEvents({ ...token, eventName: "DelegateVotesChanged", strict: true, ...range }),
    ),
    queryAllBlocks(client, (range) =>
      client.getContractEvents({ ...token, eventName: "DelegateChanged", strict: true, ...range }),
    ),
    queryAllBlocks(client, (range) =>
      client.getContractEvents({ ...delegateStatements, eventName: "StatementPublished", strict: true, ...range }),
    ),
    queryAllBlocks(client, (range) =>
      client.getContractEvents({ ...governor, eventName: "VoteCast", strict: true, ...range }),
    ),
    queryAllBlocks(client, (range) =>
      client.getContractEvents({ ...governor, eventName: "VoteCastWithParams", strict: true, ...range }),
    ),
    loadProposalVotings(client),
  ]);
  const votes: CastVote[] = [...voteCast, ...voteCastWithParams]
    .sort((a, b) =>
      a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
    )
    .map(({ args: { voter, proposalId, support, weight, reason }, blockNumber }) => ({
      voter,
      proposalId,
      support,
      weight,
      reason,
      blockNumber,
    }));
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
    votes,
    proposals,
  };
}

/**
 * For each address, the ids of the proposals whose voting started while it had voting power at the snapshot
 * (the token's `getPastVotes` at the proposal's `voteStart`); the client batches the calls.
 */
export async function loadEligibleProposals(
  client: PublicClient,
  addresses: readonly Address[],
  events: DelegateEvents,
): Promise<Map<Address, bigint[]>> {
  const started = events.proposals.filter((proposal) => proposal.votingStarted);
  const pairs = addresses.flatMap((address) => started.map((proposal) => ({ address, proposal })));
  const pastVotes = await Promise.all(
    pairs.map(({ address, proposal }) =>
      client.readContract({ ...contracts.token, functionName: "getPastVotes", args: [address, proposal.voteStart] }),
    ),
  );
  const eligible = new Map<Address, bigint[]>(addresses.map((address) => [address, []]));
  pairs.forEach(({ address, proposal }, i) => {
    if (pastVotes[i] > 0n) eligible.get(address)!.push(proposal.id);
  });
  return eligible;
}

/** Current votes and on-chain statement record of each address (the client batches the calls). */
async function loadDelegateReads(
  client: PublicClient,
  addresses: readonly Address[],
  events: DelegateEvents,
): Promise<Map<Address, DelegateReads>> {
  const { token, delegateStatements } = contracts;
  const [votes, records, eligible] = await Promise.all([
    Promise.all(
      addresses.map((address) => client.readContract({ ...token, functionName: "getVotes", args: [address] })),
    ),
    Promise.all(
      addresses.map((address) =>
        client.readContract({ ...delegateStatements, functionName: "statementOf", args: [address] }),
      ),
    ),
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
export async function loadDelegateDirectory(client: PublicClient): Promise<DelegateDirectory> {
  const events = await loadDelegateEvents(client);
  const candidates = delegateCandidates(events);
  const reads = await loadDelegateReads(client, candidates, events);
  const delegates = candidates
    .map((address) => summarizeDelegate(address, reads.get(address)!, events))
    .filter((delegate) => delegate.votes > 0n || delegate.statement !== undefined);
  return { events, delegates };
}

export type DelegateProfile = DelegateSummary & {
  /** Voting power after each change, with the time of its block. */
  powerHistory: { blockNumber: bigint; timestamp: bigint; votes: bigint }[];
  /** Each delegator with the PLM it holds (its contribution to the voting power). */
  delegatorBalances: { address: Address; balance: bigint }[];
  /** Titles of the proposals, by id, for the voting history. */
  proposalTitles: Map<bigint, string>;
};

/** One address's delegate profile, built on already loaded event history. */
export async function loadDelegateProfile(
  client: PublicClient,
  address: Address,
  events: DelegateEvents,
): Promise<DelegateProfile> {
  const reads = (await loadDelegateReads(client, [address], events)).get(address)!;
  const summary = summarizeDelegate(address, reads, events);
  const points = votingPowerHistory(address, events.votesChanges);
  const delegatorAccounts = summary.selfDelegated ? [address, ...summary.delegators] : summary.delegators;
  const [blocks, balances] = await Promise.all([
    Promise.all(points.map((point) => client.getBlock({ blockNumber: point.blockNumber }))),
    Promise.all(
      delegatorAccounts.map((account) =>
        client.readContract({ ...contracts.token, functionName: "balanceOf", args: [account] }),
      ),
    ),
  ]);
  return {
    ...summary,
    powerHistory: points.map((point, i) => ({ ...point, timestamp: blocks[i].timestamp })),
    delegatorBalances: delegatorAccounts.map((account, i) => ({ address: account, balance: balances[i] })),
    proposalTitles: new Map(events.proposals.map((proposal) => [proposal.id, proposal.title])),
  };
}
