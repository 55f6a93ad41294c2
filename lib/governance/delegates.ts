import { encodeAbiParameters, isAddressEqual, keccak256, zeroAddress, type Address, type Hex } from "viem";
import { compareBigint } from "../bigint";
import { shortAddress } from "../format";
import type { CastVote } from "./votes";

/** One `DelegateVotesChanged` event of the token. */
type VotesChange = { delegate: Address; previousVotes: bigint; newVotes: bigint; blockNumber: bigint };
/** One `DelegateChanged` event of the token. */
type DelegationChange = { delegator: Address; fromDelegate: Address; toDelegate: Address };
/** One `StatementPublished` event of DelegateStatements. */
export type PublishedStatement = {
  delegate: Address;
  version: bigint;
  displayName: string;
  text: string;
  focusAreas: readonly string[];
};
/** What participation needs of a proposal: its snapshot and whether its voting ever started. */
export type ProposalVoting = { id: bigint; title: string; voteStart: bigint; votingStarted: boolean };

/** The event history delegates are built from. */
export type DelegateEvents = {
  votesChanges: VotesChange[];
  delegations: DelegationChange[];
  statements: PublishedStatement[];
  votes: CastVote[];
  proposals: ProposalVoting[];
};

/** A statement with the result of checking its content against the hash the contract keeps. */
export type CheckedStatement = PublishedStatement & { matchesChain: boolean };

export type Participation = {
  /** Proposals whose voting started while the address had voting power (at the proposal's snapshot). */
  eligible: number;
  /** Of those, the ones the address voted on. */
  voted: number;
};

export type DelegateSummary = {
  address: Address;
  votes: bigint;
  statement?: CheckedStatement;
  /** Accounts whose current delegate is this address, itself excluded. */
  delegators: Address[];
  selfDelegated: boolean;
  votesCast: CastVote[];
  participation: Participation;
};

/** The hash DelegateStatements keeps: keccak256(abi.encode(displayName, statement, focusAreas)). */
export function statementContentHash(displayName: string, text: string, focusAreas: readonly string[]): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: "string" }, { type: "string" }, { type: "string[]" }],
      [displayName, text, focusAreas],
    ),
  );
}

/** Whether `statement` is the one the contract records now (same version and content hash). */
export function statementMatchesChain(
  statement: PublishedStatement,
  onChain: { version: bigint; contentHash: Hex },
): boolean {
  return (
    statement.version === onChain.version &&
    statementContentHash(statement.displayName, statement.text, statement.focusAreas) === onChain.contentHash
  );
}

/** The latest version of each delegate's statement, by delegate. */
export function latestStatements(statements: PublishedStatement[]): Map<Address, PublishedStatement> {
  const latest = new Map<Address, PublishedStatement>();
  for (const statement of statements) {
    const current = latest.get(statement.delegate);
    if (!current || statement.version > current.version) latest.set(statement.delegate, statement);
  }
  return latest;
}

/** Each delegator's current delegate (events in chain order); delegators who undelegated are left out. */
export function currentDelegates(delegations: DelegationChange[]): Map<Address, Address> {
  const current = new Map<Address, Address>();
  for (const { delegator, toDelegate } of delegations) {
    if (toDelegate === zeroAddress) current.delete(delegator);
    else current.set(delegator, toDelegate);
  }
  return current;
}

/** Accounts whose current delegate is `delegate`, itself included when it delegated to itself. */
export function delegatorsOf(delegate: Address, delegations: DelegationChange[]): Address[] {
  return [...currentDelegates(delegations)]
    .filter(([, to]) => isAddressEqual(to, delegate))
    .map(([delegator]) => delegator);
}

/** Votes of `delegate` after each change, in chain order (the last point is the current voting power). */
export function votingPowerHistory(
  delegate: Address,
  votesChanges: VotesChange[],
): { blockNumber: bigint; votes: bigint }[] {
  const points: { blockNumber: bigint; votes: bigint }[] = [];
  for (const change of votesChanges) {
    if (!isAddressEqual(change.delegate, delegate)) continue;
    const last = points.at(-1);
    // Several changes in one block: keep the block's final value.
    if (last && last.blockNumber === change.blockNumber) last.votes = change.newVotes;
    else points.push({ blockNumber: change.blockNumber, votes: change.newVotes });
  }
  return points;
}

/**
 * Participation: of the proposals whose voting started while the address had voting power at the snapshot
 * (`eligibleProposalIds`), how many it voted on.
 */
export function participation(votesCast: CastVote[], eligibleProposalIds: readonly bigint[]): Participation {
  const voted = new Set(votesCast.map((vote) => vote.proposalId));
  return {
    eligible: eligibleProposalIds.length,
    voted: eligibleProposalIds.filter((id) => voted.has(id)).length,
  };
}

/** Participation as a whole percentage, or undefined when the address could not vote on anything yet. */
export function participationPercent({ eligible, voted }: Participation): number | undefined {
  return eligible === 0 ? undefined : Math.round((voted * 100) / eligible);
}

export function delegateName(delegate: Pick<DelegateSummary, "address" | "statement">): string {
  return delegate.statement?.displayName ?? shortAddress(delegate.address);
}

export const delegateSorts = {
  votingPower: "Voting power",
  delegators: "Delegators",
  participation: "Participation",
} as const;
export type DelegateSort = keyof typeof delegateSorts;

/** Highest first; ties broken by voting power, then by address so the order is stable. */
export function sortDelegates(delegates: DelegateSummary[], sort: DelegateSort): DelegateSummary[] {
  const key = (delegate: DelegateSummary): number => {
    if (sort === "delegators") return delegate.delegators.length;
    if (sort === "participation") return participationPercent(delegate.participation) ?? -1;
    return 0;
  };
  return [...delegates].sort(
    (a, b) =>
      key(b) - key(a) ||
      compareBigint(b.votes, a.votes) ||
      a.address.toLowerCase().localeCompare(b.address.toLowerCase()),
  );
}

/** Delegates whose address or display name contains `query` (any case) and who list `focusArea`, when given. */
export function filterDelegates(
  delegates: DelegateSummary[],
  { query, focusArea }: { query: string; focusArea?: string },
): DelegateSummary[] {
  const needle = query.trim().toLowerCase();
  return delegates.filter((delegate) => {
    if (focusArea && !delegate.statement?.focusAreas.some((area) => sameFocusArea(area, focusArea))) return false;
    if (!needle) return true;
    return (
      delegate.address.toLowerCase().includes(needle) ||
      (delegate.statement?.displayName.toLowerCase().includes(needle) ?? false)
    );
  });
}

function sameFocusArea(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Every focus area named in the statements, once each (first spelling wins), in alphabetical order. */
export function allFocusAreas(delegates: DelegateSummary[]): string[] {
  const areas = new Map<string, string>();
  for (const area of delegates.flatMap((delegate) => delegate.statement?.focusAreas ?? [])) {
    const key = area.trim().toLowerCase();
    if (!areas.has(key)) areas.set(key, area.trim());
  }
  return [...areas.values()].sort((a, b) => a.localeCompare(b));
}

/** What is read from the contracts now about one address, next to its event history. */
export type DelegateReads = {
  votes: bigint;
  onChainStatement: { version: bigint; contentHash: Hex };
  eligibleProposalIds: readonly bigint[];
};

/** One address as a delegate: its current votes, latest statement (checked), delegators, votes and participation. */
export function summarizeDelegate(address: Address, reads: DelegateReads, events: DelegateEvents): DelegateSummary {
  const statement = latestStatements(events.statements).get(address);
  const delegators = delegatorsOf(address, events.delegations);
  const votesCast = events.votes.filter((vote) => isAddressEqual(vote.voter, address));
  return {
    address,
    votes: reads.votes,
    statement: statement && { ...statement, matchesChain: statementMatchesChain(statement, reads.onChainStatement) },
    delegators: delegators.filter((delegator) => !isAddressEqual(delegator, address)),
    selfDelegated: delegators.some((delegator) => isAddressEqual(delegator, address)),
    votesCast,
    participation: participation(votesCast, reads.eligibleProposalIds),
  };
}

/** Everyone who is or may become a delegate: every address that ever had votes, and every statement author. */
export function delegateCandidates(events: DelegateEvents): Address[] {
  return [
    ...new Set([
      ...events.votesChanges.map((change) => change.delegate),
      ...events.statements.map((statement) => statement.delegate),
    ]),
  ];
}

/** Whether the address has done anything a delegate profile shows. */
export function hasDelegateActivity(delegate: DelegateSummary, history: readonly unknown[]): boolean {
  return (
    delegate.votes > 0n ||
    delegate.statement !== undefined ||
    delegate.votesCast.length > 0 ||
    delegate.delegators.length > 0 ||
    history.length > 0
  );
}
