"use client";

import Link from "next/link";
import { isAddressEqual, type Address } from "viem";
import { QueryState } from "@/components/query-state";
import { ShowMore } from "@/components/show-more";
import { formatTokens, shortAddress } from "@/lib/format";
import { useDelegators } from "@/lib/hooks/use-delegate";
import type { Delegator, Page } from "@/lib/indexer/types";

/** Accounts delegating to this address, largest balance first, a page at a time from the indexer. */
export function DelegatorsList({ delegate, initial }: { delegate: Address; initial?: Page<Delegator> }) {
  const delegators = useDelegators(delegate, initial);
  const shown = delegators.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">Delegators</h2>
      <QueryState query={delegators} label="the delegators">
        {() =>
          shown.length === 0 ? (
            <p className="text-slate-600">Nobody delegates to this address.</p>
          ) : (
            <div className="space-y-3">
              <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
                {shown.map(({ address, balance }) => (
                  <li
                    key={address}
                    data-testid="delegator-row"
                    data-address={address}
                    className="flex items-center justify-between gap-3 px-4 py-2"
                  >
                    {isAddressEqual(address, delegate) ? (
                      <span className="font-mono">{shortAddress(address)} (self)</span>
                    ) : (
                      <Link href={`/delegates/${address}`} className="font-mono hover:text-indigo-700" title={address}>
                        {shortAddress(address)}
                      </Link>
                    )}
                    <span data-testid="delegator-balance" className="tabular-nums text-slate-600">
                      {formatTokens(balance)} PLM
                    </span>
                  </li>
                ))}
              </ul>
              <ShowMore query={delegators} label="delegators" />
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
