"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { ProposalStateName } from "../governance/proposal-state";
import type { ProposalFilter, ProposalPage } from "../indexer/types";
import { toProposalSummary } from "../indexer/proposals";
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
    initialDataUpdatedAt: initial && Date.now(),
    refetchInterval: 15_000,
    placeholderData: (previous) => previous,
  });
}

/** Proposals still in motion (pending, active, succeeded, queued), newest first, as summaries. */
export function useOpenProposals() {
  const now = useChainNow();
  // Until the chain's time is read the indexer computes states at its own clock, which a local chain's time travel
  // leaves behind: asked again, under another key, once the chain's time is known.
  return useIndexerQuery(
    ["proposals", "open", now !== undefined],
    async (client) => {
      const page = await client.proposals({ state: "Pending,Active,Succeeded,Queued", now, limit: 100 });
      return page.items.map(toProposalSummary);
    },
    { refetchInterval: 15_000, keepPrevious: true },
  );
}
