import { Hono, type Context } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { and, asc, desc, eq, gt, ilike, inArray, lt, or, sql } from "ponder";
import { getAddress, isAddress, type Address } from "viem";
import { disputeStatusNames } from "../../../lib/governance/dispute-status";
import { isProposalKind, type ProposalKind } from "../../../lib/governance/proposal-kinds";
import { proposalStateNames, type ProposalStateName } from "../../../lib/governance/proposal-state";
import { voteSupportNames } from "../../../lib/governance/votes";
import type {
  DelegatePage,
  DelegateProfileRecord,
  DelegateSortKey,
  DelegationRecord,
  DelegateVote,
  Delegator,
  DisputesRecord,
  IndexedDelegate,
  IndexedDisputeDetail,
  IndexedProposal,
  IndexedVote,
  OverviewRecord,
  Page,
  ProposalDetailRecord,
  ProposalPage,
  ProposalTurnout,
  WhatIfRecord,
  WhatIfSettings,
} from "../../../lib/indexer/types";
import { delegateSortKeys } from "../../../lib/indexer/types";
import { toWire } from "../../../lib/indexer/wire";
import { QUORUM_DENOMINATOR, quorumOf, startedCountAt } from "../dao";
import { delegation, eligibleSql, proposalTurnout, whatIf } from "./analytics";
import { daoEvents, EventQueryError } from "./events";
import { stateSql } from "./proposal-state";

const { proposal, vote, account, dao, dispute, disputeChallenger, evidence, ruling, idleMember, panelMember } = schema;

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

type SQL = ReturnType<typeof sql>;

class BadRequest extends Error {}

/** Every response goes through here: the route's declared type, bigints on the wire format, short caching. */
function send<T>(c: Context, body: T, status: 200 | 404 = 200) {
  return c.body(toWire(body), status, { "content-type": "application/json", "cache-control": "no-store" });
}

function limitOf(c: Context): number {
  const raw = c.req.query("limit");
  if (raw === undefined) return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new BadRequest(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}

function bigintParam(c: Context, name: string): bigint | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d{1,78}$/.test(raw)) throw new BadRequest(`${name} must be a whole number`);
  return BigInt(raw);
}

function addressParam(raw: string): Address {
  if (!isAddress(raw, { strict: false })) throw new BadRequest(`${raw} is not an address`);
  return getAddress(raw);
}

/** Words typed into a search box, each as an ILIKE pattern that matches it literally: a row must match them all. */
function searchPatterns(raw: string | undefined): string[] {
  const text = raw?.trim().toLowerCase() ?? "";
  if (text.length > 200) throw new BadRequest("search is limited to 200 characters");
  return text
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10)
    .map((word) => `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
}

/** A cursor is the last row's sort key, opaque to clients. */
function encodeCursor(parts: (string | bigint | number)[]): string {
  return Buffer.from(parts.join(":")).toString("base64url");
}

function decodeCursor(c: Context, size: number): string[] | undefined {
  const raw = c.req.query("cursor");
  if (!raw) return undefined;
  const parts = Buffer.from(raw, "base64url").toString().split(":");
  if (parts.length !== size || parts.some((part) => !/^[\w]+$/.test(part))) throw new BadRequest("invalid cursor");
  return parts;
}

async function loadDaoRow() {
  const [row] = await db.select().from(dao).limit(1);
  return row;
}

// --- proposals ---

type ProposalRow = typeof proposal.$inferSelect;

function indexedProposal(
  row: ProposalRow,
  state: ProposalStateName,
  currentQuorum: bigint,
  disputeRow: { id: bigint; status: number } | null,
): IndexedProposal {
  return {
    id: row.id,
    proposer: getAddress(row.proposer),
    description: row.description,
    title: row.title,
    kinds: row.kinds.filter(isProposalKind),
    state,
    voteStart: row.voteStart,
    voteEnd: row.voteEnd,
    eta: row.eta ?? 0n,
    forVotes: row.forVotes,
    againstVotes: row.againstVotes,
    abstainVotes: row.abstainVotes,
    voterCount: row.voterCount,
    quorum: row.quorum ?? currentQuorum,
    quorumIsEstimate: row.quorum === null,
    createdAt: row.createdAt,
    dispute: disputeRow && { id: disputeRow.id, status: disputeStatusNames[disputeRow.status] ?? "None" },
  };
}

function nowOf(c: Context): bigint {
  return bigintParam(c, "now") ?? BigInt(Math.floor(Date.now() / 1000));
}

function currentQuorumOf(row: Awaited<ReturnType<typeof loadDaoRow>>): bigint {
  return row ? quorumOf(row) : 0n;
}

const app = new Hono();

app.onError((error, c) => {
  if (error instanceof BadRequest || error instanceof EventQueryError) return c.json({ error: error.message }, 400);
  console.error(error);
  return c.json({ error: "The indexer could not answer this request." }, 500);
});

app.get("/proposals", async (c) => {
  const limit = limitOf(c);
  const now = nowOf(c);
  const quorum = currentQuorumOf(await loadDaoRow());
  const state = stateSql(now, quorum);

  // One state, or several separated by commas.
  const states = (c.req.query("state") ?? "").split(",").filter(Boolean);
  for (const name of states) {
    if (!proposalStateNames.includes(name as ProposalStateName)) {
      throw new BadRequest(`state must be one or more of ${proposalStateNames.join(", ")}`);
    }
  }
  const kind = c.req.query("kind");
  if (kind && !isProposalKind(kind)) throw new BadRequest(`unknown kind ${kind}`);
  const shared: SQL[] = [];
  if (kind) shared.push(sql`${kind as ProposalKind} = any(${proposal.kinds})`);
  for (const pattern of searchPatterns(c.req.query("search"))) shared.push(ilike(proposal.searchText, pattern));
  const filters = [...shared];
  if (states.length > 0) filters.push(inArray(state, states));
  const cursor = decodeCursor(c, 2);
  if (cursor) {
    const [createdAt, id] = cursor.map(BigInt);
    filters.push(or(lt(proposal.createdAt, createdAt), and(eq(proposal.createdAt, createdAt), lt(proposal.id, id)))!);
  }

  const [rows, counts] = await Promise.all([
    db
      .select({ row: proposal, state, disputeId: dispute.id, disputeStatus: dispute.status })
      .from(proposal)
      .leftJoin(dispute, eq(dispute.id, proposal.disputeId))
      .where(and(...filters))
      .orderBy(desc(proposal.createdAt), desc(proposal.id))
      .limit(limit + 1),
    db
      .select({ state, count: sql<number>`count(*)::int` })
      .from(proposal)
      .where(and(...shared))
      // By position: the state expression carries bound parameters, so it cannot be repeated by text.
      .groupBy(sql`1`),
  ]);
  const items = rows
    .slice(0, limit)
    .map(({ row, state: rowState, disputeId, disputeStatus }) =>
      indexedProposal(
        row,
        rowState,
        quorum,
        disputeId === null || disputeStatus === null ? null : { id: disputeId, status: disputeStatus },
      ),
    );
  const last = items.at(-1);
  const body: ProposalPage = {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null,
    counts: Object.fromEntries([
      ["All", counts.reduce((sum, entry) => sum + entry.count, 0)],
      ...counts.map((entry) => [entry.state, entry.count]),
    ]),
  };
  return send(c, body);
});

async function disputeDetails(ids: bigint[]): Promise<IndexedDisputeDetail[]> {
  if (ids.length === 0) return [];
  const [rows, challengers, evidenceRows, rulings, idle] = await Promise.all([
    db
      .select({ row: dispute, proposalTitle: proposal.title })
      .from(dispute)
      .leftJoin(proposal, eq(proposal.id, dispute.proposalId))
      .where(inArray(dispute.id, ids))
      .orderBy(desc(dispute.id)),
    db
      .select()
      .from(disputeChallenger)
      .where(inArray(disputeChallenger.disputeId, ids))
      .orderBy(asc(disputeChallenger.timestamp)),
    db
      .select()
      .from(evidence)
      .where(inArray(evidence.disputeId, ids))
      .orderBy(asc(evidence.timestamp), asc(evidence.id)),
    db.select().from(ruling).where(inArray(ruling.disputeId, ids)).orderBy(asc(ruling.timestamp)),
    db.select().from(idleMember).where(inArray(idleMember.disputeId, ids)),
  ]);
  return rows.map(({ row, proposalTitle }) => ({
    id: row.id,
    proposalId: row.proposalId,
    proposalTitle: proposalTitle ?? `Proposal ${row.proposalId}`,
    challenger: getAddress(row.challenger),
    bond: row.bond,
    deadline: row.deadline,
    filedAt: row.filedAt,
    status: disputeStatusNames[row.status] ?? "None",
    reward: row.reward,
    resolvedAt: row.resolvedAt,
    upholdCount: row.upholdCount,
    rejectCount: row.rejectCount,
    challengers: challengers
      .filter((entry) => entry.disputeId === row.id)
      .map((entry) => ({ account: getAddress(entry.challenger), bond: entry.bond, time: entry.timestamp })),
    evidence: evidenceRows
      .filter((entry) => entry.disputeId === row.id)
      .map((entry) => ({ author: getAddress(entry.author), text: entry.text, time: entry.timestamp })),
    rulings: rulings
      .filter((entry) => entry.disputeId === row.id)
      .map((entry) => ({
        expert: getAddress(entry.expert),
        uphold: entry.uphold,
        reason: entry.reason,
        time: entry.timestamp,
      })),
    idleMembers: idle.filter((entry) => entry.disputeId === row.id).map((entry) => getAddress(entry.expert)),
  }));
}

app.get("/proposals/:id", async (c) => {
  const raw = c.req.param("id");
  if (!/^\d{1,78}$/.test(raw)) throw new BadRequest("a proposal id is a whole number");
  const id = BigInt(raw);
  const now = nowOf(c);
  const quorum = currentQuorumOf(await loadDaoRow());
  const [found] = await db
    .select({ row: proposal, state: stateSql(now, quorum) })
    .from(proposal)
    .where(eq(proposal.id, id));
  if (!found) return c.json({ error: `No proposal ${id}` }, 404);
  const { row } = found;
  const [disputeDetail] = row.disputeId === null ? [] : await disputeDetails([row.disputeId]);
  const settingChanges = row.executedTx
    ? await db
        .select()
        .from(schema.settingChange)
        .where(eq(schema.settingChange.transactionHash, row.executedTx))
        .orderBy(asc(schema.settingChange.id))
    : [];
  const body: ProposalDetailRecord = {
    ...indexedProposal(row, found.state, quorum, null),
    dispute: disputeDetail ? { id: disputeDetail.id, status: disputeDetail.status } : null,
    targets: row.targets,
    values: row.values,
    calldatas: row.calldatas,
    createdTx: row.createdTx,
    extendedAt: row.extendedAt,
    queuedAt: row.queuedAt,
    executedAt: row.executedAt,
    canceledAt: row.canceledAt,
    settingChanges: settingChanges.map(({ contract, setting, oldValue, newValue }) => ({
      contract,
      setting,
      oldValue,
      newValue,
    })),
    disputeDetail: disputeDetail ?? null,
  };
  return send(c, body);
});

function indexedVote(row: typeof vote.$inferSelect, voterName: string | null): IndexedVote {
  return {
    proposalId: row.proposalId,
    voter: getAddress(row.voter),
    support: voteSupportNames[row.support] ?? "Abstain",
    weight: row.weight,
    reason: row.reason,
    timestamp: row.timestamp,
    transactionHash: row.transactionHash,
    voterName,
  };
}

app.get("/proposals/:id/votes", async (c) => {
  const raw = c.req.param("id");
  if (!/^\d{1,78}$/.test(raw)) throw new BadRequest("a proposal id is a whole number");
  const id = BigInt(raw);
  const limit = limitOf(c);
  const filters: SQL[] = [eq(vote.proposalId, id)];
  const voterFilter = c.req.query("voter");
  if (voterFilter) filters.push(eq(vote.voter, addressParam(voterFilter)));
  const cursor = decodeCursor(c, 2);
  if (cursor) {
    const weight = BigInt(cursor[0]);
    const voter = addressParam(cursor[1]);
    filters.push(or(lt(vote.weight, weight), and(eq(vote.weight, weight), gt(vote.voter, voter)))!);
  }
  // Heaviest first; the voter breaks ties so pages never overlap.
  const rows = await db
    .select({ row: vote, voterName: account.displayName })
    .from(vote)
    .leftJoin(account, eq(account.address, vote.voter))
    .where(and(...filters))
    .orderBy(desc(vote.weight), asc(vote.voter))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(({ row, voterName }) => indexedVote(row, voterName));
  const last = items.at(-1);
  const body: Page<IndexedVote> = {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.weight, last.voter]) : null,
  };
  return send(c, body);
});

// --- delegates ---

type AccountRow = typeof account.$inferSelect;

function indexedDelegate(row: AccountRow, startedCount: number): IndexedDelegate {
  const open = row.startedAtPowerOn === null ? 0 : startedCount - row.startedAtPowerOn;
  return {
    address: getAddress(row.address),
    votingPower: row.votingPower,
    delegatorCount: row.delegatorCount,
    selfDelegated: row.delegatesTo !== null && row.delegatesTo.toLowerCase() === row.address.toLowerCase(),
    votesCast: row.votesCast,
    participation: { eligible: row.eligibleClosed + open, voted: row.votedEligible },
    statement:
      row.statementVersion > 0n
        ? {
            version: row.statementVersion,
            displayName: row.displayName ?? "",
            text: row.statement ?? "",
            focusAreas: row.focusAreas ?? [],
          }
        : null,
  };
}

app.get("/delegates", async (c) => {
  const limit = limitOf(c);
  const sort = (c.req.query("sort") ?? "votingPower") as DelegateSortKey;
  if (!delegateSortKeys.includes(sort)) throw new BadRequest(`sort must be one of ${delegateSortKeys.join(", ")}`);
  const patterns = searchPatterns(c.req.query("search"));
  const focusArea = c.req.query("focusArea");
  const daoRow = await loadDaoRow();
  const startedCount = daoRow ? startedCountAt(daoRow, nowOf(c)) : 0;
  const eligible = eligibleSql(startedCount);
  const participation = sql`case when ${eligible} = 0 then -1 else (${account.votedEligible} * 10000) / ${eligible} end`;

  // The directory: every address with voting power or a statement.
  const filters: SQL[] = [or(gt(account.votingPower, 0n), gt(account.statementVersion, 0n))!];
  for (const pattern of patterns) filters.push(ilike(account.searchText, pattern));
  // A focus area in any letter case: "gpu clusters" finds "GPU clusters".
  if (focusArea) {
    filters.push(
      sql`exists (select 1 from unnest(${account.focusAreas}) as area where lower(area) = lower(${focusArea}))`,
    );
  }
  const offset = Number(decodeCursor(c, 1)?.[0] ?? 0);
  const order = {
    votingPower: [desc(account.votingPower), asc(account.address)],
    delegators: [desc(account.delegatorCount), desc(account.votingPower), asc(account.address)],
    participation: [desc(participation), desc(account.votingPower), asc(account.address)],
  }[sort];

  const [rows, [{ total }], areas] = await Promise.all([
    db
      .select()
      .from(account)
      .where(and(...filters))
      .orderBy(...order)
      .limit(limit + 1)
      .offset(offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(account)
      .where(and(...filters)),
    db
      .selectDistinct({ area: sql<string>`unnest(${account.focusAreas})`.as("area") })
      .from(account)
      .where(gt(account.statementVersion, 0n))
      .orderBy(sql`area`),
  ]);
  const body: DelegatePage = {
    items: rows.slice(0, limit).map((row) => indexedDelegate(row, startedCount)),
    nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
    total,
    focusAreas: areas.map((entry) => entry.area),
  };
  return send(c, body);
});

app.get("/delegates/:address", async (c) => {
  const address = addressParam(c.req.param("address"));
  const [[row], daoRow, history] = await Promise.all([
    db.select().from(account).where(eq(account.address, address)),
    loadDaoRow(),
    db
      .select()
      .from(schema.votingPowerChange)
      .where(eq(schema.votingPowerChange.delegate, address))
      .orderBy(asc(schema.votingPowerChange.blockNumber), asc(schema.votingPowerChange.id)),
  ]);
  if (!row) return c.json({ error: `No account ${address} in the DAO's history` }, 404);
  const powerHistory: DelegateProfileRecord["powerHistory"] = [];
  for (const change of history) {
    const last = powerHistory.at(-1);
    // Several changes in one block: keep the block's final value.
    if (last && last.blockNumber === change.blockNumber) last.votes = change.newVotes;
    else powerHistory.push({ blockNumber: change.blockNumber, timestamp: change.timestamp, votes: change.newVotes });
  }
  const body: DelegateProfileRecord = {
    ...indexedDelegate(row, daoRow ? startedCountAt(daoRow, nowOf(c)) : 0),
    balance: row.balance,
    delegatesTo: row.delegatesTo && getAddress(row.delegatesTo),
    powerHistory,
  };
  return send(c, body);
});

app.get("/delegates/:address/votes", async (c) => {
  const address = addressParam(c.req.param("address"));
  const limit = limitOf(c);
  const filters: SQL[] = [eq(vote.voter, address)];
  const cursor = decodeCursor(c, 2);
  if (cursor) {
    const [timestamp, proposalId] = cursor.map(BigInt);
    filters.push(
      or(lt(vote.timestamp, timestamp), and(eq(vote.timestamp, timestamp), lt(vote.proposalId, proposalId)))!,
    );
  }
  const rows = await db
    .select({ row: vote, proposalTitle: proposal.title, voterName: account.displayName })
    .from(vote)
    .leftJoin(proposal, eq(proposal.id, vote.proposalId))
    .leftJoin(account, eq(account.address, vote.voter))
    .where(and(...filters))
    .orderBy(desc(vote.timestamp), desc(vote.proposalId))
    .limit(limit + 1);
  const items: DelegateVote[] = rows.slice(0, limit).map(({ row, proposalTitle, voterName }) => ({
    ...indexedVote(row, voterName),
    proposalTitle: proposalTitle ?? `Proposal ${row.proposalId}`,
  }));
  const last = items.at(-1);
  const body: Page<DelegateVote> = {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.timestamp, last.proposalId]) : null,
  };
  return send(c, body);
});

app.get("/delegates/:address/delegators", async (c) => {
  const address = addressParam(c.req.param("address"));
  const limit = limitOf(c);
  const filters: SQL[] = [eq(account.delegatesTo, address)];
  const cursor = decodeCursor(c, 2);
  if (cursor) {
    const balance = BigInt(cursor[0]);
    const delegator = addressParam(cursor[1]);
    filters.push(or(lt(account.balance, balance), and(eq(account.balance, balance), gt(account.address, delegator)))!);
  }
  const rows = await db
    .select({ address: account.address, balance: account.balance, since: account.firstSeenAt })
    .from(account)
    .where(and(...filters))
    .orderBy(desc(account.balance), asc(account.address))
    .limit(limit + 1);
  const items: Delegator[] = rows.slice(0, limit).map((row) => ({ ...row, address: getAddress(row.address) }));
  const last = items.at(-1);
  const body: Page<Delegator> = {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.balance, last.address]) : null,
  };
  return send(c, body);
});

// --- disputes and overview ---

app.get("/disputes", async (c) => {
  const limit = limitOf(c);
  const cursor = decodeCursor(c, 1);
  const ids = await db
    .select({ id: dispute.id })
    .from(dispute)
    .where(cursor ? lt(dispute.id, BigInt(cursor[0])) : undefined)
    .orderBy(desc(dispute.id))
    .limit(limit + 1);
  const [details, panel] = await Promise.all([
    disputeDetails(ids.slice(0, limit).map((entry) => entry.id)),
    db.select().from(panelMember).orderBy(desc(panelMember.active), asc(panelMember.addedAt)),
  ]);
  const last = details.at(-1);
  const body: DisputesRecord = {
    items: details,
    nextCursor: ids.length > limit && last ? encodeCursor([last.id]) : null,
    panel: panel.map(({ expert, profile, active, stake, slashed, rulings, missedTimeouts }) => ({
      expert: getAddress(expert),
      profile,
      active,
      stake,
      slashed,
      rulings,
      missedTimeouts,
    })),
  };
  return send(c, body);
});

app.get("/overview", async (c) => {
  const row = await loadDaoRow();
  const body: OverviewRecord = {
    proposalCount: row?.proposalCount ?? 0,
    delegatedSupply: row?.delegatedSupply ?? 0n,
    delegateCount: row?.delegateCount ?? 0,
    holderCount: row?.holderCount ?? 0,
    voteCount: row?.voteCount ?? 0,
  };
  return send(c, body);
});

/** The DAO's events up to `until` (required: the caller's view of the indexed head), for feeds and webhooks. */
app.get("/events", async (c) => {
  const until = bigintParam(c, "until");
  if (until === undefined) throw new BadRequest("until is required: the chain time events are read up to");
  const order = c.req.query("order") ?? "newest";
  if (order !== "newest" && order !== "oldest") throw new BadRequest("order is newest or oldest");
  const body = await daoEvents({
    until,
    since: bigintParam(c, "since"),
    types: c.req.query("types"),
    order,
    cursor: c.req.query("cursor"),
    limit: limitOf(c),
  });
  return send(c, body);
});

// --- analytics ---

/** A whole number query parameter within bounds, the bounds named when it is out of them. */
function boundedParam(c: Context, name: string, fallback: bigint, min: bigint, max: bigint): bigint {
  const value = bigintParam(c, name) ?? fallback;
  if (value < min || value > max) throw new BadRequest(`${name} must be from ${min} to ${max}`);
  return value;
}

app.get("/analytics/proposals", async (c) => {
  const limit = limitOf(c);
  const cursor = decodeCursor(c, 2)?.map(BigInt);
  const daoRow = await loadDaoRow();
  if (!daoRow) return send(c, { items: [], nextCursor: null } satisfies Page<ProposalTurnout>);
  const { items, more } = await proposalTurnout(daoRow, {
    now: nowOf(c),
    cursor: cursor && { voteStart: cursor[0], id: cursor[1] },
    limit,
  });
  const last = items.at(-1);
  const body: Page<ProposalTurnout> = {
    items,
    nextCursor: more && last ? encodeCursor([last.voteStart, last.id]) : null,
  };
  return send(c, body);
});

app.get("/analytics/delegation", async (c) => {
  const now = nowOf(c);
  const silentOver = Number(boundedParam(c, "silentOver", 5n, 1n, 100n));
  const points = Number(boundedParam(c, "points", 200n, 2n, 1000n));
  const daoRow = await loadDaoRow();
  if (!daoRow) throw new BadRequest("nothing is indexed yet");
  const body: DelegationRecord = await delegation(daoRow, {
    now,
    startedCount: startedCountAt(daoRow, now),
    silentOver,
    points,
  });
  return send(c, body);
});

/** Bounds of the governor's setters: the quorum numerator of 100, uint32 for the period, uint48 for the extension. */
app.get("/analytics/what-if", async (c) => {
  const settings: WhatIfSettings = {
    quorumNumerator: boundedParam(c, "quorumNumerator", 0n, 1n, QUORUM_DENOMINATOR),
    votingPeriod: boundedParam(c, "votingPeriod", 0n, 1n, 2n ** 32n - 1n),
    lateQuorumExtension: boundedParam(c, "lateQuorumExtension", 0n, 0n, 2n ** 48n - 1n),
  };
  const daoRow = await loadDaoRow();
  if (!daoRow) throw new BadRequest("nothing is indexed yet");
  const body: WhatIfRecord = await whatIf(daoRow, settings, nowOf(c));
  return send(c, body);
});

/** Every indexed table by its name in the schema, for audits and exports: rows in key order, page by page. */
const tables = { ...schema } as Record<string, unknown>;
app.get("/tables/:name", async (c) => {
  const name = c.req.param("name");
  const table = Object.hasOwn(tables, name) ? tables[name] : undefined;
  if (!table || typeof table !== "object") {
    throw new BadRequest(`unknown table ${name}; tables: ${Object.keys(tables).join(", ")}`);
  }
  const limit = limitOf(c);
  const offset = Number(decodeCursor(c, 1)?.[0] ?? 0);
  const rows = await db
    .select()
    .from(table as typeof proposal)
    .orderBy(sql`1, 2`)
    .limit(limit + 1)
    .offset(offset);
  const body: Page<Record<string, unknown>> = {
    items: rows.slice(0, limit),
    nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
  };
  return send(c, body);
});

export default app;
