import { formatCountdown, formatTimestamp } from "@/lib/format";
import { nextMilestone, proposalTimeline, type TimelineInput } from "@/lib/governance/timeline";

/** The proposal's milestones with their times, and a live countdown to the next one. */
export function StatusTimeline({
  timeline,
  now,
  frozen,
}: {
  timeline: TimelineInput;
  now: bigint | undefined;
  /** An open dispute blocks execution, ETA or not. */
  frozen: boolean;
}) {
  const milestones = proposalTimeline(timeline);
  const next = now === undefined ? undefined : nextMilestone(timeline, now);
  return (
    <div className="space-y-3">
      {next && now !== undefined && (
        <p className="rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900" data-testid="countdown">
          {next.label} in <span className="font-semibold tabular-nums">{formatCountdown(next.time - now)}</span>
        </p>
      )}
      {frozen && (
        <p className="rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-900">
          Execution is frozen while the dispute is open.
        </p>
      )}
      <ol className="space-y-2">
        {milestones.map((milestone) => {
          const reached = now !== undefined && milestone.time <= now;
          return (
            <li key={milestone.key} className="flex gap-3 text-sm" data-testid={`milestone-${milestone.key}`}>
              <span
                aria-hidden
                className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${reached ? "bg-slate-800" : "border border-slate-400"}`}
              />
              <div>
                <p className={reached ? "text-slate-900" : "text-slate-600"}>{milestone.label}</p>
                <p className="text-xs text-slate-600 tabular-nums">{formatTimestamp(milestone.time)}</p>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
