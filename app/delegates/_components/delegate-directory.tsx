"use client";

import { useMemo, useState } from "react";
import { QueryState } from "@/components/query-state";
import {
  allFocusAreas,
  delegateSorts,
  filterDelegates,
  sortDelegates,
  type DelegateSort,
  type DelegateSummary,
} from "@/lib/governance/delegates";
import { useDelegates } from "@/lib/hooks/use-delegates";
import { DelegateCard } from "./delegate-card";
import { participationExplanation } from "./participation-label";

export function DelegateDirectory() {
  const directory = useDelegates();
  return (
    <QueryState query={directory} label="the delegates">
      {() => <DirectoryList delegates={directory.data!.delegates} />}
    </QueryState>
  );
}

function isDelegateSort(value: string): value is DelegateSort {
  return value in delegateSorts;
}

function DirectoryList({ delegates }: { delegates: DelegateSummary[] }) {
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<DelegateSort>("votingPower");
  const [focusArea, setFocusArea] = useState<string | undefined>();
  const focusAreas = useMemo(() => allFocusAreas(delegates), [delegates]);
  const shown = useMemo(
    () => sortDelegates(filterDelegates(delegates, { query, focusArea }), sort),
    [delegates, query, focusArea, sort],
  );

  if (delegates.length === 0) {
    return (
      <p data-testid="delegates-empty" className="rounded-lg border border-dashed border-slate-300 p-8 text-center">
        No one holds voting power or has published a statement yet. Delegate your tokens to yourself or to someone you
        trust to start.
      </p>
    );
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
          <span className="text-slate-600">Search</span>
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Name or address"
            aria-label="Search delegates by name or address"
            className="rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-slate-600">Sort by</span>
          <select
            value={sort}
            onChange={(event) => isDelegateSort(event.target.value) && setSort(event.target.value)}
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
              aria-pressed={focusArea === area}
              onClick={() => setFocusArea(area)}
              className={`rounded-full border px-3 py-1 ${
                focusArea === area
                  ? "border-indigo-600 bg-indigo-600 text-white"
                  : "border-slate-300 bg-white text-slate-700 hover:border-indigo-400"
              }`}
            >
              {area ?? "All"}
            </button>
          ))}
        </div>
      )}

      <p className="text-sm text-slate-500">
        <span data-testid="delegates-count">
          {shown.length} of {delegates.length}
        </span>{" "}
        delegates. {participationExplanation}
      </p>

      {shown.length === 0 ? (
        <div
          data-testid="delegates-no-match"
          className="rounded-lg border border-dashed border-slate-300 p-8 text-center"
        >
          <p>No delegate matches {query.trim() ? `“${query.trim()}”` : "this filter"}.</p>
          <button
            type="button"
            onClick={() => {
              setQuery("");
              setFocusArea(undefined);
            }}
            className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
          >
            Clear search and filter
          </button>
        </div>
      ) : (
        <ul className="space-y-3" aria-label="Delegates">
          {shown.map((delegate) => (
            <DelegateCard key={delegate.address} delegate={delegate} />
          ))}
        </ul>
      )}
    </div>
  );
}
