"use client";

import { useState } from "react";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { useMoveChainTime } from "@/lib/hooks/use-dev-time";
import { useOpenProposals } from "@/lib/hooks/use-proposals";
import { nextTimedStateChange } from "@/lib/governance/timeline";
import { describeError } from "@/lib/contracts/errors";

/**
 * Local chain only: moves anvil's clock to the next milestone of a chosen proposal (voting start, voting end,
 * ETA) and mines a block, so a newcomer can walk a proposal through its life in minutes.
 */
export function DevPanel() {
  const proposals = useOpenProposals();
  const now = useChainNow();
  const move = useMoveChainTime();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState("");
  const candidates = (proposals.data ?? []).flatMap((proposal) => {
    const milestone = nextTimedStateChange(proposal);
    return milestone ? [{ proposal, milestone }] : [];
  });
  const selected = candidates.find(({ proposal }) => proposal.id.toString() === chosen) ?? candidates[0];

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="fixed bottom-4 right-4 rounded-full bg-amber-500 px-4 py-2 text-sm font-semibold text-white shadow-lg"
      >
        Dev panel
      </button>
    );
  }
  return (
    <aside
      aria-label="Dev panel"
      className="fixed bottom-4 right-4 w-96 space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm shadow-lg"
    >
      <div className="flex items-center justify-between">
        <h2 className="font-semibold text-amber-900">Dev panel (local chain)</h2>
        <button type="button" onClick={() => setOpen(false)} className="text-amber-900" aria-label="Close dev panel">
          ✕
        </button>
      </div>
      <p className="text-amber-900">
        Chain time:{" "}
        <span data-testid="chain-time">{now === undefined ? "…" : new Date(Number(now) * 1000).toUTCString()}</span>
      </p>
      {candidates.length === 0 ? (
        <p className="text-amber-900">No proposal is waiting on time.</p>
      ) : (
        <>
          <label className="block">
            <span className="text-amber-900">Proposal</span>
            <select
              className="mt-1 w-full rounded border border-amber-300 bg-white p-1"
              value={selected?.proposal.id.toString()}
              onChange={(event) => setChosen(event.target.value)}
            >
              {candidates.map(({ proposal, milestone }) => (
                <option key={proposal.id.toString()} value={proposal.id.toString()}>
                  {proposal.title} ({proposal.state}, next: {milestone.label})
                </option>
              ))}
            </select>
          </label>
          {selected && (
            <button
              type="button"
              disabled={move.isPending}
              onClick={() => move.mutate(selected.milestone.timestamp)}
              className="w-full rounded-md bg-amber-600 px-3 py-1.5 font-semibold text-white hover:bg-amber-700 disabled:opacity-60"
            >
              {move.isPending ? "Moving time…" : `Move time to: ${selected.milestone.label}`}
            </button>
          )}
        </>
      )}
      {move.error && (
        <p role="alert" className="text-red-800">
          Could not move time: {describeError(move.error)}
        </p>
      )}
    </aside>
  );
}
