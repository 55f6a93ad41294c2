"use client";

import { useState } from "react";
import { isAddressEqual, type Address } from "viem";
import { CollapsibleMarkdown } from "@/components/markdown";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { TransactionStatusLine } from "@/components/transaction/transaction-status";
import { formatTimestamp, formatTokens, shortAddress } from "@/lib/format";
import { deadlinePhase, satAtFiling, type DisputeRecord } from "@/lib/governance/disputes";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { useCastRuling, useResolveTimeout } from "@/lib/hooks/use-dispute-actions";
import { DisputeOutcome } from "./dispute-outcome";
import { DisputeSubmission } from "./dispute-submission";
import { RulingForm } from "./ruling-form";
import { useDisputeStanding, type DisputeStanding } from "@/lib/hooks/use-dispute-standing";

type Ruled = { uphold: boolean; reason: string };

/**
 * What the connected account can do on one dispute: rule (panel members), join it or add evidence (anyone else,
 * while it is open), resolve a timed-out one (anyone).
 */
export function DisputeActions({ dispute }: { dispute: DisputeRecord }) {
  const now = useChainNow();
  const standing = useDisputeStanding(dispute.id);
  const ruling = useCastRuling(dispute.id);
  const timeout = useResolveTimeout(dispute.id);
  // The ruling just sent, shown until the ruling list (read from the chain's events) has it.
  const [ruled, setRuled] = useState<Ruled>();
  const account = standing.account;

  return (
    <div data-testid="dispute-actions" className="space-y-3 text-sm">
      <Body
        dispute={dispute}
        now={now}
        account={account}
        standing={standing}
        ruling={ruling}
        timeout={timeout}
        ruled={ruled}
        onRuled={setRuled}
      />
      <TransactionStatusLine status={ruling.status} successText="Your ruling was recorded on chain" />
      <TransactionStatusLine status={timeout.status} successText="Resolved as timed out" />
    </div>
  );
}

function Body({
  dispute,
  now,
  account,
  standing,
  ruling,
  timeout,
  ruled,
  onRuled,
}: {
  dispute: DisputeRecord;
  now: bigint | undefined;
  account: Address | undefined;
  standing: ReturnType<typeof useDisputeStanding>;
  ruling: ReturnType<typeof useCastRuling>;
  timeout: ReturnType<typeof useResolveTimeout>;
  ruled: Ruled | undefined;
  onRuled: (ruled: Ruled) => void;
}) {
  const yours =
    account && standing.data && standing.data.ruling !== "None" ? (
      <YourRuling dispute={dispute} account={account} standing={standing.data} ruled={ruled} />
    ) : null;
  if (dispute.status !== "Open") {
    return (
      <>
        <DisputeOutcome dispute={dispute} account={account} />
        {yours}
      </>
    );
  }
  if (now === undefined) return null;
  const phase = deadlinePhase(dispute, now);
  if (phase.phase === "awaiting-timeout") {
    return (
      <>
        <div
          data-testid="resolve-timeout-panel"
          className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3"
        >
          <p className="text-amber-950">
            The panel did not decide by the deadline ({formatTimestamp(dispute.deadline)}). Anyone may now resolve it as
            timed out: the freeze lifts, the bonds ({dispute.challengerCount} × {formatTokens(dispute.bond)} PLM) are
            refunded to the challengers, who withdraw them from the Disputes page, and the panel members who did not
            rule are recorded on chain.
          </p>
          <TransactionButton transaction={timeout} onClick={() => void timeout.resolve()} testId="resolve-timeout">
            Resolve as timed out
          </TransactionButton>
        </div>
        {yours}
      </>
    );
  }
  if (phase.phase !== "adjudicating") return null;

  if (!account) {
    return (
      <p className="text-slate-600">
        Connect a wallet (top right) to rule on this dispute (expert panel), join it or add evidence.
      </p>
    );
  }
  if (standing.error) {
    return (
      <p role="alert" className="text-red-800">
        Could not read whether you sit on the expert panel.{" "}
        <button type="button" className="underline" onClick={() => void standing.refetch()}>
          Retry
        </button>
      </p>
    );
  }
  if (!standing.data) return <p className="animate-pulse text-slate-600">Checking your place on the panel…</p>;

  const bonded = dispute.challengers.some((challenger) => isAddressEqual(challenger.account, account));
  if (!standing.data.isPanelMember) {
    return (
      <>
        <p data-testid="ruling-unavailable" className={bonded ? "text-slate-600" : "text-slate-600"}>
          {bonded
            ? `You have a bond in this dispute. The expert panel rules on it until ${formatTimestamp(dispute.deadline)}; if it is upheld you withdraw your bond plus your share of the reward from the Disputes page.`
            : `Only members of the expert panel rule on disputes, until ${formatTimestamp(dispute.deadline)}.`}
        </p>
        <DisputeSubmission dispute={dispute} account={account} bonded={bonded} />
      </>
    );
  }
  if (yours) return yours;
  if (!satAtFiling(standing.data.seat, dispute)) {
    return (
      <p data-testid="ruling-unavailable" className="text-slate-600">
        You joined the panel after this dispute was filed: the members seated then rule on it, so a panel change during
        a dispute cannot decide it.
      </p>
    );
  }
  if (bonded) {
    return (
      <p data-testid="ruling-unavailable" className="rounded-md bg-amber-50 p-3 text-amber-950">
        You have a bond in this dispute: a challenger cannot rule on it. The other experts decide it.
      </p>
    );
  }
  return (
    <RulingForm
      dispute={dispute}
      standing={standing.data}
      account={account}
      secondsLeft={phase.secondsLeft}
      ruling={ruling}
      onRuled={onRuled}
    />
  );
}

/** The connected expert's ruling, as the chain recorded it (the reason from its event once the list has it). */
function YourRuling({
  dispute,
  account,
  standing,
  ruled,
}: {
  dispute: DisputeRecord;
  account: Address;
  standing: DisputeStanding;
  ruled: Ruled | undefined;
}) {
  const recorded = dispute.rulings.find((ruling) => isAddressEqual(ruling.expert, account));
  const uphold = standing.ruling === "Uphold";
  const reason = recorded?.reason ?? ruled?.reason;
  return (
    <div data-testid="your-ruling" className="space-y-1 rounded-md border border-slate-200 bg-slate-50 p-3">
      <p>
        You ruled{" "}
        <span
          data-testid="your-ruling-decision"
          className={`rounded px-2 py-0.5 text-xs font-medium ${
            uphold ? "bg-emerald-100 text-emerald-900" : "bg-red-100 text-red-900"
          }`}
        >
          {standing.ruling}
        </span>{" "}
        as{" "}
        <span className="font-mono" title={account}>
          {shortAddress(account)}
        </span>
        {recorded && <span className="text-slate-600"> on {formatTimestamp(recorded.time)}</span>}.
      </p>
      {standing.profile && <p className="text-xs text-slate-600">{standing.profile}</p>}
      {reason && (
        <div data-testid="your-ruling-reason" className="text-slate-800">
          <CollapsibleMarkdown source={reason} />
        </div>
      )}
      <p className="text-xs text-slate-600">A ruling is final: the module refuses a second one.</p>
    </div>
  );
}
