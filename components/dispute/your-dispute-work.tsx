"use client";

import Link from "next/link";
import { useState } from "react";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { TransactionStatusLine } from "@/components/transaction/transaction-status";
import type { ListedDispute } from "@/lib/chain/disputes";
import { formatCountdown, formatTimestamp, formatTokens } from "@/lib/format";
import { sortDisputes } from "@/lib/governance/disputes";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { useWithdrawPayout } from "@/lib/hooks/use-dispute-actions";
import { useDisputes } from "@/lib/hooks/use-disputes";
import { useYourDisputeWork } from "@/lib/hooks/use-dispute-standing";

/** For the connected account: open cases awaiting its ruling (panel members) and payouts to withdraw. */
export function YourDisputeWork() {
  const disputes = useDisputes();
  const now = useChainNow() ?? disputes.data?.readAt;
  const listed: ListedDispute[] = disputes.data?.disputes ?? [];
  const work = useYourDisputeWork(listed, now);
  const withdrawal = useWithdrawPayout();
  // The amount being withdrawn, for the confirmation once `claimable` reads zero again.
  const [withdrawing, setWithdrawing] = useState<bigint>();

  if (!work.account) return null;
  const awaiting = sortDisputes(work.awaiting);
  const showPayout = work.claimable > 0n || withdrawal.status.step !== "idle";
  if (awaiting.length === 0 && !showPayout && !work.error) return null;

  const withdraw = async () => {
    setWithdrawing(work.claimable);
    await withdrawal.withdraw();
  };

  return (
    <section
      data-testid="your-dispute-work"
      aria-labelledby="your-dispute-work-title"
      className="space-y-4 rounded-lg border border-indigo-200 bg-indigo-50/40 p-5"
    >
      <h2 id="your-dispute-work-title" className="text-lg font-semibold">
        Your dispute work
      </h2>
      {work.error && (
        <p role="alert" className="text-sm text-red-800">
          Could not read your disputes standing.{" "}
          <button type="button" className="underline" onClick={work.refetch}>
            Retry
          </button>
        </p>
      )}

      {awaiting.length > 0 && now !== undefined && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-700">
            Awaiting your ruling ({awaiting.length}) as a member of the expert panel
          </h3>
          <ul className="space-y-2">
            {awaiting.map((dispute) => (
              <li
                key={dispute.id.toString()}
                data-testid="awaiting-ruling"
                data-dispute-id={dispute.id.toString()}
                className="flex flex-wrap items-baseline justify-between gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm"
              >
                <span>
                  <span className="text-slate-600">Dispute #{dispute.id.toString()}: </span>
                  <Link
                    href={`/proposals/${dispute.proposalId}`}
                    className="font-medium text-slate-900 underline-offset-2 hover:text-indigo-700 hover:underline"
                  >
                    {dispute.proposalTitle}
                  </Link>
                </span>
                <span className="text-amber-800">
                  rulings close in {formatCountdown(dispute.deadline - now)} ({formatTimestamp(dispute.deadline)})
                </span>
              </li>
            ))}
          </ul>
          <p className="text-xs text-slate-600">Rule from the dispute below or from the proposal&apos;s page.</p>
        </div>
      )}

      {showPayout && (
        <div className="space-y-2 text-sm">
          <h3 className="font-semibold text-slate-700">Your payout</h3>
          {work.claimable > 0n ? (
            <p>
              The dispute module owes you{" "}
              <span data-testid="claimable-payout" className="font-semibold">
                {formatTokens(work.claimable)} PLM
              </span>{" "}
              (refunded bonds and rewards for upheld disputes). Withdrawing sends it to your wallet.
            </p>
          ) : (
            <p className="text-slate-600">Nothing left to withdraw.</p>
          )}
          {work.claimable > 0n && (
            <TransactionButton transaction={withdrawal} onClick={() => void withdraw()} testId="withdraw-payout">
              Withdraw {formatTokens(work.claimable)} PLM
            </TransactionButton>
          )}
          <TransactionStatusLine
            status={withdrawal.status}
            successText={
              withdrawing === undefined
                ? "Withdrawn to your wallet"
                : `${formatTokens(withdrawing)} PLM withdrawn to your wallet`
            }
          />
        </div>
      )}
    </section>
  );
}
