"use client";

import type { ReactNode } from "react";
import type { ProposalDetail } from "@/lib/chain/proposals";
import type { TimelockRoles } from "@/lib/chain/timelock-roles";
import { formatCountdown, formatTimestamp } from "@/lib/format";
import {
  describeCancellers,
  describeChallengeWindow,
  describeExecutors,
  describeFreeze,
  timelockPredecessor,
  timelockStatus,
  type TimelockStatusName,
} from "@/lib/governance/timelock-operation";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { useTimelockRoles } from "@/lib/hooks/use-timelock-roles";

function explain(status: TimelockStatusName, proposalState: ProposalDetail["state"]): string {
  switch (status) {
    case "Unset":
      return proposalState === "Canceled"
        ? "Never scheduled: the proposal was canceled before it was queued."
        : "Not scheduled: the proposal has not been queued.";
    case "Waiting":
      return "Scheduled, waiting for its ETA.";
    case "Ready":
      return "Ready: the governor may execute it now, unless a dispute is open.";
    case "Done":
      return "Done: executed.";
    case "Canceled":
      return "The proposal was canceled after it was queued: the timelock canceled the operation (it now reads Unset) and it can never execute.";
  }
}

/**
 * The timelock operation this proposal schedules, as the timelock sees it: id, salt and predecessor, its state, the
 * ETA with a countdown, the challenge window or the dispute freeze, and who may execute or cancel it.
 */
export function TimelockOperation({ detail, initialRoles }: { detail: ProposalDetail; initialRoles?: TimelockRoles }) {
  const operation = detail.timelockOperation;
  const now = useChainNow();
  const roles = useTimelockRoles(initialRoles);
  const status = timelockStatus(operation.state, detail.state, detail.timeline.queuedAt !== undefined);
  // The timelock keeps the ready time while the operation waits; once done or canceled, the governor's ETA remains.
  const eta = status === "Waiting" || status === "Ready" ? operation.readyAt : detail.eta;
  const openDispute = detail.disputeDetail?.status === "Open" ? detail.disputeDetail : undefined;

  return (
    <dl className="space-y-3 text-sm">
      <Entry label="Operation id">
        <span className="break-all font-mono text-xs" data-testid="timelock-operation-id">
          {operation.id}
        </span>
      </Entry>
      <Entry label="Salt (governor address XOR description hash)">
        <span className="break-all font-mono text-xs" data-testid="timelock-salt">
          {operation.salt}
        </span>
      </Entry>
      <Entry label="Predecessor">
        <span className="break-all font-mono text-xs" data-testid="timelock-predecessor">
          {timelockPredecessor}
        </span>{" "}
        <span className="text-slate-600">(none: the governor schedules without one)</span>
      </Entry>
      <Entry label="State">
        <span className="font-medium" data-testid="timelock-operation-state">
          {status}
        </span>{" "}
        <span className="text-slate-600" data-testid="timelock-state-explanation">
          {explain(status, detail.state)}
        </span>
      </Entry>
      {eta > 0n && (
        <Entry label="ETA">
          <span data-testid="timelock-eta">{formatTimestamp(eta)}</span>
          {status === "Waiting" && now !== undefined && (
            <>
              {" "}
              <span className="text-slate-600">
                (in <span data-testid="timelock-countdown">{formatCountdown(eta > now ? eta - now : 0n)}</span>)
              </span>
            </>
          )}
        </Entry>
      )}
      {detail.state === "Queued" && (
        <Entry label={openDispute ? "Execution" : "Challenge window"}>
          {openDispute ? (
            <span className="text-amber-800" data-testid="timelock-frozen">
              {describeFreeze(openDispute.id, openDispute.deadline, now)}
            </span>
          ) : detail.disputeDetail ? (
            <span className="text-slate-600" data-testid="timelock-challenge">
              Closed: dispute #{detail.disputeDetail.id.toString()} was filed and resolved; a proposal takes one
              dispute.
            </span>
          ) : status === "Waiting" ? (
            <span data-testid="timelock-challenge">{describeChallengeWindow(eta)}</span>
          ) : (
            <span className="text-slate-600" data-testid="timelock-challenge">
              Closed at the ETA, {formatTimestamp(eta)}.
            </span>
          )}
        </Entry>
      )}
      <Entry label="Who may act (timelock roles)">
        {roles.data ? (
          <>
            <span className="block" data-testid="timelock-executors">
              {describeExecutors(roles.data.executors)}
            </span>
            <span className="mt-1 block" data-testid="timelock-cancellers">
              {describeCancellers(roles.data.cancellers)}
            </span>
          </>
        ) : roles.error ? (
          <span className="text-red-800">Could not read the timelock&apos;s roles: {roles.error.message}</span>
        ) : (
          <span className="text-slate-600">Reading the timelock&apos;s roles…</span>
        )}
      </Entry>
    </dl>
  );
}

function Entry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
