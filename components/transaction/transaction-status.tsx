"use client";

import type { ReactNode } from "react";
import type { TransactionStatus } from "@/lib/hooks/use-transaction";
import { shortAddress } from "@/lib/format";

/**
 * What the write is doing now, in words, next to the button that started it. Both live regions stay mounted while
 * the line is idle: a screen reader announces changes to a region it already knows, not a region that appears with
 * its text. Failures go to the alert region, the rest to the polite status region.
 */
export function TransactionStatusLine({ status, successText }: { status: TransactionStatus; successText: string }) {
  const line = describe(status, successText);
  return (
    <div>
      <div role="status">{line && line.tone !== "error" && <Line {...line} />}</div>
      <div role="alert">{line?.tone === "error" && <Line {...line} />}</div>
    </div>
  );
}

type Described = { tone: keyof typeof tones; text: ReactNode };

function describe(status: TransactionStatus, successText: string): Described | undefined {
  switch (status.step) {
    case "idle":
      return undefined;
    case "checking":
      return { tone: "info", text: "Checking the transaction against the chain…" };
    case "wallet":
      return { tone: "info", text: "Confirm in your wallet…" };
    case "signing":
      return { tone: "info", text: "Sign the message in your wallet (it costs no gas)…" };
    case "relaying":
      return { tone: "info", text: "The DAO's relay is checking your signature and sending it…" };
    case "pending":
      return { tone: "info", text: `Sent (${shortAddress(status.hash)}), waiting for it to be mined…` };
    case "confirmed":
      return {
        tone: "success",
        text: `${successText} (block ${status.blockNumber.toString()}, ${shortAddress(status.hash)}).`,
      };
    case "cancelled":
      return { tone: "info", text: "Cancelled in the wallet. Nothing was sent." };
    case "replaced":
      return status.cancelled
        ? { tone: "info", text: "Replaced in your wallet; nothing was done." }
        : {
            tone: "error",
            text: `Replaced in your wallet by another transaction (${shortAddress(status.by)}); this one was not done.`,
          };
    case "failed":
      return {
        tone: "error",
        text: (
          <>
            {status.message}
            {status.retry && (
              <>
                {" "}
                <button type="button" className="font-medium underline" onClick={status.retry}>
                  Retry
                </button>
              </>
            )}
          </>
        ),
      };
  }
}

const tones = {
  info: "text-slate-600",
  success: "text-emerald-700",
  error: "rounded-md border border-red-200 bg-red-50 p-2 text-red-900",
};

function Line({ tone, text }: Described) {
  return (
    <p data-testid="transaction-status" className={`mt-2 text-sm ${tones[tone]}`}>
      {text}
    </p>
  );
}
