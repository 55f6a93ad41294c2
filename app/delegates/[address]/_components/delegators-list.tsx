import Link from "next/link";
import { isAddressEqual, type Address } from "viem";
import { compareBigint } from "@/lib/bigint";
import { formatTokens, shortAddress } from "@/lib/format";

/** Accounts delegating to this address, largest balance first. */
export function DelegatorsList({
  delegate,
  delegators,
}: {
  delegate: Address;
  delegators: { address: Address; balance: bigint }[];
}) {
  const sorted = [...delegators].sort((a, b) => compareBigint(b.balance, a.balance));
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">Delegators</h2>
      {sorted.length === 0 ? (
        <p className="text-slate-500">Nobody delegates to this address.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
          {sorted.map(({ address, balance }) => (
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
      )}
    </section>
  );
}
