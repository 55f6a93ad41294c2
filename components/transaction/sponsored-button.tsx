"use client";

import type { ReactNode } from "react";
import type { Address } from "viem";
import { formatTokens } from "@/lib/format";
import { useRelayStatus } from "@/lib/hooks/use-relay-status";
import type { Transaction } from "@/lib/hooks/use-transaction";
import { TransactionButton } from "./transaction-button";

const nouns = { vote: ["vote", "votes"], delegation: ["delegation", "delegations"] } as const;

/**
 * The gas-free twin of a write, sent by the DAO's relay, with what is left of the account's quota. While the relay
 * is unknown or unreachable it shows nothing (the normal button is beside it); when the account does not qualify it
 * says why in a line.
 */
export function SponsoredButton({
  transaction,
  kind,
  account,
  power,
  disabled,
  onClick,
  testId,
  children,
}: {
  transaction: Transaction;
  kind: keyof typeof nouns;
  account: Address;
  /** The account's voting power at the snapshot (a vote) or its balance (a delegation). */
  power: bigint;
  disabled?: boolean;
  onClick: () => void;
  testId: string;
  children: ReactNode;
}) {
  const relay = useRelayStatus(account).data;
  if (!relay) return null;
  const [one, many] = nouns[kind];
  const quota = kind === "vote" ? relay.votes : relay.delegations;
  const minimum = BigInt(relay.minimumVotingPower);
  const unavailable = !relay.open
    ? relay.closed?.message
    : quota.left === 0
      ? `you have used your ${quota.limit} sponsored ${quota.limit === 1 ? one : many} of the last ${relay.windowDays} days.`
      : power < minimum
        ? `the DAO sponsors ${many} of accounts with at least ${formatTokens(minimum)} PLM.`
        : undefined;
  if (unavailable) {
    return (
      <p className="text-xs text-slate-600" data-testid={`${testId}-unavailable`}>
        No gas-free {one}: {unavailable}
      </p>
    );
  }
  return (
    <span className="inline-flex flex-col gap-1">
      <TransactionButton transaction={transaction} onClick={onClick} disabled={disabled} tone="plain" testId={testId}>
        {children}
      </TransactionButton>
      <span className="text-xs text-slate-600" data-testid={`${testId}-quota`}>
        {quota.left} of {quota.limit} sponsored {many} left ({relay.windowDays} days)
      </span>
    </span>
  );
}
