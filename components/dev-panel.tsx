"use client";

import { useState } from "react";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { useMoveChainTime } from "@/lib/hooks/use-dev-time";
import { useOpenProposals } from "@/lib/hooks/use-proposals";
import { nextTimedStateChange } from "@/lib/governance/timeline";
import { describeError } from "@/lib/contracts/errors";
import { devPanelBarClass } from "./dev-panel-loader";

/**
 * Local chain only, a strip under the header (it never covers the page): moves anvil's clock to the next milestone of a chosen proposal (voting start, voting end,
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

  return (
    <aside aria-label="Dev panel" className="border-b border-amber-200 bg-amber-50 text-sm text-amber-900">
      <div className={`${devPanelBarClass} flex-wrap gap-x-4`}>
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen((isOpen) => !isOpen)}
          className="min-h-6 font-semibold underline-offset-2 hover:underline"
        >
          Dev panel
        </button>
        <span>
          Local chain · time:{" "}
          <span data-testid="chain-time">{now === undefined ? "…" : new Date(Number(now) * 1000).toUTCString()}</span>
        </span>
      </div>
      {open && (
        <div className="mx-auto max-w-6xl space-y-3 px-4 pb-3">
          {candidates.length === 0 ? (
            <p className="text-amber-900">No proposal is waiting on time.</p>
          ) : (
            <>
              <label className="block">
                <span className="text-amber-900">Proposal</span>
                <select
                  className="mt-1 min-h-9 w-full rounded border border-amber-300 bg-white p-1"
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
                  className="min-h-11 w-full rounded-md bg-amber-800 px-3 font-semibold text-white hover:bg-amber-900 disabled:opacity-60 sm:w-auto"
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
        </div>
      )}
    </aside>
  );
}
