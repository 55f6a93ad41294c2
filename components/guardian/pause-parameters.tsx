"use client";

import { useState } from "react";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { TransactionStatusLine } from "@/components/transaction/transaction-status";
import { shortAddress } from "@/lib/format";
import { usePauseParameters } from "@/lib/hooks/use-dispute-actions";
import { useParametersGuardian } from "@/lib/hooks/use-parameters-guardian";

/** The guardian pauses the network parameters, behind a confirmation; nobody else sees it enabled. */
export function PauseParameters() {
  const guardian = useParametersGuardian();
  const pause = usePauseParameters();
  const [confirming, setConfirming] = useState(false);
  if (!guardian.account || !guardian.data) return null;
  // Only the guardian of NetworkParameters may pause (governance does it through a proposal): others are told so.
  if (!guardian.isGuardian) {
    return (
      <p className="text-xs text-slate-500" data-testid="pause-not-guardian">
        {guardian.data.paused
          ? "The network parameters are paused; only a passed proposal can unpause them."
          : `Only the guardian (${shortAddress(guardian.data.guardian)}) can pause the network parameters.`}
      </p>
    );
  }

  return (
    <div className="space-y-2 border-t border-slate-200 pt-3 text-sm" data-testid="guardian-pause">
      <p className="font-semibold text-slate-800">Guardian: network parameters</p>
      {guardian.data.paused ? (
        <p className="text-red-900" data-testid="parameters-paused">
          <span className="mr-2 rounded bg-red-100 px-2 py-0.5 font-semibold text-red-800">Paused</span>
          Every parameter change reverts until a passed proposal unpauses them.
        </p>
      ) : confirming ? (
        <div className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-3" data-testid="confirm-pause-box">
          <p className="text-red-900">
            Pausing stops every network parameter change: each one reverts with EnforcedPause until governance unpauses.
            Only a passed proposal can unpause; you cannot undo this yourself.
          </p>
          <div className="flex gap-2">
            <TransactionButton
              transaction={pause}
              onClick={() => void pause.pause()}
              tone="danger"
              testId="confirm-pause"
            >
              Yes, pause them
            </TransactionButton>
            <button type="button" className="px-3 text-slate-700 underline" onClick={() => setConfirming(false)}>
              Keep them live
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="rounded-lg border border-red-300 px-4 py-2 font-semibold text-red-700 hover:bg-red-50"
          data-testid="pause-parameters"
          onClick={() => setConfirming(true)}
        >
          Pause the network parameters
        </button>
      )}
      <TransactionStatusLine status={pause.status} successText="Network parameters paused" />
    </div>
  );
}
