import Link from "next/link";
import { CollapsibleMarkdown } from "@/components/markdown";
import { VoteSupportBadge } from "@/components/vote-support-badge";
import { formatTokens } from "@/lib/format";
import type { CastVote } from "@/lib/governance/votes";

/** Votes cast, newest first, with their reasons and links to the proposals. */
export function VotingHistory({ votes, titles }: { votes: CastVote[]; titles: Map<bigint, string> }) {
  const newestFirst = [...votes].reverse();
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">Voting history</h2>
      {newestFirst.length === 0 ? (
        <p className="text-slate-500">No votes cast yet.</p>
      ) : (
        <ul className="space-y-3">
          {newestFirst.map((vote) => (
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
                  {titles.get(vote.proposalId) ?? `Proposal ${vote.proposalId}`}
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
                <p className="mt-2 text-sm italic text-slate-400">No reason given.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
