"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { indexerQueryKey, useIndexerClient, useIndexerQuery } from "@/lib/hooks/use-indexer";
import { pageSizes } from "@/lib/indexer/page-sizes";
import type { DelegationRecord, Page, ProposalTurnout, WhatIfSettings } from "@/lib/indexer/types";

// The indexer answers at the time it is given, else at its own clock, which a local chain's time travel leaves behind:
// a read is asked again, under another key, once the chain's time is known (a server render's already is), and then
// each minute at the chain's.

/** Proposals whose voting started, newest first, 100 a page; `initial` is the server render's first page. */
export function useTurnout(initial?: Page<ProposalTurnout>) {
  const client = useIndexerClient();
  const now = useChainNow();
  return useInfiniteQuery({
    queryKey: [...indexerQueryKey, "analytics", "turnout", now !== undefined || initial !== undefined],
    queryFn: ({ pageParam }) => client.proposalTurnout({ now, cursor: pageParam, limit: pageSizes.turnout }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    initialData: initial && { pages: [initial], pageParams: [undefined] },
    refetchInterval: 60_000,
    placeholderData: (previous) => previous,
  });
}

export function useDelegation(silentOver: number, initial?: DelegationRecord) {
  const now = useChainNow();
  return useIndexerQuery(
    ["analytics", "delegation", silentOver, now !== undefined || initial !== undefined],
    (client) => client.delegation({ now, silentOver }),
    { initialData: initial, refetchInterval: 60_000, keepPrevious: true },
  );
}

/** The recount under `settings`, once they are picked. */
export function useWhatIf(settings: WhatIfSettings | undefined) {
  const now = useChainNow();
  return useIndexerQuery(
    ["analytics", "what-if", settings && Object.values(settings).map(String), now !== undefined],
    (client) => client.whatIf(settings!, now),
    { enabled: settings !== undefined, keepPrevious: true },
  );
}
