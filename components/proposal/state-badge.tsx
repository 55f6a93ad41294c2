import type { ProposalStateName } from "@/lib/governance/proposal-state";

const styles: Record<ProposalStateName, string> = {
  Pending: "bg-slate-100 text-slate-700",
  Active: "bg-blue-100 text-blue-800",
  Canceled: "bg-zinc-200 text-zinc-700",
  Defeated: "bg-red-100 text-red-800",
  Succeeded: "bg-emerald-100 text-emerald-800",
  Queued: "bg-amber-100 text-amber-800",
  Expired: "bg-zinc-200 text-zinc-700",
  Executed: "bg-violet-100 text-violet-800",
};

export function StateBadge({ state }: { state: ProposalStateName }) {
  return (
    <span data-testid="proposal-state" className={`rounded px-2 py-0.5 text-xs font-medium ${styles[state]}`}>
      {state}
    </span>
  );
}

export function DisputedMark() {
  return (
    <span
      data-testid="disputed-mark"
      title="A dispute on this proposal is open: it cannot execute until the panel rules or the dispute times out."
      className="rounded bg-orange-100 px-2 py-0.5 text-xs font-medium text-orange-800"
    >
      Disputed
    </span>
  );
}
