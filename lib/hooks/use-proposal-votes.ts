"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { pageSizes } from "../indexer/page-sizes";
import type { IndexedVote, Page } from "../indexer/types";
import { indexerQueryKey, useIndexerClient, useIndexerQuery } from "./use-indexer";

/** A proposal's votes, heaviest first, page by page from the indexer. */
export function useProposalVotes(id: bigint, initial?: Page<IndexedVote>) {
  const client = useIndexerClient();
  return useInfiniteQuery({
    queryKey: [...indexerQueryKey, "votes", id.toString()],
    queryFn: ({ pageParam }) => client.proposalVotes(id, { cursor: pageParam, limit: pageSizes.proposalVotes }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    initialData: initial && { pages: [initial], pageParams: [undefined] },
  });
}

/** The vote `voter` cast on proposal `id`, once indexed; null when it has not voted. */
export function useVoteOf(id: bigint, voter: Address | undefined) {
  return useIndexerQuery(
    ["votes", id.toString(), voter],
    async (client) => (await client.proposalVotes(id, { voter, limit: 1 })).items[0] ?? null,
    { enabled: voter !== undefined },
  );
}
