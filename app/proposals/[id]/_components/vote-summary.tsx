import { formatTokens } from "@/lib/format";
import { quorumProgress, voteShares, type VoteTotals } from "@/lib/governance/votes";

/** For / Against / Abstain totals and the progress toward quorum (For and Abstain count). */
export function VoteSummary({
  votes,
  quorum,
  quorumIsEstimate,
}: {
  votes: VoteTotals;
  quorum: bigint;
  quorumIsEstimate: boolean;
}) {
  const shares = voteShares(votes);
  const progress = quorumProgress(votes, quorum);
  const rows = [
    { label: "For", amount: votes.for, share: shares.for, bar: "bg-emerald-500", testId: "votes-for" },
    { label: "Against", amount: votes.against, share: shares.against, bar: "bg-red-500", testId: "votes-against" },
    { label: "Abstain", amount: votes.abstain, share: shares.abstain, bar: "bg-slate-400", testId: "votes-abstain" },
  ];
  return (
    <div className="space-y-4">
      <ul className="space-y-2">
        {rows.map((row) => (
          <li key={row.label}>
            <div className="flex justify-between text-sm">
              <span>{row.label}</span>
              <span className="tabular-nums">
                <span data-testid={row.testId}>{formatTokens(row.amount)} PLM</span>{" "}
                <span className="text-slate-600">({row.share}%)</span>
              </span>
            </div>
            <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-100">
              <div className={`h-full ${row.bar}`} style={{ width: `${row.share}%` }} />
            </div>
          </li>
        ))}
      </ul>
      <div data-testid="quorum-progress">
        <div className="flex justify-between text-sm">
          <span>Quorum{quorumIsEstimate ? " (estimate until voting starts)" : ""}</span>
          <span className="tabular-nums">
            {formatTokens(progress.counted, 0)} / <span data-testid="quorum">{formatTokens(quorum, 0)}</span> PLM
          </span>
        </div>
        <div
          className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100"
          role="progressbar"
          aria-label="Quorum"
          aria-valuenow={progress.percent}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div
            className={`h-full ${progress.reached ? "bg-emerald-600" : "bg-amber-500"}`}
            style={{ width: `${progress.percent}%` }}
          />
        </div>
        <p className="mt-1 text-xs text-slate-600">
          {progress.reached ? "Quorum reached" : `${progress.percent}% of quorum`} · For and Abstain count toward quorum
        </p>
      </div>
    </div>
  );
}
