"use client";

import { ConfirmBox, useConfirmStep } from "@/components/confirm-step";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { TransactionStatusLine } from "@/components/transaction/transaction-status";
import { formatDuration, formatTimestamp, shortAddress } from "@/lib/format";
import {
  describeGuardianTerm,
  describePause,
  guardianPauseRefusal,
  guardianTermOver,
  hasGuardian,
  parametersPaused,
} from "@/lib/governance/guardian";
import { usePauseParameters } from "@/lib/hooks/use-dispute-actions";
import { useGuardian } from "@/lib/hooks/use-guardian";

/**
 * The guardian pauses the network parameters, behind a confirmation, when the chain would accept it (during its term,
 * not paused, not too soon after the last pause); otherwise it says why. Nobody else sees it enabled.
 */
export function PauseParameters() {
  const guardian = useGuardian();
  const pause = usePauseParameters();
  const { confirming, opener, open, cancel, done } = useConfirmStep();
  const { data: state, now } = guardian;
  if (!guardian.account || !state || now === undefined) return null;
  if (!guardian.isGuardian) {
    return (
      <p className="text-xs text-slate-600" data-testid="pause-not-guardian">
        {parametersPaused(state, now)
          ? `The network parameters are paused until ${formatTimestamp(state.pausedUntil)}; only a passed proposal can unpause them sooner.`
          : !hasGuardian(state)
            ? "There is no guardian: only a passed proposal can pause the network parameters."
            : guardianTermOver(state, now)
              ? `The guardian's term ended ${formatTimestamp(state.termEnd)}: only a passed proposal can pause the network parameters.`
              : `Only the guardian (${shortAddress(state.guardian)}) can pause the network parameters, until its term ends ${formatTimestamp(state.termEnd)}.`}
      </p>
    );
  }

  const refusal = guardianPauseRefusal(state, now);
  const duration = formatDuration(state.pauseDuration);
  return (
    <div className="space-y-2 border-t border-slate-200 pt-3 text-sm" data-testid="guardian-pause">
      <p className="font-semibold text-slate-800">Guardian: network parameters</p>
      <p className="text-slate-700">
        <span data-testid="parameters-pause">{describePause(state, now)}</span> · your term{" "}
        <span data-testid="your-guardian-term">{describeGuardianTerm(state, now)}</span>
      </p>
      {refusal ? (
        <p className="text-slate-600" data-testid="pause-unavailable">
          {refusal}
        </p>
      ) : confirming ? (
        <ConfirmBox
          label="Confirm pausing the network parameters"
          consequence={
            <>
              Pausing stops every network parameter change for {duration}: each one reverts with ParametersPaused until
              the pause lapses by itself. Only a passed proposal can unpause sooner or renew it; you cannot undo this
              yourself, and you may pause again only {duration} after it ends.
            </>
          }
          onCancel={cancel}
          testId="confirm-pause-box"
        >
          <TransactionButton
            transaction={pause}
            onClick={() => void pause.pause().then((receipt) => receipt && done())}
            tone="danger"
            testId="confirm-pause"
          >
            Yes, pause them
          </TransactionButton>
          <button type="button" className="px-3 text-slate-700 underline" onClick={cancel}>
            Keep them live
          </button>
        </ConfirmBox>
      ) : (
        <button
          ref={opener}
          type="button"
          className="rounded-lg border border-red-300 px-4 py-2 font-semibold text-red-700 hover:bg-red-50"
          data-testid="pause-parameters"
          onClick={open}
        >
          Pause the network parameters for {duration}
        </button>
      )}
      <TransactionStatusLine status={pause.status} successText="Network parameters paused" />
    </div>
  );
}
