"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { ProposalStateName } from "../governance/proposal-state";
import type { ProposalFilter, ProposalPage } from "../indexer/types";
import type { ProposalSummary } from "../chain/proposals";
import { readOpenProposals } from "../indexer/proposals";
import { useChainNow } from "./use-chain-now";
import { indexerQueryKey, useIndexerClient, useIndexerQuery } from "./use-indexer";

export type ProposalListFilter = Pick<ProposalFilter, "kind" | "search"> & { state?: ProposalStateName };

/** One page of proposals per request, newest first, filtered and searched by the indexer; `initial` from the server. */
export function useProposalList(filter: ProposalListFilter, initial?: ProposalPage) {
  const client = useIndexerClient();
  const now = useChainNow();
  return useInfiniteQuery({
    queryKey: [...indexerQueryKey, "proposals", filter],
    queryFn: ({ pageParam }) => client.proposals({ ...filter, now, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    initialData: initial && { pages: [initial], pageParams: [undefined] },
    refetchInterval: 15_000,
    placeholderData: (previous) => previous,
  });
}

/** Proposals still in motion (pending, active, succeeded, queued), newest first; `initial` from the server render. */
export function useOpenProposals(initial?: ProposalSummary[]) {
  const now = useChainNow();
  // The indexer computes states at the time it is given, else at its own clock, which a local chain's time travel
  // leaves behind: asked again, under another key, once the chain's time is known. A server render's list already is.
  const atChainTime = now !== undefined || initial !== undefined;
  return useIndexerQuery(["proposals", "open", atChainTime], (client) => readOpenProposals(client, now), {
    initialData: initial,
    refetchInterval: 15_000,
    keepPrevious: true,
  });
}
