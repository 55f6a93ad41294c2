import { formatDuration, formatTimestamp } from "@/lib/format";
import { deadlinePhase, type DisputeRecord } from "@/lib/governance/disputes";

/** The adjudication deadline, with a countdown while the panel may still rule (when the chain's time is known). */
export function Deadline({ dispute, now }: { dispute: DisputeRecord; now?: bigint }) {
  const phase = now === undefined ? undefined : deadlinePhase(dispute, now);
  return (
    <span>
      <span data-testid="dispute-deadline">{formatTimestamp(dispute.deadline)}</span>
      {phase?.phase === "adjudicating" && (
        <span data-testid="dispute-countdown" className="ml-2 text-amber-800">
          ({formatDuration(phase.secondsLeft)} left)
        </span>
      )}
      {phase?.phase === "awaiting-timeout" && (
        <span data-testid="dispute-countdown" className="ml-2 text-red-800">
          (passed: anyone may resolve it as timed out)
        </span>
      )}
    </span>
  );
}
