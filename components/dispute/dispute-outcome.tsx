import Link from "next/link";
import { isAddressEqual, type Address } from "viem";
import { formatTokens, shortAddress } from "@/lib/format";
import type { DisputeRecord } from "@/lib/governance/disputes";

/** What a resolved dispute did, in words: for the proposal, for the bond, and for the challenger's payout. */
export function DisputeOutcome({ dispute, account }: { dispute: DisputeRecord; account: Address | undefined }) {
  const isChallenger = account !== undefined && isAddressEqual(account, dispute.challenger);
  const challenger = isChallenger ? "You (the challenger)" : `The challenger (${shortAddress(dispute.challenger)})`;
  const withdrawHint = isChallenger && (
    <>
      {" "}
      Withdraw it from{" "}
      <Link href="/disputes" className="underline underline-offset-2">
        your dispute work on the Disputes page
      </Link>
      .
    </>
  );
  switch (dispute.status) {
    case "Upheld":
      return (
        <Outcome tone="upheld">
          <strong>Upheld.</strong> The proposal was canceled through the governor and will never execute. {challenger}{" "}
          can withdraw the bond plus the reward:{" "}
          <span data-testid="dispute-payout">{formatTokens(dispute.bond + dispute.reward)} PLM</span> (
          {formatTokens(dispute.bond)} bond + {formatTokens(dispute.reward)} reward).
          {withdrawHint}
        </Outcome>
      );
    case "Rejected":
      return (
        <Outcome tone="rejected">
          <strong>Rejected.</strong> The freeze is lifted: the proposal can be executed once its ETA has passed. The
          bond of {formatTokens(dispute.bond)} PLM went to the treasury.
        </Outcome>
      );
    case "TimedOut":
      return (
        <Outcome tone="timed-out">
          <strong>Timed out.</strong> The panel did not decide by the deadline. The freeze is lifted and the bond of{" "}
          <span data-testid="dispute-payout">{formatTokens(dispute.bond)} PLM</span> was refunded: {challenger} can
          withdraw it.
          {withdrawHint}
        </Outcome>
      );
    default:
      return null;
  }
}

const tones = {
  upheld: "border-emerald-200 bg-emerald-50 text-emerald-900",
  rejected: "border-slate-200 bg-slate-50 text-slate-800",
  "timed-out": "border-slate-200 bg-slate-50 text-slate-800",
};

function Outcome({ tone, children }: { tone: keyof typeof tones; children: React.ReactNode }) {
  return (
    <p data-testid="dispute-outcome" data-outcome={tone} className={`rounded-md border p-3 text-sm ${tones[tone]}`}>
      {children}
    </p>
  );
}
