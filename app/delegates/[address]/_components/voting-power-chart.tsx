import { maxBigint } from "@/lib/bigint";
import { formatTimestamp, formatTokens } from "@/lib/format";
import { stepPath } from "@/lib/sparkline";

const WIDTH = 600;
const HEIGHT = 80;

/** Voting power after each change: a step sparkline and the list of changes. */
export function VotingPowerChart({
  history,
}: {
  history: { blockNumber: bigint; timestamp: bigint; votes: bigint }[];
}) {
  const points = history.map((point) => ({ time: point.timestamp, value: point.votes }));
  const peak = maxBigint(history.map((point) => point.votes));
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">Voting power over time</h2>
      {history.length === 0 ? (
        <p className="text-slate-600">This address never had voting power.</p>
      ) : (
        <div className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[2fr_1fr]">
          <figure>
            <svg
              viewBox={`-2 -2 ${WIDTH + 4} ${HEIGHT + 4}`}
              className="h-24 w-full"
              preserveAspectRatio="none"
              role="img"
              aria-label={`Voting power from ${formatTimestamp(history[0].timestamp)} to ${formatTimestamp(
                history.at(-1)!.timestamp,
              )}, peaking at ${formatTokens(peak, 0)} PLM`}
            >
              <path
                d={stepPath(points, { width: WIDTH, height: HEIGHT })}
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                vectorEffect="non-scaling-stroke"
                className="text-indigo-600"
              />
            </svg>
            <figcaption className="mt-1 flex justify-between text-xs text-slate-600">
              <span>{formatTimestamp(history[0].timestamp)}</span>
              <span>peak {formatTokens(peak, 0)} PLM</span>
              <span>{formatTimestamp(history.at(-1)!.timestamp)}</span>
            </figcaption>
          </figure>
          <ol className="max-h-40 space-y-1 overflow-y-auto text-sm" aria-label="Voting power changes">
            {[...history].reverse().map((point) => (
              <li key={point.blockNumber.toString()} data-testid="power-change" className="flex justify-between gap-3">
                <span className="text-slate-600">{formatTimestamp(point.timestamp)}</span>
                <span className="tabular-nums">{formatTokens(point.votes, 0)} PLM</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
