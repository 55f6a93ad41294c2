import type { Context } from "ponder:registry";
import { account, dao, proposal, supplyPoint } from "ponder:schema";
import type { Address } from "viem";

const DAO_ID = 1;
/** OpenZeppelin's GovernorVotesQuorumFraction denominator, which PlenumGovernor keeps. */
export const QUORUM_DENOMINATOR = 100n;

type Dao = typeof dao.$inferSelect;

export async function loadDao(context: Context): Promise<Dao> {
  const found = await context.db.find(dao, { id: DAO_ID });
  if (found) return found;
  return context.db.insert(dao).values({
    id: DAO_ID,
    totalSupply: 0n,
    quorumNumerator: 0n,
    delegatedSupply: 0n,
    delegateCount: 0,
    holderCount: 0,
    proposalCount: 0,
    voteCount: 0,
    startedCount: 0,
    upcomingStarts: [],
  });
}

/** The quorum a proposal made at this state has: the supply times the numerator, over the denominator. */
export function quorumOf(state: Dao): bigint {
  return (state.totalSupply * state.quorumNumerator) / QUORUM_DENOMINATOR;
}

const upcomingEntry = (voteStart: bigint, id: bigint) => `${voteStart}:${id}`;
const parseUpcoming = (entry: string) => {
  const [voteStart, id] = entry.split(":").map(BigInt);
  return { voteStart, id };
};

/**
 * Before the events of a block at `timestamp` apply: every proposal whose snapshot is now in the past has started
 * voting, with the supply, quorum and voting power as they stand (the state at its snapshot, since the governor
 * reads checkpoints at or before it). Each counts once in `startedCount`, which participation is measured against.
 */
export async function advanceTo(context: Context, timestamp: bigint): Promise<Dao> {
  const state = await loadDao(context);
  const upcoming = state.upcomingStarts.map(parseUpcoming);
  const started = upcoming.filter((entry) => entry.voteStart < timestamp);
  if (started.length === 0) return state;
  const frozen = { quorum: quorumOf(state), supplyAtStart: state.totalSupply, delegatedAtStart: state.delegatedSupply };
  for (const { id } of started) await context.db.update(proposal, { id }).set(frozen);
  return context.db.update(dao, { id: DAO_ID }).set({
    startedCount: state.startedCount + started.length,
    upcomingStarts: upcoming
      .filter((entry) => entry.voteStart >= timestamp)
      .map((entry) => upcomingEntry(entry.voteStart, entry.id)),
  });
}

/**
 * Proposals whose voting started by `now`: those counted as events arrived, and those whose snapshot passed since the
 * last event (with no event since, every account's voting power at those snapshots is its power now).
 */
export function startedCountAt(state: Dao, now: bigint): number {
  return state.startedCount + state.upcomingStarts.filter((entry) => parseUpcoming(entry).voteStart < now).length;
}

export async function addUpcomingStart(context: Context, id: bigint, voteStart: bigint): Promise<void> {
  const state = await loadDao(context);
  const upcoming = [...state.upcomingStarts.map(parseUpcoming), { voteStart, id }].sort((a, b) =>
    a.voteStart < b.voteStart ? -1 : a.voteStart > b.voteStart ? 1 : 0,
  );
  await context.db
    .update(dao, { id: DAO_ID })
    .set({ upcomingStarts: upcoming.map((entry) => upcomingEntry(entry.voteStart, entry.id)) });
}

/** A proposal canceled before its snapshot never starts voting. */
export async function dropUpcomingStart(context: Context, id: bigint): Promise<void> {
  const state = await loadDao(context);
  await context.db
    .update(dao, { id: DAO_ID })
    .set({ upcomingStarts: state.upcomingStarts.filter((entry) => parseUpcoming(entry).id !== id) });
}

/** A change to the DAO row, which `advanceTo` (called first by every handler that changes it) has created. */
export async function updateDao(context: Context, change: (state: Dao) => Partial<Dao>): Promise<void> {
  await context.db.update(dao, { id: DAO_ID }).set(change);
}

/** After a change to the supply or the delegated supply: the block's values, for the history of both. */
export async function recordSupply(context: Context, block: { number: bigint; timestamp: bigint }): Promise<void> {
  const { totalSupply, delegatedSupply } = await loadDao(context);
  await context.db
    .insert(supplyPoint)
    .values({ blockNumber: block.number, timestamp: block.timestamp, totalSupply, delegatedSupply })
    .onConflictDoUpdate({ totalSupply, delegatedSupply });
}

type Account = typeof account.$inferSelect;

/**
 * A change to an account's row, created empty the first time an event names the address: one upsert. Returns the
 * row as changed.
 */
export async function changeAccount(
  context: Context,
  address: Address,
  timestamp: bigint,
  change: (row: Account) => Partial<Account>,
): Promise<Account> {
  const empty = emptyAccount(address, timestamp);
  return context.db
    .insert(account)
    .values({ ...empty, ...change(empty) })
    .onConflictDoUpdate(change);
}

function emptyAccount(address: Address, timestamp: bigint): Account {
  return {
    address,
    balance: 0n,
    votingPower: 0n,
    delegatorCount: 0,
    votesCast: 0,
    votedEligible: 0,
    eligibleClosed: 0,
    statementVersion: 0n,
    searchText: address.toLowerCase(),
    firstSeenAt: timestamp,
    delegatesTo: null,
    startedAtPowerOn: null,
    displayName: null,
    statement: null,
    focusAreas: null,
  };
}
