import dynamic from "next/dynamic";
import Link from "next/link";
import type { ReactNode } from "react";
import type { Address } from "viem";
import { ChallengerList } from "@/components/dispute/challenger-list";
import { EvidenceList } from "@/components/dispute/evidence-list";
import { formatTimestamp, formatTokens } from "@/lib/format";
import type { ListedDispute } from "@/lib/chain/disputes";
import { disputeStatusBadges, disputeStatusLabels } from "@/lib/governance/dispute-status";
import { rulingsToDecide } from "@/lib/governance/disputes";
import { Deadline } from "./deadline";
import { RulingList } from "@/components/dispute/ruling-list";

const badgeStyle = {
  None: "bg-slate-100 text-slate-700",
  Open: "bg-amber-100 text-amber-900",
  Upheld: "bg-emerald-100 text-emerald-900",
  Rejected: "bg-red-100 text-red-900",
  TimedOut: "bg-slate-200 text-slate-800",
} as const;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

const DisputeActions = dynamic(
  () => import("@/components/dispute/dispute-actions").then((module) => module.DisputeActions),
  { ssr: false },
);

/**
 * One dispute. `now` is the chain's time: without it (the chain cannot be read) the card shows what the indexer
 * holds, without the terms only the module stores (rulings needed to decide) and without actions.
 */
export function DisputeCard({
  dispute,
  now,
  profiles,
}: {
  dispute: ListedDispute;
  now?: bigint;
  profiles: Map<Address, string>;
}) {
  const live = now !== undefined;
  const needed = rulingsToDecide(dispute);
  return (
    <li
      data-testid="dispute"
      data-dispute-id={dispute.id.toString()}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-xs uppercase tracking-wide text-slate-600">Dispute #{dispute.id.toString()} against</p>
          <Link
            href={`/proposals/${dispute.proposalId}`}
            data-testid="dispute-proposal"
            className="text-lg font-semibold text-slate-900 hover:text-indigo-700"
          >
            {dispute.proposalTitle}
          </Link>
        </div>
        <span
          data-testid="dispute-status"
          title={disputeStatusLabels[dispute.status]}
          className={`rounded-full px-3 py-1 text-sm font-medium ${badgeStyle[dispute.status]}`}
        >
          {disputeStatusBadges[dispute.status]}
        </span>
      </div>

      <dl className="grid gap-2 text-sm md:grid-cols-2">
        <Row label="Challengers">
          <ChallengerList dispute={dispute} />
        </Row>
        <Row label="Bond each">
          <span data-testid="dispute-bond">{formatTokens(dispute.bond)} PLM</span>
        </Row>
        <Row label="Filed">{formatTimestamp(dispute.filedAt)}</Row>
        <Row label="Deadline">
          <Deadline dispute={dispute} now={now} />
        </Row>
        <Row label="Rulings">
          <span data-testid="dispute-tally">
            {dispute.upholdCount} uphold, {dispute.rejectCount} reject
            {live && `; ${dispute.rulingQuorum} matching decide`}
          </span>
        </Row>
        <Row label="Reward">
          <span data-testid="dispute-reward">
            {dispute.status === "Upheld" ? `${formatTokens(dispute.reward)} PLM` : "paid only if upheld"}
          </span>
        </Row>
      </dl>

      <p className="text-sm text-slate-600">{disputeStatusLabels[dispute.status]}.</p>
      {live && dispute.status === "Open" && (
        <p className="text-sm text-slate-600">
          {needed.uphold} more uphold {needed.uphold === 1 ? "ruling cancels" : "rulings cancel"} the proposal;{" "}
          {needed.reject} more reject {needed.reject === 1 ? "ruling lifts" : "rulings lift"} the freeze.
        </p>
      )}

      {live && <DisputeActions dispute={dispute} />}
      <EvidenceList dispute={dispute} />

      <RulingList rulings={dispute.rulings} profiles={profiles} />
    </li>
  );
}
