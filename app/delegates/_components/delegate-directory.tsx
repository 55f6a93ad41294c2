"use client";

import { useEffect, useState } from "react";
import { QueryState } from "@/components/query-state";
import { ShowMore } from "@/components/show-more";
import { delegateSorts, isDelegateSort } from "@/lib/governance/delegates";
import { useDelegateList, type DelegateListFilter } from "@/lib/hooks/use-delegates";
import type { DelegatePage } from "@/lib/indexer/types";
import { DelegateCard } from "./delegate-card";
import { delegateFilterQuery } from "./delegate-filter";
import { participationExplanation } from "./participation-label";

const SEARCH_DELAY_MS = 250;

/** Write the filters into the URL without a server round trip. */
function replaceSearchParams(filter: DelegateListFilter) {
  const query = delegateFilterQuery(filter);
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

export function DelegateDirectory({
  initialFilter,
  initial,
}: {
  initialFilter: DelegateListFilter;
  initial?: DelegatePage;
}) {
  const [filter, setFilter] = useState(initialFilter);
  const [searchText, setSearchText] = useState(initialFilter.search ?? "");
  const directory = useDelegateList(filter, filter === initialFilter ? initial : undefined);

  // Search as the user types, once they pause.
  useEffect(() => {
    const search = searchText.trim() || undefined;
    if (search === filter.search) return;
    const timer = setTimeout(() => update({ ...filter, search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  });

  function update(next: DelegateListFilter) {
    setFilter(next);
    replaceSearchParams(next);
  }

  function clear() {
    setSearchText("");
    update({ sort: filter.sort });
  }

  const pages = directory.data?.pages ?? [];
  const shown = pages.flatMap((page) => page.items);
  const total = pages[0]?.total ?? 0;
  // Every focus area named in a statement; one typed into the URL stays visible so it can be cleared.
  const named = pages[0]?.focusAreas ?? [];
  const focusAreas = filter.focusArea && !named.includes(filter.focusArea) ? [...named, filter.focusArea] : named;
  const filtered = filter.search !== undefined || filter.focusArea !== undefined;

  return (
    <QueryState query={directory} label="the delegates">
      {() =>
        total === 0 && !filtered ? (
          <p data-testid="delegates-empty" className="rounded-lg border border-dashed border-slate-300 p-8 text-center">
            No one holds voting power or has published a statement yet. Delegate your tokens to yourself or to someone
            you trust to start.
          </p>
        ) : (
          <div className="space-y-4">
            <div className="flex flex-wrap items-end gap-4">
              <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
                <span className="text-slate-600">Search</span>
                <input
                  type="search"
                  value={searchText}
                  onChange={(event) => setSearchText(event.target.value)}
                  placeholder="Name or address"
                  aria-label="Search delegates by name or address"
                  className="rounded-md border border-slate-300 px-3 py-2"
                />
              </label>
              <label className="flex flex-col gap-1 text-sm">
                <span className="text-slate-600">Sort by</span>
                <select
                  value={filter.sort ?? "votingPower"}
                  onChange={(event) => {
                    const sort = event.target.value;
                    if (isDelegateSort(sort)) update({ ...filter, sort: sort === "votingPower" ? undefined : sort });
                  }}
                  className="rounded-md border border-slate-300 bg-white px-3 py-2"
                >
                  {Object.entries(delegateSorts).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
            </div>

            {focusAreas.length > 0 && (
              <div role="group" aria-label="Filter by focus area" className="flex flex-wrap items-center gap-2 text-sm">
                <span className="text-slate-600">Focus area:</span>
                {[undefined, ...focusAreas].map((area) => (
                  <button
                    key={area ?? "all"}
                    type="button"
                    aria-pressed={filter.focusArea === area}
                    onClick={() => update({ ...filter, focusArea: area })}
                    className={`rounded-full border px-3 py-1 ${
                      filter.focusArea === area
                        ? "border-indigo-600 bg-indigo-600 text-white"
                        : "border-slate-300 bg-white text-slate-700 hover:border-indigo-400"
                    }`}
                  >
                    {area ?? "All"}
                  </button>
                ))}
              </div>
            )}

            <p className="text-sm text-slate-600">
              <span data-testid="delegates-count">
                {shown.length} of {total}
              </span>{" "}
              {filtered ? "matching delegates" : "delegates"}. {participationExplanation}
            </p>

            {shown.length === 0 ? (
              <div
                data-testid="delegates-no-match"
                className="rounded-lg border border-dashed border-slate-300 p-8 text-center"
              >
                <p>No delegate matches {filter.search ? `“${filter.search}”` : "this filter"}.</p>
                <button
                  type="button"
                  onClick={clear}
                  className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
                >
                  Clear search and filter
                </button>
              </div>
            ) : (
              <div className="space-y-3">
                <ul
                  className={`space-y-3 ${directory.isPlaceholderData ? "opacity-60" : ""}`}
                  aria-label="Delegates"
                  aria-busy={directory.isPlaceholderData}
                >
                  {shown.map((delegate) => (
                    <DelegateCard key={delegate.address} delegate={delegate} />
                  ))}
                </ul>
                <ShowMore query={directory} label="delegates" />
              </div>
            )}
          </div>
        )
      }
    </QueryState>
  );
}
