"use client";

import { CollapsibleMarkdown } from "@/components/markdown";
import { QueryState } from "@/components/query-state";
import { ShowMore } from "@/components/show-more";
import { VoteSupportBadge } from "@/components/vote-support-badge";
import { formatTokens, shortAddress } from "@/lib/format";
import { useProposalVotes } from "@/lib/hooks/use-proposal-votes";
import type { IndexedVote, Page } from "@/lib/indexer/types";

/** The votes cast on the proposal, heaviest first, with their reasons, a page at a time from the indexer. */
export function VoterList({ proposalId, initial }: { proposalId: bigint; initial?: Page<IndexedVote> }) {
  const votes = useProposalVotes(proposalId, initial);
  return (
    <QueryState query={votes} label="the voters">
      {() => {
        const shown = votes.data?.pages.flatMap((page) => page.items) ?? [];
        if (shown.length === 0) return <p className="text-sm text-slate-600">No votes cast yet.</p>;
        return (
          <div className="space-y-3">
            <ul className="divide-y divide-slate-100">
              {shown.map((vote) => (
                <li key={vote.voter} className="py-3 first:pt-0" data-testid="voter" data-voter={vote.voter}>
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    {vote.voterName && <span className="font-medium">{vote.voterName}</span>}
                    <span className="font-mono" title={vote.voter}>
                      {shortAddress(vote.voter)}
                    </span>
                    <VoteSupportBadge support={vote.support} />
                    <span className="ml-auto tabular-nums text-slate-600" data-testid="voter-weight">
                      {formatTokens(vote.weight)} PLM
                    </span>
                  </div>
                  <div className="mt-1 text-sm" data-testid="voter-reason">
                    {vote.reason ? (
                      <CollapsibleMarkdown source={vote.reason} />
                    ) : (
                      <p className="italic text-slate-600">No reason given</p>
                    )}
                  </div>
                </li>
              ))}
            </ul>
            <ShowMore query={votes} label="voters" />
          </div>
        );
      }}
    </QueryState>
  );
}
