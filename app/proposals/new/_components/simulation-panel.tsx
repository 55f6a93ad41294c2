"use client";

import { formatEther } from "viem";
import { QueryState } from "@/components/query-state";
import type { ProposalSimulation, SimulatedAction, SimulationChange } from "@/lib/chain/simulate-proposal";
import { config } from "@/lib/config";
import { formatParameterValue, formatTokens, shortAddress } from "@/lib/format";
import type { ProposalAction } from "@/lib/governance/actions";
import type { useProposalSimulation } from "./use-proposal-simulation";
import { ScrollBox } from "@/components/scroll-box";

const statusStyles: Record<SimulatedAction["status"], string> = {
  success: "bg-emerald-100 text-emerald-800",
  reverted: "bg-red-100 text-red-800",
  "not run": "bg-slate-100 text-slate-600",
};

function accountName(account: string): string {
  return account.toLowerCase() === config.deployment.timelock.toLowerCase()
    ? "Treasury (timelock)"
    : shortAddress(account);
}

function formatChange(change: SimulationChange): { label: string; before: string; after: string } {
  if (change.kind === "parameter") {
    return {
      label: change.key,
      before: formatParameterValue(change.before, change.unit),
      after: formatParameterValue(change.after, change.unit),
    };
  }
  const format = (amount: bigint) =>
    change.asset === "PLM" ? `${formatTokens(amount)} PLM` : `${formatEther(amount)} ETH`;
  return {
    label: `${accountName(change.account)} ${change.asset}`,
    before: format(change.before),
    after: format(change.after),
  };
}

function SimulationResult({ simulation }: { simulation: ProposalSimulation }) {
  const changes = simulation.changes.filter((change) => change.before !== change.after);
  return (
    <div className="space-y-3 text-sm">
      <p className={simulation.ok ? "text-emerald-800" : "font-medium text-red-800"} data-testid="simulation-verdict">
        {simulation.ok
          ? `Every action succeeds when run as the timelock on block ${simulation.blockNumber}.`
          : `An action fails when run as the timelock on block ${simulation.blockNumber}.`}
      </p>
      {!simulation.carriesState && (
        <p className="text-amber-800">
          This node has no eth_simulateV1: each action ran alone on the current state (eth_call), so an action that
          relies on an earlier one may fail here and succeed when executed.
        </p>
      )}
      <ol className="space-y-2">
        {simulation.actions.map((action) => (
          <li key={action.index} data-testid="simulated-action" className="rounded border border-slate-200 p-2">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-slate-600">Action {action.index + 1}</span>
              <span className={`rounded px-2 py-0.5 text-xs font-medium ${statusStyles[action.status]}`}>
                {action.status}
              </span>
              {action.gasUsed !== undefined && (
                <span className="ml-auto text-xs text-slate-600">{action.gasUsed.toLocaleString("en-US")} gas</span>
              )}
            </div>
            {action.error && (
              <p role="alert" className="mt-1 text-red-800" data-testid="simulation-error">
                {action.error}
              </p>
            )}
            {action.events.length > 0 && (
              <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
                {action.events.map((event, index) => (
                  <li key={index} className="font-mono" data-testid="simulated-event">
                    {event.contract ?? shortAddress(event.address)}.{event.name}(
                    {Object.entries(event.args)
                      .map(
                        ([name, value]) => `${name}: ${typeof value === "bigint" ? value.toString() : String(value)}`,
                      )
                      .join(", ")}
                    )
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {changes.length > 0 && (
        <ScrollBox label="State changes">
          <table className="w-full text-left text-sm" data-testid="simulation-changes">
            <thead className="text-xs uppercase text-slate-600">
              <tr>
                <th className="py-1">Changes</th>
                <th className="py-1">Before</th>
                <th className="py-1">After</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change, index) => {
                const { label, before, after } = formatChange(change);
                return (
                  <tr key={index} className="border-t border-slate-100" data-testid="simulation-change">
                    <td className="py-1">{label}</td>
                    <td className="py-1 tabular-nums">{before}</td>
                    <td className="py-1 tabular-nums">{after}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}

/** The simulation of every action in order, as the timelock, on the current chain state. */
export function SimulationPanel({
  actions,
  simulation,
}: {
  actions: ProposalAction[];
  simulation: ReturnType<typeof useProposalSimulation>;
}) {
  if (actions.length === 0) return <p className="text-sm text-slate-600">Add actions to simulate them.</p>;
  return (
    <div data-testid="simulation">
      <QueryState query={simulation} label="the simulation">
        {() => (simulation.data ? <SimulationResult simulation={simulation.data} /> : null)}
      </QueryState>
    </div>
  );
}
