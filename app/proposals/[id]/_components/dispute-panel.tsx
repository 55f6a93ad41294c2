"use client";

import { ChallengerList } from "@/components/dispute/challenger-list";
import { EvidenceList } from "@/components/dispute/evidence-list";
import { RulingList } from "@/components/dispute/ruling-list";
import { formatDuration, formatTimestamp, formatTokens } from "@/lib/format";
import { disputeStatusLabels } from "@/lib/governance/dispute-status";
import { deadlinePhase, type DisputeRecord } from "@/lib/governance/disputes";
import { usePanelProfiles } from "@/lib/hooks/use-panel-profiles";

/** The bonded challenge against this proposal: who posted bonds, the evidence, and how the panel ruled. */
export function DisputePanel({ dispute, now }: { dispute: DisputeRecord; now: bigint | undefined }) {
  // The experts' public profiles (set by governance) are shown with their rulings.
  const profiles = usePanelProfiles(dispute.rulings.map((ruling) => ruling.expert));
  const open = dispute.status === "Open";
  const phase = now === undefined ? undefined : deadlinePhase(dispute, now);
  return (
    <div className="space-y-4 text-sm">
      <p
        className={`rounded-md px-3 py-2 font-medium ${open ? "bg-orange-50 text-orange-900" : "bg-slate-50 text-slate-800"}`}
        data-testid="dispute-status"
      >
        {disputeStatusLabels[dispute.status]}
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">Dispute</dt>
        <dd>#{dispute.id.toString()}</dd>
        <dt className="text-slate-600">Challengers</dt>
        <dd>
          <ChallengerList dispute={dispute} />
        </dd>
        <dt className="text-slate-600">Bond each</dt>
        <dd data-testid="dispute-bond">{formatTokens(dispute.bond)} PLM</dd>
        <dt className="text-slate-600">Filed</dt>
        <dd>{formatTimestamp(dispute.filedAt)}</dd>
        <dt className="text-slate-600">Ruling deadline</dt>
        <dd data-testid="dispute-deadline">
          {formatTimestamp(dispute.deadline)}
          {phase?.phase === "adjudicating" && phase.secondsLeft > 0n && (
            <span className="text-slate-600"> (in {formatDuration(phase.secondsLeft)})</span>
          )}
        </dd>
        <dt className="text-slate-600">Rulings</dt>
        <dd>
          {dispute.upholdCount} uphold · {dispute.rejectCount} reject · {dispute.rulingQuorum} matching rulings decide
        </dd>
        {dispute.reward > 0n && (
          <>
            <dt className="text-slate-600">Reward</dt>
            <dd>{formatTokens(dispute.reward)} PLM</dd>
          </>
        )}
        {dispute.resolvedAt !== undefined && (
          <>
            <dt className="text-slate-600">Resolved</dt>
            <dd>{formatTimestamp(dispute.resolvedAt)}</dd>
          </>
        )}
      </dl>
      <EvidenceList dispute={dispute} />
      <RulingList rulings={dispute.rulings} profiles={profiles} />
    </div>
  );
}
