"use client";

import type { TransactionStatus } from "@/lib/hooks/use-transaction";
import { shortAddress } from "@/lib/format";

/** What the write is doing now, in words, next to the button that started it. */
export function TransactionStatusLine({ status, successText }: { status: TransactionStatus; successText: string }) {
  switch (status.step) {
    case "idle":
      return null;
    case "checking":
      return <Line tone="info">Checking the transaction against the chain…</Line>;
    case "wallet":
      return <Line tone="info">Confirm in your wallet…</Line>;
    case "pending":
      return <Line tone="info">Sent ({shortAddress(status.hash)}), waiting for it to be mined…</Line>;
    case "confirmed":
      return (
        <Line tone="success">
          {successText} (block {status.blockNumber.toString()}, {shortAddress(status.hash)}).
        </Line>
      );
    case "cancelled":
      return <Line tone="info">Cancelled in the wallet. Nothing was sent.</Line>;
    case "replaced":
      return status.cancelled ? (
        <Line tone="info">Replaced in your wallet; nothing was done.</Line>
      ) : (
        <Line tone="error">
          Replaced in your wallet by another transaction ({shortAddress(status.by)}); this one was not done.
        </Line>
      );
    case "failed":
      return (
        <Line tone="error">
          {status.message}
          {status.retry && (
            <>
              {" "}
              <button type="button" className="font-medium underline" onClick={status.retry}>
                Retry
              </button>
            </>
          )}
        </Line>
      );
  }
}

const tones = {
  info: "text-slate-600",
  success: "text-emerald-700",
  error: "rounded-md border border-red-200 bg-red-50 p-2 text-red-900",
};

function Line({ tone, children }: { tone: keyof typeof tones; children: React.ReactNode }) {
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      data-testid="transaction-status"
      className={`mt-2 text-sm ${tones[tone]}`}
    >
      {children}
    </p>
  );
}
