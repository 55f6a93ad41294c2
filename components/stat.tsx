import type { ReactNode } from "react";

/** One figure in a card: a small label over a large value, with an optional note under it. */
export function Stat({
  label,
  children,
  note,
  testId,
}: {
  label: string;
  children: ReactNode;
  note?: string;
  testId?: string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-xs uppercase tracking-wide text-slate-600">{label}</p>
      <p className="mt-1 text-xl font-semibold tabular-nums" data-testid={testId}>
        {children}
      </p>
      {note && <p className="mt-1 text-xs text-slate-600">{note}</p>}
    </div>
  );
}
