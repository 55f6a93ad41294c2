import type {
  DaoEvent,
  DaoEventFilter,
  DelegateFilter,
  DelegatePage,
  DelegateProfileRecord,
  DelegateVote,
  DelegationRecord,
  Delegator,
  DisputesRecord,
  IndexedVote,
  OverviewRecord,
  Page,
  ProposalDetailRecord,
  ProposalFilter,
  ProposalPage,
  ProposalTurnout,
  WhatIfRecord,
  WhatIfSettings,
} from "./types";
import { fromWire } from "./wire";

/** The indexer answered with an error, or not at all. */
export class IndexerError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "IndexerError";
  }
}

const REQUEST_TIMEOUT_MS = 10_000;

type Query = Record<string, string | number | bigint | undefined>;

/** The indexer's HTTP API (indexer/src/api), typed: one method per route. Not found is null. */
export function indexerClient(baseUrl: string) {
  async function request<T>(path: string, query: Query, notFound: "null" | "error"): Promise<T | null> {
    const url = new URL(path, baseUrl);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== "") url.searchParams.set(key, String(value));
    }
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), cache: "no-store" });
    } catch (error) {
      const reason = error instanceof Error && error.name === "TimeoutError" ? "timed out" : "is unreachable";
      throw new IndexerError(`The indexer ${reason} (${url.origin}): history cannot load right now.`);
    }
    if (response.status === 404 && notFound === "null") return null;
    const text = await response.text();
    if (!response.ok) {
      let detail = text.slice(0, 200);
      try {
        detail = (JSON.parse(text) as { error?: string }).error ?? detail;
      } catch {}
      throw new IndexerError(`The indexer answered ${response.status}: ${detail}`, response.status);
    }
    return fromWire<T>(text);
  }
  const get = async <T>(path: string, query: Query = {}) => (await request<T>(path, query, "error")) as T;
  const find = <T>(path: string, query: Query = {}) => request<T>(path, query, "null");

  return {
    baseUrl,
    overview: () => get<OverviewRecord>("/overview"),
    proposals: (filter: ProposalFilter = {}) => get<ProposalPage>("/proposals", filter),
    proposal: (id: bigint, now?: bigint) => find<ProposalDetailRecord>(`/proposals/${id}`, { now }),
    proposalVotes: (id: bigint, page: { cursor?: string; limit?: number; voter?: string } = {}) =>
      get<Page<IndexedVote>>(`/proposals/${id}/votes`, page),
    delegates: (filter: DelegateFilter = {}) => get<DelegatePage>("/delegates", filter),
    delegate: (address: string, now?: bigint) => find<DelegateProfileRecord>(`/delegates/${address}`, { now }),
    delegateVotes: (address: string, page: { cursor?: string; limit?: number } = {}) =>
      get<Page<DelegateVote>>(`/delegates/${address}/votes`, page),
    delegators: (address: string, page: { cursor?: string; limit?: number } = {}) =>
      get<Page<Delegator>>(`/delegates/${address}/delegators`, page),
    disputes: (page: { cursor?: string; limit?: number } = {}) => get<DisputesRecord>("/disputes", page),
    /** What happened in the DAO up to `filter.until`, for feeds and webhooks. */
    events: (filter: DaoEventFilter) => get<Page<DaoEvent>>("/events", filter),
    /** Proposals whose voting started, newest first, with the supply and quorum at their snapshots. */
    proposalTurnout: (page: { now?: bigint; cursor?: string; limit?: number } = {}) =>
      get<Page<ProposalTurnout>>("/analytics/proposals", page),
    delegation: (query: { now?: bigint; silentOver?: number; points?: number } = {}) =>
      get<DelegationRecord>("/analytics/delegation", query),
    /** Past proposals recounted under other governor settings. */
    whatIf: (settings: WhatIfSettings, now?: bigint) => get<WhatIfRecord>("/analytics/what-if", { ...settings, now }),
    /** A page of any indexed table by its name in indexer/ponder.schema.ts, for audits and exports. */
    table: (name: string, page: { cursor?: string; limit?: number } = {}) =>
      get<Page<Record<string, unknown>>>(`/tables/${name}`, page),
    /** The latest block the indexer has processed, and its time. */
    status: async () => {
      const status = await get<Record<string, { block: { number: number; timestamp: number } }>>("/status");
      const block = Object.values(status)[0]?.block;
      return block ? { blockNumber: BigInt(block.number), timestamp: BigInt(block.timestamp) } : null;
    },
  };
}

export type IndexerClient = ReturnType<typeof indexerClient>;
