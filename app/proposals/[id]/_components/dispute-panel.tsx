"use client";

import { RulingList } from "@/components/dispute/ruling-list";
import { Markdown } from "@/components/markdown";
import { formatDuration, formatTimestamp, formatTokens, shortAddress } from "@/lib/format";
import { disputeStatusLabels } from "@/lib/governance/dispute-status";
import { deadlinePhase, type DisputeRecord } from "@/lib/governance/disputes";
import { usePanelProfiles } from "@/lib/hooks/use-panel-profiles";

/** The bonded challenge against this proposal: who filed it, why, and how the panel ruled. */
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
        <dt className="text-slate-500">Dispute</dt>
        <dd>#{dispute.id.toString()}</dd>
        <dt className="text-slate-500">Challenger</dt>
        <dd className="font-mono" title={dispute.challenger}>
          {shortAddress(dispute.challenger)}
        </dd>
        <dt className="text-slate-500">Bond</dt>
        <dd data-testid="dispute-bond">{formatTokens(dispute.bond)} PLM</dd>
        <dt className="text-slate-500">Filed</dt>
        <dd>{formatTimestamp(dispute.filedAt)}</dd>
        <dt className="text-slate-500">Ruling deadline</dt>
        <dd data-testid="dispute-deadline">
          {formatTimestamp(dispute.deadline)}
          {phase?.phase === "adjudicating" && phase.secondsLeft > 0n && (
            <span className="text-slate-500"> (in {formatDuration(phase.secondsLeft)})</span>
          )}
        </dd>
        <dt className="text-slate-500">Rulings</dt>
        <dd>
          {dispute.upholdCount} uphold · {dispute.rejectCount} reject · {dispute.rulingQuorum} matching rulings decide
        </dd>
        {dispute.reward > 0n && (
          <>
            <dt className="text-slate-500">Reward</dt>
            <dd>{formatTokens(dispute.reward)} PLM</dd>
          </>
        )}
        {dispute.resolvedAt !== undefined && (
          <>
            <dt className="text-slate-500">Resolved</dt>
            <dd>{formatTimestamp(dispute.resolvedAt)}</dd>
          </>
        )}
      </dl>
      {dispute.recused && (
        <p className="text-amber-800">
          The proposal concerns the panel itself: the panel may not rule, and the dispute can only time out.
        </p>
      )}
      <div>
        <h3 className="font-medium">Evidence</h3>
        <div className="mt-1 rounded-md bg-slate-50 p-3" data-testid="dispute-evidence">
          <Markdown source={dispute.evidence} />
        </div>
      </div>
      <RulingList rulings={dispute.rulings} profiles={profiles} />
    </div>
  );
}
