import type { PollState } from "@/lib/polls/api";

const styles: Record<PollState, string> = {
  upcoming: "bg-slate-100 text-slate-700",
  open: "bg-blue-100 text-blue-800",
  closed: "bg-zinc-200 text-zinc-700",
  promoted: "bg-violet-100 text-violet-800",
};

const labels: Record<PollState, string> = {
  upcoming: "Upcoming",
  open: "Open",
  closed: "Closed",
  promoted: "Promoted",
};

export function PollStateBadge({ state }: { state: PollState }) {
  return (
    <span data-testid="poll-state" className={`rounded px-2 py-0.5 text-xs font-medium ${styles[state]}`}>
      {labels[state]}
    </span>
  );
}

export const pollKindLabels = {
  basic: "For / Against / Abstain",
  single: "Single choice",
  approval: "Approval",
} as const;
