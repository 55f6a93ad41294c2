import { index, onchainTable, primaryKey } from "ponder";

// Every event of the system, and the aggregates the pages sort and filter by, kept as the events arrive.
// Amounts are bigint (numeric); times are the governor's clock (block timestamps, seconds).

/** The DAO-wide state the aggregates need: supply and quorum numerator now, and the voting start bookkeeping. */
export const dao = onchainTable("dao", (t) => ({
  id: t.integer().primaryKey(),
  totalSupply: t.bigint().notNull(),
  quorumNumerator: t.bigint().notNull(),
  /** Voting power held by all delegates together. */
  delegatedSupply: t.bigint().notNull(),
  /** Accounts with voting power, accounts with a balance, proposals, votes. */
  delegateCount: t.integer().notNull(),
  holderCount: t.integer().notNull(),
  proposalCount: t.integer().notNull(),
  voteCount: t.integer().notNull(),
  /** Proposals whose voting started (snapshot passed before any cancel), in snapshot order. */
  startedCount: t.integer().notNull(),
  /** Proposals still before their snapshot: "voteStart:id", earliest first. */
  upcomingStarts: t.text().array().notNull(),
}));

export const proposal = onchainTable(
  "proposal",
  (t) => ({
    id: t.bigint().primaryKey(),
    proposer: t.hex().notNull(),
    targets: t.hex().array().notNull(),
    values: t.bigint().array().notNull(),
    calldatas: t.hex().array().notNull(),
    description: t.text().notNull(),
    title: t.text().notNull(),
    /** Lower-cased title and description, for search. */
    searchText: t.text().notNull(),
    /** What the actions touch: parameters, registry, treasury, disputes, governance, custom. */
    kinds: t.text().array().notNull(),
    voteStart: t.bigint().notNull(),
    /** The deadline, late-quorum extension included. */
    voteEnd: t.bigint().notNull(),
    /** The deadline the proposal was created with. */
    initialVoteEnd: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    createdBlock: t.bigint().notNull(),
    createdTx: t.hex().notNull(),
    /** Set when voting starts: the quorum, the token supply and the delegated supply at the snapshot. */
    quorum: t.bigint(),
    supplyAtStart: t.bigint(),
    delegatedAtStart: t.bigint(),
    /** The time of the vote that brought for and abstain votes to the quorum. */
    quorumReachedAt: t.bigint(),
    forVotes: t.bigint().notNull(),
    againstVotes: t.bigint().notNull(),
    abstainVotes: t.bigint().notNull(),
    voterCount: t.integer().notNull(),
    extendedAt: t.bigint(),
    queuedAt: t.bigint(),
    eta: t.bigint(),
    executedAt: t.bigint(),
    executedTx: t.hex(),
    canceledAt: t.bigint(),
    disputeId: t.bigint(),
  }),
  (table) => ({ createdIndex: index().on(table.createdAt) }),
);

export const vote = onchainTable(
  "vote",
  (t) => ({
    proposalId: t.bigint().notNull(),
    voter: t.hex().notNull(),
    /** 0 against, 1 for, 2 abstain. */
    support: t.integer().notNull(),
    weight: t.bigint().notNull(),
    reason: t.text().notNull(),
    params: t.hex().notNull(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    /** The proposal's totals once this vote is counted (votes in log order): the settings what-if reads them. */
    forAfter: t.bigint().notNull(),
    againstAfter: t.bigint().notNull(),
    abstainAfter: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.proposalId, table.voter] }),
    byWeight: index().on(table.proposalId, table.weight, table.voter),
    byVoter: index().on(table.voter, table.timestamp),
    /** Each proposal's votes in time order, as the settings what-if reads them. */
    inTimeOrder: index().on(table.proposalId, table.timestamp),
  }),
);

/** Every holder and delegate, with the aggregates the directory sorts by. */
export const account = onchainTable(
  "account",
  (t) => ({
    address: t.hex().primaryKey(),
    balance: t.bigint().notNull(),
    /** The current delegate, null when never delegated or undelegated. */
    delegatesTo: t.hex(),
    votingPower: t.bigint().notNull(),
    /** Accounts delegating to this one, itself excluded. */
    delegatorCount: t.integer().notNull(),
    votesCast: t.integer().notNull(),
    /** Votes cast with weight: each on a proposal whose voting started while this account had power. */
    votedEligible: t.integer().notNull(),
    /** Proposals that started while this account had power, over its past powered spells. */
    eligibleClosed: t.integer().notNull(),
    /** `dao.startedCount` when the current powered spell began; null while without power. */
    startedAtPowerOn: t.integer(),
    statementVersion: t.bigint().notNull(),
    displayName: t.text(),
    statement: t.text(),
    focusAreas: t.text().array(),
    /** Lower-cased display name and address, for search. */
    searchText: t.text().notNull(),
    firstSeenAt: t.bigint().notNull(),
  }),
  (table) => ({
    byPower: index().on(table.votingPower),
    byDelegate: index().on(table.delegatesTo, table.balance),
  }),
);

/** The token supply and the delegated supply after each block that changed either. */
export const supplyPoint = onchainTable(
  "supply_point",
  (t) => ({
    blockNumber: t.bigint().primaryKey(),
    timestamp: t.bigint().notNull(),
    totalSupply: t.bigint().notNull(),
    delegatedSupply: t.bigint().notNull(),
  }),
  (table) => ({ byTime: index().on(table.timestamp) }),
);

export const delegation = onchainTable(
  "delegation",
  (t) => ({
    id: t.text().primaryKey(),
    delegator: t.hex().notNull(),
    fromDelegate: t.hex().notNull(),
    toDelegate: t.hex().notNull(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
  }),
  (table) => ({ byDelegator: index().on(table.delegator), byTo: index().on(table.toDelegate) }),
);

export const votingPowerChange = onchainTable(
  "voting_power_change",
  (t) => ({
    id: t.text().primaryKey(),
    delegate: t.hex().notNull(),
    previousVotes: t.bigint().notNull(),
    newVotes: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
  }),
  (table) => ({ byDelegate: index().on(table.delegate, table.blockNumber) }),
);

export const transfer = onchainTable(
  "transfer",
  (t) => ({
    id: t.text().primaryKey(),
    from: t.hex().notNull(),
    to: t.hex().notNull(),
    value: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
  }),
  (table) => ({ byFrom: index().on(table.from), byTo: index().on(table.to) }),
);

/** Every published statement version. */
export const statement = onchainTable(
  "statement",
  (t) => ({
    delegate: t.hex().notNull(),
    version: t.bigint().notNull(),
    displayName: t.text().notNull(),
    statement: t.text().notNull(),
    focusAreas: t.text().array().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.delegate, table.version] }) }),
);

export const dispute = onchainTable(
  "dispute",
  (t) => ({
    id: t.bigint().primaryKey(),
    proposalId: t.bigint().notNull(),
    /** The first filer. */
    challenger: t.hex().notNull(),
    bond: t.bigint().notNull(),
    deadline: t.bigint().notNull(),
    filedAt: t.bigint().notNull(),
    /** The module's DisputeStatus: 1 open, then upheld, rejected or timed out. */
    status: t.integer().notNull(),
    reward: t.bigint(),
    resolvedAt: t.bigint(),
    challengerCount: t.integer().notNull(),
    evidenceCount: t.integer().notNull(),
    upholdCount: t.integer().notNull(),
    rejectCount: t.integer().notNull(),
  }),
  (table) => ({ byProposal: index().on(table.proposalId) }),
);

export const disputeChallenger = onchainTable(
  "dispute_challenger",
  (t) => ({
    disputeId: t.bigint().notNull(),
    challenger: t.hex().notNull(),
    bond: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.disputeId, table.challenger] }) }),
);

export const evidence = onchainTable(
  "evidence",
  (t) => ({
    id: t.text().primaryKey(),
    disputeId: t.bigint().notNull(),
    author: t.hex().notNull(),
    text: t.text().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ byDispute: index().on(table.disputeId) }),
);

export const ruling = onchainTable(
  "ruling",
  (t) => ({
    disputeId: t.bigint().notNull(),
    expert: t.hex().notNull(),
    uphold: t.boolean().notNull(),
    reason: t.text().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.disputeId, table.expert] }) }),
);

export const idleMember = onchainTable(
  "idle_member",
  (t) => ({ disputeId: t.bigint().notNull(), expert: t.hex().notNull(), timestamp: t.bigint().notNull() }),
  (table) => ({ pk: primaryKey({ columns: [table.disputeId, table.expert] }) }),
);

export const panelMember = onchainTable("panel_member", (t) => ({
  expert: t.hex().primaryKey(),
  profile: t.text().notNull(),
  active: t.boolean().notNull(),
  stake: t.bigint().notNull(),
  slashed: t.bigint().notNull(),
  rulings: t.integer().notNull(),
  missedTimeouts: t.integer().notNull(),
  addedAt: t.bigint().notNull(),
  removedAt: t.bigint(),
}));

/** Money moving through the dispute module: stakes, slashes, reward funding, payouts. */
export const disputeFunds = onchainTable(
  "dispute_funds",
  (t) => ({
    id: t.text().primaryKey(),
    /** StakeDeposited, StakeWithdrawn, ExpertSlashed, RewardsFunded, RewardsReclaimed or Withdrawn. */
    event: t.text().notNull(),
    account: t.hex(),
    amount: t.bigint().notNull(),
    disputeId: t.bigint(),
    /** ExpertSlashed: the ground (the module's SlashGround) and reason. */
    ground: t.integer(),
    reason: t.text(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ byAccount: index().on(table.account) }),
);

/**
 * Every setting any contract logged a change of: network parameters, governor and timelock settings, dispute module
 * settings, ownership. Values are decimal or hex text, as the event gives them.
 */
export const settingChange = onchainTable(
  "setting_change",
  (t) => ({
    id: t.text().primaryKey(),
    contract: t.text().notNull(),
    setting: t.text().notNull(),
    oldValue: t.text().notNull(),
    newValue: t.text().notNull(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ byTransaction: index().on(table.transactionHash) }),
);

/** Pause and unpause of the network parameters by the guardian. */
export const guardianAction = onchainTable("guardian_action", (t) => ({
  id: t.text().primaryKey(),
  action: t.text().notNull(),
  account: t.hex().notNull(),
  until: t.bigint(),
  timestamp: t.bigint().notNull(),
}));

export const publisher = onchainTable("publisher", (t) => ({
  address: t.hex().primaryKey(),
  name: t.text().notNull(),
  verified: t.boolean().notNull(),
  updatedAt: t.bigint().notNull(),
}));

export const model = onchainTable("model", (t) => ({
  id: t.bigint().primaryKey(),
  publisher: t.hex().notNull(),
  name: t.text().notNull(),
  uri: t.text().notNull(),
  weightsHash: t.hex().notNull(),
  license: t.text().notNull(),
  registeredAt: t.bigint().notNull(),
  delistedAt: t.bigint(),
  delistReason: t.text(),
}));

export const grant = onchainTable("grant", (t) => ({
  id: t.bigint().primaryKey(),
  beneficiary: t.hex().notNull(),
  amount: t.bigint().notNull(),
  start: t.bigint().notNull(),
  cliffDuration: t.bigint().notNull(),
  duration: t.bigint().notNull(),
  memo: t.text().notNull(),
  released: t.bigint().notNull(),
  createdAt: t.bigint().notNull(),
  revokedAt: t.bigint(),
  vestedAtRevoke: t.bigint(),
  returnedAtRevoke: t.bigint(),
}));

export const grantRelease = onchainTable("grant_release", (t) => ({
  id: t.text().primaryKey(),
  grantId: t.bigint().notNull(),
  beneficiary: t.hex().notNull(),
  amount: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
}));

export const timelockOperation = onchainTable("timelock_operation", (t) => ({
  id: t.hex().primaryKey(),
  /** Scheduled, Executed or Cancelled. */
  status: t.text().notNull(),
  callCount: t.integer().notNull(),
  delay: t.bigint().notNull(),
  predecessor: t.hex().notNull(),
  salt: t.hex(),
  scheduledAt: t.bigint().notNull(),
  executedAt: t.bigint(),
  cancelledAt: t.bigint(),
}));

export const timelockCall = onchainTable(
  "timelock_call",
  (t) => ({
    operationHash: t.hex().notNull(),
    index: t.bigint().notNull(),
    target: t.hex().notNull(),
    value: t.bigint().notNull(),
    data: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.operationHash, table.index] }) }),
);

export const roleChange = onchainTable("role_change", (t) => ({
  id: t.text().primaryKey(),
  role: t.hex().notNull(),
  account: t.hex().notNull(),
  sender: t.hex().notNull(),
  granted: t.boolean().notNull(),
  timestamp: t.bigint().notNull(),
}));
