"use client";

import { isAddressEqual, type Address } from "viem";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { TransactionStatusLine } from "@/components/transaction/transaction-status";
import { delegateName } from "@/lib/governance/delegates";
import { useAccountSummary, useDelegationPreview } from "@/lib/hooks/use-account-summary";
import { useDelegateProfile } from "@/lib/hooks/use-delegate";
import { useDelegateVotes } from "@/lib/hooks/use-delegate-votes";
import { shortAddress } from "@/lib/format";
import { PowerChangeLines } from "./power-change";

/** One click to delegate the connected account's votes to `delegatee`, from a delegate's profile. */
export function DelegateToButton({ delegatee }: { delegatee: Address }) {
  const summary = useAccountSummary();
  // The profile page reads the same indexed profile: this shares its query, for the statement's display name.
  const profile = useDelegateProfile(delegatee);
  const transaction = useDelegateVotes();
  const { preview, error } = useDelegationPreview(delegatee);
  const isYou = summary.account !== undefined && isAddressEqual(summary.account, delegatee);
  const name = isYou ? "myself" : profile.data ? delegateName(profile.data) : shortAddress(delegatee);
  const current = summary.data?.delegate;
  const alreadyDelegating = current !== undefined && isAddressEqual(current, delegatee);

  if (!summary.account) {
    return (
      <p className="text-sm text-slate-600" data-testid="delegate-to">
        Connect a wallet (top right) to delegate your votes to {name}.
      </p>
    );
  }
  if (summary.error) {
    return (
      <p role="alert" className="text-sm text-red-800" data-testid="delegate-to">
        Could not read your delegation.{" "}
        <button type="button" className="underline" onClick={() => summary.refetch()}>
          Retry
        </button>
      </p>
    );
  }
  if (!summary.data) {
    return (
      <p role="status" className="animate-pulse text-sm text-slate-600" data-testid="delegate-to">
        Reading your delegation…
      </p>
    );
  }
  return (
    <div className="inline-flex flex-col items-start gap-1 text-left text-sm" data-testid="delegate-to">
      {alreadyDelegating ? (
        <p className="font-medium text-emerald-800" data-testid="already-delegating">
          You delegate to this address{isYou ? " (yourself)" : ""}.
        </p>
      ) : (
        <>
          <TransactionButton
            transaction={transaction}
            onClick={() => void transaction.delegate(delegatee)}
            testId="delegate-to-button"
          >
            Delegate my votes to {name}
          </TransactionButton>
          {!transaction.wrongChain && <PowerChangeLines preview={preview} error={error} delegateeName={name} />}
        </>
      )}
      <TransactionStatusLine status={transaction.status} successText={`Your votes are now delegated to ${name}`} />
    </div>
  );
}
