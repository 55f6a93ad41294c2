"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { QueryState } from "@/components/query-state";
import { formatTokens, shortAddress } from "@/lib/format";
import { useAccountSummary } from "@/lib/hooks/use-account-summary";

/**
 * The connected wallet's stake in governance, with a prompt to delegate when its tokens are not voting and the form
 * that delegates them.
 */
// Only a connected wallet sees the form: visitors without one never download it.
const DelegationForm = dynamic(
  () => import("@/components/delegation/delegation-form").then((module) => module.DelegationForm),
  { ssr: false },
);

const PauseParameters = dynamic(
  () => import("@/components/guardian/pause-parameters").then((module) => module.PauseParameters),
  { ssr: false },
);

export function YourAccount() {
  const summary = useAccountSummary();
  const { account } = summary;
  if (!account) return null;
  return (
    <section className="rounded-lg border border-indigo-200 bg-indigo-50 p-4" data-testid="your-account">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-indigo-900">Your account</h2>
      <QueryState query={summary} label="your account">
        {() => {
          const { balance, votingPower, delegate } = summary.data!;
          return (
            <div className="mt-2 space-y-2 text-sm">
              <p>
                Balance{" "}
                <span className="font-semibold" data-testid="your-balance">
                  {formatTokens(balance)} PLM
                </span>
                {" · "}Voting power{" "}
                <span className="font-semibold" data-testid="your-voting-power">
                  {formatTokens(votingPower)} PLM
                </span>
                {" · "}Delegate{" "}
                <span className="font-semibold" data-testid="your-delegate">
                  {delegate ? (delegate === account ? "yourself" : shortAddress(delegate)) : "none"}
                </span>
              </p>
              {!delegate && balance > 0n && (
                <p className="text-indigo-900" data-testid="delegate-prompt">
                  Your {formatTokens(balance)} PLM do not vote until you delegate them, to yourself or to a{" "}
                  <Link href="/delegates" className="underline">
                    delegate
                  </Link>
                  .
                </p>
              )}
              <DelegationForm account={account} balance={balance} delegate={delegate} />
              <PauseParameters />
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}
