"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FilterChips } from "@/components/filter-chips";
import { PollRow } from "@/components/poll/poll-row";
import { QueryState } from "@/components/query-state";
import { ShowMore } from "@/components/show-more";
import { pollStates, type PageJson, type PollState, type PollSummaryJson } from "@/lib/polls/api";
import { fetchPolls } from "@/lib/polls/client";

const stateLabels: Record<PollState | "all", string> = {
  all: "All",
  upcoming: "Upcoming",
  open: "Open",
  closed: "Closed",
  promoted: "Promoted",
};

/** The DAO's temperature checks, newest first, by state, a page at a time. */
export function PollList({ initialState, initial }: { initialState?: PollState; initial?: PageJson<PollSummaryJson> }) {
  const [state, setState] = useState(initialState);
  const polls = useInfiniteQuery({
    queryKey: ["polls", state ?? "all"],
    queryFn: ({ pageParam }) => fetchPolls({ state, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next ?? undefined,
    initialData:
      initial && state === initialState
        ? { pages: [initial], pageParams: [undefined as string | undefined] }
        : undefined,
  });

  const choose = (next: PollState | undefined) => {
    setState(next);
    const params = new URLSearchParams({ view: "checks" });
    if (next) params.set("state", next);
    window.history.replaceState(null, "", `?${params}`);
  };

  return (
    <div className="space-y-4">
      <FilterChips
        label="Filter by state"
        options={["all", ...pollStates] as const}
        selected={state ?? "all"}
        onSelect={(option) => choose(option === "all" ? undefined : option)}
        labelOf={(option) => stateLabels[option]}
      />
      <QueryState query={polls} label="temperature checks">
        {() => {
          const shown = polls.data!.pages.flatMap((page) => page.items);
          return shown.length === 0 ? (
            <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
              <p className="font-medium">No temperature checks{state ? ` ${stateLabels[state].toLowerCase()}` : ""}</p>
              <p className="mt-1 text-sm text-slate-600">
                Publish one from a proposal draft: holders vote without gas before it goes on chain.
              </p>
            </div>
          ) : (
            <div className="space-y-3">
              <ul className="space-y-3" aria-label="Temperature checks">
                {shown.map((poll) => (
                  <PollRow key={poll.id} poll={poll} />
                ))}
              </ul>
              <ShowMore query={polls} label="temperature checks" />
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
