import { CollapsibleMarkdown } from "@/components/markdown";
import type { CheckedStatement } from "@/lib/governance/delegates";

export function StatementSection({ statement }: { statement?: CheckedStatement }) {
  return (
    <section className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 className="text-lg font-semibold">Statement</h2>
        {statement &&
          (statement.matchesChain ? (
            <span data-testid="statement-check" className="rounded bg-emerald-50 px-2 py-0.5 text-xs text-emerald-800">
              Version {statement.version.toString()}: matches the hash recorded on chain
            </span>
          ) : (
            <span data-testid="statement-check" className="rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-900">
              Version {statement.version.toString()}: does not match the hash recorded on chain
            </span>
          ))}
      </div>
      {statement ? (
        <div data-testid="delegate-statement" className="rounded-lg border border-slate-200 bg-white p-5">
          <CollapsibleMarkdown source={statement.text} />
        </div>
      ) : (
        <p className="text-slate-500">This address has not published a statement.</p>
      )}
    </section>
  );
}
