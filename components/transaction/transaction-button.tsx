"use client";

import type { ReactNode } from "react";
import { useSwitchChain } from "wagmi";
import type { Transaction } from "@/lib/hooks/use-transaction";

const buttonClass =
  "min-h-11 rounded-lg px-4 py-2 text-sm font-semibold shadow-sm disabled:cursor-not-allowed disabled:opacity-50";
const tones = {
  primary: "bg-blue-600 text-white hover:bg-blue-700",
  danger: "bg-red-600 text-white hover:bg-red-700",
  plain: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
};

/**
 * The button that starts a write: it asks for a wallet when none is connected, offers the switch when the
 * wallet is on another chain, says why it is disabled, and is disabled while a write is in flight.
 */
export function TransactionButton({
  transaction,
  onClick,
  children,
  disabledReason,
  disabled = false,
  tone = "primary",
  testId,
}: {
  transaction: Transaction;
  onClick: () => void;
  children: ReactNode;
  /** Disables the button and says why, under it. */
  disabledReason?: string;
  /** Disables the button without a word: a neighbouring button already says why. */
  disabled?: boolean;
  tone?: keyof typeof tones;
  testId?: string;
}) {
  const { switchChain, isPending: switching, error: switchError } = useSwitchChain();
  if (!transaction.isConnected) {
    return <p className="text-sm text-slate-600">Connect a wallet (top right) to do this.</p>;
  }
  if (transaction.wrongChain) {
    return (
      <div>
        <button
          type="button"
          className={`${buttonClass} ${tones.primary}`}
          disabled={switching}
          onClick={() => switchChain({ chainId: transaction.appChain.id })}
        >
          Switch wallet to {transaction.appChain.name}
        </button>
        <p className="mt-1 text-sm text-amber-800">
          Your wallet is on another network; Plenum runs on {transaction.appChain.name}.
        </p>
        {switchError && (
          <p role="alert" className="mt-1 text-sm text-red-800">
            Could not switch: {switchError.message}
          </p>
        )}
      </div>
    );
  }
  return (
    <span className="inline-flex flex-col">
      <button
        type="button"
        data-testid={testId}
        className={`${buttonClass} ${tones[tone]}`}
        disabled={disabled || Boolean(disabledReason) || transaction.inProgress}
        onClick={onClick}
      >
        {children}
      </button>
      {disabledReason && <span className="mt-1 text-xs text-slate-600">{disabledReason}</span>}
    </span>
  );
}
