"use client";

import { useEffect, useState } from "react";
import { QueryState } from "@/components/query-state";
import { ShowMore } from "@/components/show-more";
import { ProposalRow } from "@/components/proposal/proposal-row";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { useProposalList, type ProposalListFilter } from "@/lib/hooks/use-proposals";
import { toProposalSummary } from "@/lib/indexer/proposals";
import type { ProposalPage } from "@/lib/indexer/types";
import { ProposalFilters } from "./proposal-filters";

const SEARCH_DELAY_MS = 250;

/** Write the filters into the URL without a server round trip. */
function replaceSearchParams(filter: ProposalListFilter) {
  const params = new URLSearchParams();
  if (filter.state) params.set("state", filter.state.toLowerCase());
  if (filter.kind) params.set("kind", filter.kind);
  if (filter.search) params.set("q", filter.search);
  const query = params.toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

export function ProposalList({
  initialFilter,
  initial,
}: {
  initialFilter: ProposalListFilter;
  initial?: ProposalPage;
}) {
  const [filter, setFilter] = useState(initialFilter);
  const [searchText, setSearchText] = useState(initialFilter.search ?? "");
  const proposals = useProposalList(filter, filter === initialFilter ? initial : undefined);
  const now = useChainNow();

  // Search as the user types, once they pause.
  useEffect(() => {
    const search = searchText.trim() || undefined;
    if (search === filter.search) return;
    const timer = setTimeout(() => update({ ...filter, search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  });

  function update(next: ProposalListFilter) {
    setFilter(next);
    replaceSearchParams(next);
  }

  const pages = proposals.data?.pages ?? [];
  const shown = pages.flatMap((page) => page.items).map(toProposalSummary);
  const counts = pages[0]?.counts ?? {};
  const filtered = filter.state !== undefined || filter.kind !== undefined || filter.search !== undefined;

  return (
    <div className="space-y-4">
      <ProposalFilters
        state={filter.state}
        kind={filter.kind}
        search={searchText}
        countOf={(option) => counts[option] ?? 0}
        onState={(state) => update({ ...filter, state })}
        onKind={(kind) => update({ ...filter, kind })}
        onSearch={setSearchText}
      />
      <QueryState query={proposals} label="proposals">
        {() =>
          shown.length === 0 ? (
            <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
              <p className="font-medium">No proposals match</p>
              <p className="mt-1 text-sm text-slate-600">
                {filtered ? "Try another state or search." : "Nobody has proposed anything yet."}
              </p>
              {filtered && (
                <button
                  type="button"
                  onClick={() => {
                    setSearchText("");
                    update({});
                  }}
                  className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:border-slate-400"
                >
                  Clear filters
                </button>
              )}
            </div>
          ) : (
            <div className="space-y-3">
              <ul className="space-y-3" aria-label="Proposals">
                {shown.map((proposal) => (
                  <ProposalRow key={proposal.id.toString()} proposal={proposal} now={now} />
                ))}
              </ul>
              <ShowMore query={proposals} label="proposals" />
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
