import type { Address } from "viem";
import { CollapsibleMarkdown } from "@/components/markdown";
import { formatTimestamp, shortAddress } from "@/lib/format";
import type { DisputeRuling } from "@/lib/governance/disputes";

export function RulingList({ rulings, profiles }: { rulings: DisputeRuling[]; profiles: Map<Address, string> }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">Rulings</h3>
      {rulings.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No ruling yet.</p>
      ) : (
        <ul className="mt-1 space-y-2">
          {rulings.map((ruling) => (
            <li
              key={ruling.expert}
              data-testid="ruling"
              data-expert={ruling.expert}
              className="rounded-md border border-slate-100 p-3 text-sm"
            >
              <div className="flex flex-wrap items-baseline gap-2">
                <span
                  data-testid="ruling-decision"
                  className={`rounded px-2 py-0.5 text-xs font-medium ${
                    ruling.uphold ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"
                  }`}
                >
                  {ruling.uphold ? "Uphold" : "Reject"}
                </span>
                <span className="font-mono" title={ruling.expert}>
                  {shortAddress(ruling.expert)}
                </span>
                <span className="text-slate-600">{formatTimestamp(ruling.time)}</span>
              </div>
              {profiles.get(ruling.expert) && (
                <p className="mt-1 text-xs text-slate-600">{profiles.get(ruling.expert)}</p>
              )}
              <div data-testid="ruling-reason" className="mt-1">
                <CollapsibleMarkdown source={ruling.reason} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
