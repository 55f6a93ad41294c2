import type { Address, Hash, Hex } from "viem";
import type { DisputeStatusName } from "../governance/dispute-status";
import type { ProposalKind } from "../governance/proposal-kinds";
import type { ProposalStateName } from "../governance/proposal-state";
import type { VoteSupportName } from "../governance/votes";

// What the indexer's routes return (indexer/src/api), shared by the routes and the app's client (./client.ts).

/** A page of a list, and the cursor of the next page (null on the last). */
export type Page<T> = { items: T[]; nextCursor: string | null };

export type IndexedDisputeSummary = { id: bigint; status: DisputeStatusName };

export type IndexedProposal = {
  id: bigint;
  proposer: Address;
  description: string;
  title: string;
  kinds: ProposalKind[];
  /** The state from indexed events and the clock the request gave: the chain's `state()` is the live answer. */
  state: ProposalStateName;
  voteStart: bigint;
  /** The deadline, extension included. */
  voteEnd: bigint;
  eta: bigint;
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  voterCount: number;
  /** The quorum at the snapshot once voting started; before, today's quorum. */
  quorum: bigint;
  quorumIsEstimate: boolean;
  createdAt: bigint;
  dispute: IndexedDisputeSummary | null;
};

export type ProposalFilter = {
  /** One state, or several separated by commas. */
  state?: ProposalStateName | string;
  kind?: ProposalKind;
  /** Words in the title or description. */
  search?: string;
  /** The chain's time the states are computed at (seconds); the server's clock when absent. */
  now?: bigint;
  cursor?: string;
  limit?: number;
};

export type ProposalPage = Page<IndexedProposal> & {
  /** Proposals per state, and in all, for the filter (kind and search applied). */
  counts: Partial<Record<ProposalStateName | "All", number>>;
};

export type IndexedVote = {
  proposalId: bigint;
  voter: Address;
  support: VoteSupportName;
  weight: bigint;
  reason: string;
  timestamp: bigint;
  transactionHash: Hash;
  /** The voter's display name, when it published a statement. */
  voterName: string | null;
};

export type IndexedSettingChange = { contract: string; setting: string; oldValue: string; newValue: string };

export type IndexedDisputeDetail = {
  id: bigint;
  proposalId: bigint;
  proposalTitle: string;
  challenger: Address;
  bond: bigint;
  deadline: bigint;
  filedAt: bigint;
  status: DisputeStatusName;
  reward: bigint | null;
  resolvedAt: bigint | null;
  upholdCount: number;
  rejectCount: number;
  challengers: { account: Address; bond: bigint; time: bigint }[];
  evidence: { author: Address; text: string; time: bigint }[];
  rulings: { expert: Address; uphold: boolean; reason: string; time: bigint }[];
  idleMembers: Address[];
};

export type ProposalDetailRecord = IndexedProposal & {
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  createdTx: Hash;
  extendedAt: bigint | null;
  queuedAt: bigint | null;
  executedAt: bigint | null;
  canceledAt: bigint | null;
  /** The setting changes its execution logged, in log order (to show what each action replaced). */
  settingChanges: IndexedSettingChange[];
  disputeDetail: IndexedDisputeDetail | null;
};

export const delegateSortKeys = ["votingPower", "delegators", "participation"] as const;
export type DelegateSortKey = (typeof delegateSortKeys)[number];

export type IndexedDelegate = {
  address: Address;
  votingPower: bigint;
  delegatorCount: number;
  /** Whether its own tokens count toward its power. */
  selfDelegated: boolean;
  votesCast: number;
  /** Proposals whose voting started while it had power, and how many of them it voted on. */
  participation: { eligible: number; voted: number };
  statement: {
    version: bigint;
    displayName: string;
    text: string;
    focusAreas: string[];
  } | null;
};

export type DelegateFilter = {
  sort?: DelegateSortKey;
  search?: string;
  focusArea?: string;
  /** The chain's time participation is counted at (seconds); the server's clock when absent. */
  now?: bigint;
  cursor?: string;
  limit?: number;
};

export type DelegatePage = Page<IndexedDelegate> & { total: number; focusAreas: string[] };

export type DelegateProfileRecord = IndexedDelegate & {
  balance: bigint;
  delegatesTo: Address | null;
  /** Voting power after each block that changed it, oldest first. */
  powerHistory: { blockNumber: bigint; timestamp: bigint; votes: bigint }[];
};

export type DelegateVote = IndexedVote & { proposalTitle: string };

export type Delegator = { address: Address; balance: bigint; since: bigint };

export type IndexedPanelMember = {
  expert: Address;
  profile: string;
  active: boolean;
  stake: bigint;
  slashed: bigint;
  rulings: number;
  missedTimeouts: number;
};

export type DisputesRecord = Page<IndexedDisputeDetail> & { panel: IndexedPanelMember[] };

export type OverviewRecord = {
  proposalCount: number;
  delegatedSupply: bigint;
  delegateCount: number;
  holderCount: number;
  voteCount: number;
};

/**
 * What happens in the DAO, as feeds and webhooks tell it: each event once, named `<subject>.<what>`. Proposal events
 * that follow from the clock (voting opens, 24 hours left, the outcome, executable) happen at the first second they
 * hold.
 */
export const daoEventTypes = [
  "proposal.created",
  "proposal.voting_opened",
  "proposal.ending_soon",
  "proposal.succeeded",
  "proposal.defeated",
  "proposal.queued",
  "proposal.executable",
  "proposal.executed",
  "proposal.canceled",
  "dispute.filed",
  "dispute.ruling",
  "dispute.resolved",
  "dispute.payout",
] as const;
export type DaoEventType = (typeof daoEventTypes)[number];

export type DaoEvent = {
  /** Stable across reads and restarts: `<type>:<key>`. */
  id: string;
  type: DaoEventType;
  /** Chain seconds. */
  time: bigint;
  /** Null only for a payout, which the chain does not tie to one dispute. */
  proposalId: bigint | null;
  proposalTitle: string | null;
  disputeId: bigint | null;
  /** Who acted: the proposer, the dispute's filer, the ruling panel member, the account paid. */
  account: Address | null;
  /** PLM: a dispute's bond, a payout. */
  amount: bigint | null;
  /** A ruling's reason; a resolved dispute's status (a DisputeStatusName). */
  text: string | null;
  /** A ruling: whether it upholds the dispute. */
  uphold: boolean | null;
  /** A proposal's outcome: its votes and the quorum they were counted against. */
  votes: { for: bigint; against: bigint; abstain: bigint; quorum: bigint } | null;
};

export type DaoEventFilter = {
  /** Only events at or before this chain time: the indexer's latest block, so outcomes count every indexed vote. */
  until: bigint;
  /** Only events after this chain time. */
  since?: bigint;
  /** Event types, comma-separated; all when unset. */
  types?: string;
  /** Newest first (feeds, the default) or oldest first (deliveries). */
  order?: "newest" | "oldest";
  /** The `nextCursor` of the page before, in the same order. */
  cursor?: string;
  limit?: number;
};

// --- analytics (/analytics) ---

/** A proposal whose voting started, with what its turnout is measured against: the state at its snapshot. */
export type ProposalTurnout = {
  id: bigint;
  title: string;
  state: ProposalStateName;
  voteStart: bigint;
  /** The deadline it was created with, and the one it ended with (later when extended by late quorum). */
  initialVoteEnd: bigint;
  voteEnd: bigint;
  totalSupply: bigint;
  delegatedSupply: bigint;
  quorum: bigint;
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  voterCount: number;
  /** The time of the vote that brought for and abstain votes to the quorum; null while short of it. */
  quorumReachedAt: bigint | null;
  extendedAt: bigint | null;
};

export type SupplyPoint = { timestamp: bigint; totalSupply: bigint; delegatedSupply: bigint };

/** How participation spreads: delegates by the share of the proposals they could vote on that they voted on. */
export type ParticipationBand = {
  /** Percent, `from` included, `to` excluded except for the last band (which holds 100%). */
  from: number;
  to: number;
  delegates: number;
  votingPower: bigint;
};

export type DelegationRecord = {
  totalSupply: bigint;
  delegatedSupply: bigint;
  /** The quorum a proposal made now would have. */
  quorum: bigint;
  delegateCount: number;
  /** Voting power of the ten largest delegates. */
  topTenPower: bigint;
  /** The fewest delegates whose power together reaches the quorum, and more than half the delegated supply. */
  delegatesForQuorum: number | null;
  delegatesForMajority: number | null;
  participation: ParticipationBand[];
  /** Delegates with voting power now who voted on none of the last `proposals` proposals whose voting ended. */
  silent: { proposals: number; delegates: number; votingPower: bigint };
  /** Supply and delegated supply over time, at most `points` samples (the last change always among them). */
  history: SupplyPoint[];
};

/** The governor settings a what-if applies to every past proposal. */
export type WhatIfSettings = {
  /** Percent of the supply at the snapshot (PlenumGovernor's quorum denominator is 100). */
  quorumNumerator: bigint;
  /** Seconds. */
  votingPeriod: bigint;
  lateQuorumExtension: bigint;
};

export type WhatIfOutcome = {
  id: bigint;
  title: string;
  voteStart: bigint;
  actual: "Succeeded" | "Defeated";
  simulated: "Succeeded" | "Defeated";
  /** Under the settings tried: the quorum, the deadline (extended if quorum came late) and the votes counted by it. */
  quorum: bigint;
  voteEnd: bigint;
  quorumReachedAt: bigint | null;
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  /** Votes cast after the deadline tried, which it leaves out. */
  votesLeftOut: number;
  /** The deadline tried is after the real one: votes that might have come later are unknown. */
  beyondHistory: boolean;
};

export type WhatIfRecord = {
  settings: WhatIfSettings;
  /** Proposals whose voting ended and that were not canceled. */
  evaluated: number;
  succeeded: { actual: number; simulated: number };
  /** Proposals whose outcome would differ, newest first (the first `WHAT_IF_LIST_LIMIT`). */
  changed: WhatIfOutcome[];
  changedCount: number;
  beyondHistory: number;
};

export const WHAT_IF_LIST_LIMIT = 500;
