import { formatEther } from "viem";
import type { DecodedAction } from "@/lib/governance/actions";

/** One call the timelock makes, numbered, in plain language with the raw call folded away. */
export function ActionItem({ action, index }: { action: DecodedAction; index: number }) {
  return (
    <li className="space-y-2 border-t border-slate-100 pt-3 first:border-t-0 first:pt-0" data-testid="action">
      <div className="flex gap-3">
        <span className="mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-medium text-slate-600">
          {index + 1}
        </span>
        <div className="min-w-0 space-y-1">
          <p
            className={action.recognized ? "text-slate-900" : "font-medium text-amber-800"}
            data-testid="action-summary"
          >
            {!action.recognized && <span aria-hidden>⚠ </span>}
            {action.summary}
          </p>
          <p className="text-xs text-slate-600">
            {action.contractName ?? "Outside the Plenum system"}
            {action.signature && <span className="font-mono"> · {action.signature}</span>}
          </p>
          {action.details.length > 0 && (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm">
              {action.details.map((detail) => (
                <div key={detail.label} className="contents">
                  <dt className="text-slate-600">{detail.label}</dt>
                  <dd className="break-all">{detail.value}</dd>
                </div>
              ))}
            </dl>
          )}
          <details className="text-xs">
            <summary className="cursor-pointer text-slate-600 hover:text-slate-700">Raw call</summary>
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 font-mono">
              <dt className="text-slate-600">target</dt>
              <dd className="break-all">{action.target}</dd>
              <dt className="text-slate-600">value</dt>
              <dd>{formatEther(action.value)} ETH</dd>
              <dt className="text-slate-600">calldata</dt>
              <dd className="break-all" data-testid="raw-calldata">
                {action.calldata}
              </dd>
            </dl>
          </details>
        </div>
      </div>
    </li>
  );
}

/** The calls the timelock makes if the proposal executes, in order, in plain language. */
export function ActionList({ actions }: { actions: DecodedAction[] }) {
  if (actions.length === 0) return <p className="text-sm text-slate-600">This proposal makes no calls.</p>;
  return (
    <ol className="space-y-3">
      {actions.map((action, index) => (
        <ActionItem key={index} action={action} index={index} />
      ))}
    </ol>
  );
}
