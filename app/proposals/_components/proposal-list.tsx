"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { QueryState } from "@/components/query-state";
import { proposalStateNames, type ProposalStateName } from "@/lib/governance/proposal-state";
import { matchesSearch } from "@/lib/governance/proposal-text";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { useProposals } from "@/lib/hooks/use-proposals";
import { ProposalFilters } from "./proposal-filters";
import { ProposalRow } from "@/components/proposal/proposal-row";

function parseState(value: string | null): ProposalStateName | undefined {
  return proposalStateNames.find((name) => name.toLowerCase() === value?.toLowerCase());
}

/** Write the filters into the URL without a server round trip (Next keeps useSearchParams in sync). */
function replaceSearchParams(changes: Record<string, string | undefined>) {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const query = params.toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

export function ProposalList() {
  const proposals = useProposals();
  const now = useChainNow();
  const searchParams = useSearchParams();
  const state = parseState(searchParams.get("state"));
  const [search, setSearch] = useState(() => searchParams.get("q") ?? "");

  return (
    <QueryState query={proposals} label="proposals">
      {() => {
        const all = proposals.data ?? [];
        const shown = all.filter(
          (proposal) => (state === undefined || proposal.state === state) && matchesSearch(proposal, search),
        );
        return (
          <div className="space-y-4">
            <ProposalFilters
              state={state}
              search={search}
              countOf={(option) => all.filter((proposal) => option === "All" || proposal.state === option).length}
              onState={(next) => replaceSearchParams({ state: next?.toLowerCase() })}
              onSearch={(next) => {
                setSearch(next);
                replaceSearchParams({ q: next.trim() || undefined });
              }}
            />
            {shown.length === 0 ? (
              <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
                <p className="font-medium">No proposals match</p>
                <p className="mt-1 text-sm text-slate-500">
                  {all.length === 0 ? "Nobody has proposed anything yet." : "Try another state or search."}
                </p>
                {all.length > 0 && (
                  <button
                    type="button"
                    onClick={() => {
                      setSearch("");
                      replaceSearchParams({ state: undefined, q: undefined });
                    }}
                    className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:border-slate-400"
                  >
                    Clear filters
                  </button>
                )}
              </div>
            ) : (
              <ul className="space-y-3" aria-label="Proposals">
                {shown.map((proposal) => (
                  <ProposalRow key={proposal.id.toString()} proposal={proposal} now={now} />
                ))}
              </ul>
            )}
          </div>
        );
      }}
    </QueryState>
  );
}
