import { pageSizes } from "../indexer/page-sizes";
import type { DelegateFilter, DelegatePage } from "../indexer/types";
import { useIndexerPages } from "./use-indexer";

export type DelegateListFilter = Pick<DelegateFilter, "sort" | "search" | "focusArea">;

/**
 * Everyone with voting power or a statement, sorted, searched and filtered by the indexer, a page per request;
 * `initial` is the server-rendered first page of `filter`.
 */
export function useDelegateList(filter: DelegateListFilter, initial?: DelegatePage) {
  return useIndexerPages(
    ["delegates", filter],
    (client, cursor) => client.delegates({ ...filter, cursor, limit: pageSizes.delegates }),
    { initial, refetchInterval: 15_000, keepPrevious: true },
  );
}
