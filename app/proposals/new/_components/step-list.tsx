"use client";

import { ActionItem } from "@/components/proposal/action-list";
import { decodeActions } from "@/lib/governance/actions";
import { moveStep, type DraftStep } from "@/lib/governance/proposal-drafts";
import { useDecodeContext } from "@/lib/hooks/use-decode-context";

const stepButton = "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-40";

/** The draft's steps in the order the timelock runs them, each decoded as the proposal page will show it. */
export function StepList({ steps, onChange }: { steps: DraftStep[]; onChange: (steps: DraftStep[]) => void }) {
  const context = useDecodeContext();
  if (steps.length === 0) {
    return <p className="text-sm text-slate-600">No actions yet: add one from a template below.</p>;
  }
  // Actions are numbered across the whole proposal: where each step's first action falls.
  const firstActionIndex: number[] = [];
  let actionCount = 0;
  for (const step of steps) {
    firstActionIndex.push(actionCount);
    actionCount += step.actions.length;
  }
  return (
    <ol className="space-y-3">
      {steps.map((step, index) => {
        const first = firstActionIndex[index];
        const decoded = context ? decodeActions(step.actions, context) : [];
        return (
          <li key={step.id} data-testid="draft-step" className="rounded-lg border border-slate-200 p-3">
            <div className="mb-2 flex items-center gap-2">
              <span className="text-xs font-medium uppercase tracking-wide text-slate-600">{step.kind}</span>
              <div className="ml-auto flex gap-1">
                <button
                  type="button"
                  className={stepButton}
                  disabled={index === 0}
                  onClick={() => onChange(moveStep(steps, index, -1))}
                  aria-label={`Move step ${index + 1} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={stepButton}
                  disabled={index === steps.length - 1}
                  onClick={() => onChange(moveStep(steps, index, 1))}
                  aria-label={`Move step ${index + 1} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={`${stepButton} text-red-700`}
                  onClick={() => onChange(steps.filter((other) => other.id !== step.id))}
                  aria-label={`Remove step ${index + 1}`}
                >
                  Remove
                </button>
              </div>
            </div>
            {context ? (
              <ol className="space-y-3">
                {decoded.map((action, offset) => (
                  <ActionItem key={offset} action={action} index={first + offset} />
                ))}
              </ol>
            ) : (
              <p className="animate-pulse text-sm text-slate-600">Decoding…</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
