import { isDelegateSort } from "@/lib/governance/delegates";
import type { DelegateListFilter } from "@/lib/hooks/use-delegates";

/** The directory's filters from the URL (`sort`, `q`, `focus`), as the server and the browser both read them. */
export function parseDelegateFilter(param: (name: string) => string | null): DelegateListFilter {
  const sort = param("sort") ?? "";
  return {
    sort: isDelegateSort(sort) && sort !== "votingPower" ? sort : undefined,
    search: param("q")?.trim() || undefined,
    focusArea: param("focus")?.trim() || undefined,
  };
}

/** The URL query of `filter`: the inverse of `parseDelegateFilter`. */
export function delegateFilterQuery(filter: DelegateListFilter): string {
  const params = new URLSearchParams();
  if (filter.sort) params.set("sort", filter.sort);
  if (filter.search) params.set("q", filter.search);
  if (filter.focusArea) params.set("focus", filter.focusArea);
  return params.toString();
}
