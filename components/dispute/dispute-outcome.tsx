import Link from "next/link";
import { isAddressEqual, type Address } from "viem";
import { formatTokens, shortAddress } from "@/lib/format";
import { challengerPayout, type DisputeRecord } from "@/lib/governance/disputes";

/** What a resolved dispute did, in words: for the proposal, for the bonds, and for each challenger's payout. */
export function DisputeOutcome({ dispute, account }: { dispute: DisputeRecord; account: Address | undefined }) {
  const isChallenger =
    account !== undefined && dispute.challengers.some((challenger) => isAddressEqual(challenger.account, account));
  const several = dispute.challengerCount > 1;
  const challengers = isChallenger
    ? several
      ? `Each of the ${dispute.challengerCount} challengers, you included,`
      : "You (the challenger)"
    : several
      ? `Each of the ${dispute.challengerCount} challengers`
      : `The challenger (${shortAddress(dispute.challenger)})`;
  const payout = <span data-testid="dispute-payout">{formatTokens(challengerPayout(dispute))} PLM</span>;
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
          <strong>Upheld.</strong> The proposal was canceled through the governor and will never execute. {challengers}{" "}
          can withdraw the bond plus {several ? "an equal share of " : ""}the reward: {payout} (
          {formatTokens(dispute.bond)} bond + {formatTokens(challengerPayout(dispute) - dispute.bond)} reward).
          {withdrawHint}
        </Outcome>
      );
    case "Rejected":
      return (
        <Outcome tone="rejected">
          <strong>Rejected.</strong> The freeze is lifted: the proposal can be executed once its ETA has passed. The
          bonds, {formatTokens(dispute.totalBond)} PLM, went to the treasury.
        </Outcome>
      );
    case "TimedOut":
      return (
        <Outcome tone="timed-out">
          <strong>Timed out.</strong> The panel did not decide by the deadline. The freeze is lifted and the bonds were
          refunded: {challengers} can withdraw {payout}.{withdrawHint} <IdleMembers members={dispute.idleMembers} />
        </Outcome>
      );
    default:
      return null;
  }
}

/** The panel members recorded as not having ruled on a timed-out dispute: a ground for governance to slash. */
function IdleMembers({ members }: { members: readonly Address[] }) {
  if (members.length === 0) return null;
  return (
    <span data-testid="idle-members">
      Did not rule:{" "}
      {members.map((member, index) => (
        <span key={member}>
          {index > 0 && ", "}
          <span className="font-mono" title={member}>
            {shortAddress(member)}
          </span>
        </span>
      ))}{" "}
      (recorded on chain; governance may slash a member for it).
    </span>
  );
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
