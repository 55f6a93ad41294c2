import Link from "next/link";
import { formatTokens } from "@/lib/format";
import { voteSupportNames, type CastVote } from "@/lib/governance/delegates";

const supportStyle = {
  For: "bg-emerald-50 text-emerald-800",
  Against: "bg-red-50 text-red-800",
  Abstain: "bg-slate-100 text-slate-700",
} as const;

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
          {newestFirst.map((vote) => {
            const support = voteSupportNames[vote.support] ?? "Abstain";
            return (
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
                    <span data-testid="vote-support" className={`rounded px-2 py-0.5 ${supportStyle[support]}`}>
                      {support}
                    </span>
                    <span data-testid="vote-weight" className="tabular-nums text-slate-600">
                      {formatTokens(vote.weight)} PLM
                    </span>
                  </span>
                </div>
                {vote.reason ? (
                  <p data-testid="vote-reason" className="mt-2 whitespace-pre-line text-sm text-slate-700">
                    {vote.reason}
                  </p>
                ) : (
                  <p className="mt-2 text-sm italic text-slate-400">No reason given.</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
