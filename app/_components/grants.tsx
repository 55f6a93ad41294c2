"use client";

import { QueryState } from "@/components/query-state";
import { formatDuration, formatTimestamp, formatTokens, shortAddress } from "@/lib/format";
import { useGrants } from "@/lib/hooks/use-grants";
import { ScrollBox } from "@/components/scroll-box";

/** Treasury grants: who receives what, on which schedule, and how much is released or releasable. */
export function Grants() {
  const grants = useGrants();
  return (
    <section aria-labelledby="grants">
      <h2 id="grants" className="text-lg font-semibold">
        Grants
      </h2>
      <QueryState query={grants} label="grants">
        {() =>
          grants.data!.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">The treasury has made no grants yet.</p>
          ) : (
            <ScrollBox label="Grants" className="mt-3 rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-sm">
                <thead className="bg-slate-100 text-left text-slate-600">
                  <tr>
                    <th className="px-4 py-2">Grant</th>
                    <th className="px-4 py-2">Amount</th>
                    <th className="px-4 py-2">Schedule</th>
                    <th className="px-4 py-2">Released / releasable</th>
                  </tr>
                </thead>
                <tbody>
                  {grants.data!.map((grant) => (
                    <tr key={grant.id.toString()} className="border-t border-slate-100" data-testid="grant">
                      <td className="px-4 py-2">
                        <p className="font-medium">{grant.memo}</p>
                        <p className="font-mono text-xs text-slate-600" title={grant.beneficiary}>
                          to {shortAddress(grant.beneficiary)}
                          {grant.revokedAt > 0n && ` · revoked ${formatTimestamp(grant.revokedAt)}`}
                        </p>
                      </td>
                      <td className="px-4 py-2" data-testid="grant-amount">
                        {formatTokens(grant.amount)} PLM
                      </td>
                      <td className="px-4 py-2 text-slate-600">
                        from {formatTimestamp(grant.start)}, {formatDuration(grant.cliffDuration)} cliff,{" "}
                        {formatDuration(grant.duration)} in all
                      </td>
                      <td className="px-4 py-2" data-testid="grant-releasable">
                        {formatTokens(grant.released)} / {formatTokens(grant.releasable)} PLM
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )
        }
      </QueryState>
    </section>
  );
}
