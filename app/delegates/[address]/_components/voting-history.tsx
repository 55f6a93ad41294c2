"use client";

import Link from "next/link";
import type { Address } from "viem";
import { CollapsibleMarkdown } from "@/components/markdown";
import { QueryState } from "@/components/query-state";
import { ShowMore } from "@/components/show-more";
import { VoteSupportBadge } from "@/components/vote-support-badge";
import { formatTokens } from "@/lib/format";
import { useVotingHistory } from "@/lib/hooks/use-delegate";
import type { DelegateVote, Page } from "@/lib/indexer/types";

/** Votes cast, newest first, with their reasons and links to the proposals, a page at a time from the indexer. */
export function VotingHistory({ address, initial }: { address: Address; initial?: Page<DelegateVote> }) {
  const votes = useVotingHistory(address, initial);
  const shown = votes.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">Voting history</h2>
      <QueryState query={votes} label="the voting history">
        {() =>
          shown.length === 0 ? (
            <p className="text-slate-600">No votes cast yet.</p>
          ) : (
            <div className="space-y-3">
              <ul className="space-y-3">
                {shown.map((vote) => (
                  <li
                    key={vote.proposalId.toString()}
                    data-testid="vote-row"
                    data-proposal-id={vote.proposalId.toString()}
                    className="rounded-lg border border-slate-200 bg-white p-4"
                  >
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <Link
                        href={`/proposals/${vote.proposalId}`}
                        data-testid="vote-proposal"
                        className="font-medium text-slate-900 hover:text-indigo-700"
                      >
                        {vote.proposalTitle}
                      </Link>
                      <span className="flex items-center gap-2 text-sm">
                        <VoteSupportBadge support={vote.support} testId="vote-support" />
                        <span data-testid="vote-weight" className="tabular-nums text-slate-600">
                          {formatTokens(vote.weight)} PLM
                        </span>
                      </span>
                    </div>
                    {vote.reason ? (
                      <div data-testid="vote-reason" className="mt-2 text-sm">
                        <CollapsibleMarkdown source={vote.reason} />
                      </div>
                    ) : (
                      <p className="mt-2 text-sm italic text-slate-600">No reason given.</p>
                    )}
                  </li>
                ))}
              </ul>
              <ShowMore query={votes} label="votes" />
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
