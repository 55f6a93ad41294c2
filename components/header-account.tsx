"use client";

import Link from "next/link";
import { formatCountdown, formatTokens, shortAddress } from "@/lib/format";
import { useAccountSummary } from "@/lib/hooks/use-account-summary";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { usePendingActions } from "@/lib/hooks/use-pending-actions";

/** The connected account's voting power, delegate and what it can do now, on every page. */
export function HeaderAccount() {
  const summary = useAccountSummary();
  const now = useChainNow();
  const pending = usePendingActions(now);
  if (!summary.account || !summary.data) return null;
  const { votingPower, delegate } = summary.data;
  const delegateLabel = !delegate ? "not delegated" : delegate === summary.account ? "self" : shortAddress(delegate);
  return (
    <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600" data-testid="header-account">
      <span title="Your voting power">
        <span className="font-semibold text-slate-900" data-testid="header-voting-power">
          {formatTokens(votingPower, 0)} PLM
        </span>{" "}
        votes
      </span>
      <Link href={delegate ? `/delegates/${delegate}` : "/"} title="Your delegate" data-testid="header-delegate">
        delegate: {delegateLabel}
      </Link>
      {pending.length > 0 && (
        <details
          className="relative"
          onKeyDown={(event) => {
            // A menu closes on Escape and gives the focus back to its button.
            const menu = event.currentTarget;
            if (event.key !== "Escape" || !menu.open) return;
            menu.open = false;
            menu.querySelector("summary")?.focus();
          }}
        >
          <summary
            className="cursor-pointer list-none rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900"
            data-testid="header-pending"
          >
            {pending.length} pending
          </summary>
          <ul className="absolute left-0 z-20 mt-2 w-[min(20rem,calc(100vw-2rem))] space-y-1 md:right-0 md:left-auto rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
            {pending.map(({ kind, title, href, due }) => (
              <li key={`${kind}-${href}-${title}`}>
                <Link href={href} className="block rounded px-2 py-1 hover:bg-slate-50" data-testid="pending-action">
                  <span className="font-semibold">{kind}:</span> {title}
                  {due !== undefined && now !== undefined && due >= now && (
                    <span className="block text-slate-600">{formatCountdown(due - now)} left</span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
