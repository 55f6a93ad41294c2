"use client";

import { QueryState } from "@/components/query-state";
import { formatDuration } from "@/lib/format";
import {
  describeGuardianTerm,
  describeNextGuardianPause,
  describePause,
  hasGuardian,
  parametersPaused,
} from "@/lib/governance/guardian";
import { useGuardian } from "@/lib/hooks/use-guardian";

/** The security council: who it is, until when it may act, and the pause of the network parameters. */
export function GuardianStatus() {
  const guardian = useGuardian();
  return (
    <section aria-labelledby="guardian-status" data-testid="guardian-status">
      <h2 id="guardian-status" className="text-lg font-semibold">
        Guardian (security council)
      </h2>
      <QueryState query={guardian} label="the guardian">
        {() => {
          const state = guardian.data!;
          const { now } = guardian;
          if (now === undefined) return null;
          const paused = parametersPaused(state, now);
          return (
            <dl className="mt-3 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-slate-600">Guardian</dt>
              <dd className="break-all font-mono" data-testid="guardian-address">
                {hasGuardian(state) ? state.guardian : "none"}
              </dd>
              <dt className="text-slate-600">Term</dt>
              <dd data-testid="guardian-term">
                {describeGuardianTerm(state, now)}{" "}
                <span className="text-slate-600">(cancels proposals and pauses the network parameters until then)</span>
              </dd>
              <dt className="text-slate-600">Network parameters</dt>
              <dd data-testid="parameters-pause" className={paused ? "font-semibold text-red-800" : undefined}>
                {describePause(state, now)}
              </dd>
              <dt className="text-slate-600">The guardian may pause</dt>
              <dd>
                <span data-testid="guardian-next-pause">{describeNextGuardianPause(state, now)}</span>{" "}
                <span className="text-slate-600">
                  (a pause lasts {formatDuration(state.pauseDuration)} unless governance renews or lifts it)
                </span>
              </dd>
            </dl>
          );
        }}
      </QueryState>
    </section>
  );
}
