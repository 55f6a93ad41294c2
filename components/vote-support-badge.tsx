import type { VoteSupportName } from "@/lib/governance/votes";

const styles: Record<VoteSupportName, string> = {
  For: "bg-emerald-100 text-emerald-800",
  Against: "bg-red-100 text-red-800",
  Abstain: "bg-slate-100 text-slate-700",
};

export function VoteSupportBadge({ support, testId }: { support: VoteSupportName; testId?: string }) {
  return (
    <span data-testid={testId} className={`rounded px-2 py-0.5 text-xs font-medium ${styles[support]}`}>
      {support}
    </span>
  );
}
