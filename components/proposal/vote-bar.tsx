import { formatTokens } from "@/lib/format";
import { voteShares, type VoteTotals } from "@/lib/governance/votes";

/** For / Against / Abstain as one stacked bar, with the totals under it. */
export function VoteBar({ votes }: { votes: VoteTotals }) {
  const shares = voteShares(votes);
  const none = votes.for + votes.against + votes.abstain === 0n;
  return (
    <div className="space-y-1" data-testid="vote-bar">
      <div
        className="flex h-2 overflow-hidden rounded-full bg-slate-200"
        role="img"
        aria-label={`For ${shares.for}%, against ${shares.against}%, abstain ${shares.abstain}%`}
      >
        <div className="bg-emerald-500" style={{ width: `${shares.for}%` }} />
        <div className="bg-red-500" style={{ width: `${shares.against}%` }} />
        <div className="bg-slate-400" style={{ width: `${shares.abstain}%` }} />
      </div>
      <p className="text-xs text-slate-600">
        {none ? (
          "No votes yet"
        ) : (
          <>
            <span className="text-emerald-700">For {formatTokens(votes.for, 0)}</span> ·{" "}
            <span className="text-red-700">Against {formatTokens(votes.against, 0)}</span> · Abstain{" "}
            {formatTokens(votes.abstain, 0)} PLM
          </>
        )}
      </p>
    </div>
  );
}
