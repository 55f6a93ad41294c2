import { CollapsibleMarkdown } from "@/components/markdown";
import { VoteSupportBadge } from "@/components/vote-support-badge";
import { formatTokens, shortAddress } from "@/lib/format";
import type { CastVote } from "@/lib/governance/votes";

/** Every vote cast on the proposal, heaviest first, with its reason. */
export function VoterList({ votes }: { votes: CastVote[] }) {
  if (votes.length === 0) return <p className="text-sm text-slate-500">No votes cast yet.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {votes.map((vote) => (
        <li key={vote.transactionHash} className="py-3 first:pt-0" data-testid="voter" data-voter={vote.voter}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
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
              <p className="italic text-slate-400">No reason given</p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
