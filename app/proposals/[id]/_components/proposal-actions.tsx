"use client";

import { isAddressEqual } from "viem";
import { ConfirmBox, useConfirmStep } from "@/components/confirm-step";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { TransactionStatusLine } from "@/components/transaction/transaction-status";
import type { ProposalDetail } from "@/lib/chain/proposals";
import { formatCountdown, formatTimestamp } from "@/lib/format";
import type { ProposalStateName } from "@/lib/governance/proposal-state";
import { useGuardianCancel } from "@/lib/hooks/use-guardian";
import { useCancel, useExecute, useQueue } from "@/lib/hooks/use-proposal-lifecycle";

/** States a proposal can still be canceled in (OpenZeppelin refuses Canceled, Expired and Executed). */
const cancelableStates: ProposalStateName[] = ["Pending", "Active", "Defeated", "Succeeded", "Queued"];

/** Queue a succeeded proposal, execute a queued one after its ETA, cancel as its proposer or the guardian. */
export function ProposalActions({ detail, now }: { detail: ProposalDetail; now?: bigint }) {
  const queue = useQueue(detail.id);
  const execute = useExecute(detail.id);
  const cancel = useCancel(detail.id);
  const guardian = useGuardianCancel(detail.id);
  const { account } = guardian;
  const isProposer = Boolean(account && isAddressEqual(account, detail.proposer));
  // The proposer may cancel while Pending; the guardian before execution during its term, except a proposal that
  // only limits the guardian (PlenumGovernor._validateCancel).
  const cancelable = cancelableStates.includes(detail.state);
  const asGuardian = cancelable && guardian.mayCancel;
  const mayCancel = asGuardian || (cancelable && isProposer && detail.state === "Pending");
  const guardianRefusal = cancelable && guardian.isGuardian ? guardian.refusal : undefined;

  const eta = detail.timelockOperation.readyAt;
  const frozenBy = detail.dispute?.status === "Open" ? detail.dispute.id : undefined;
  const executeBlocked =
    frozenBy !== undefined
      ? `Frozen: dispute #${frozenBy} is open; execution waits for the panel's ruling or the dispute's deadline.`
      : now !== undefined && now < eta
        ? `Executable in ${formatCountdown(eta - now)}, at the ETA (${formatTimestamp(eta)}).`
        : undefined;

  return (
    <div className="space-y-4 text-sm">
      {detail.state === "Succeeded" && (
        <div>
          <p className="mb-2 text-slate-600">
            The proposal passed. Anyone can queue it in the timelock, which starts the delay before execution.
          </p>
          <TransactionButton transaction={queue} onClick={() => void queue.queue()} testId="queue">
            Queue
          </TransactionButton>
        </div>
      )}
      {detail.state === "Queued" && (
        <div>
          <p className="mb-2 text-slate-600">Anyone can execute the proposal once its ETA has passed.</p>
          <TransactionButton
            transaction={execute}
            onClick={() => void execute.execute()}
            disabledReason={executeBlocked}
            testId="execute"
          >
            Execute
          </TransactionButton>
        </div>
      )}
      {mayCancel && <CancelProposal detail={detail} cancel={cancel} asGuardian={asGuardian} />}
      {guardianRefusal && (
        <p className="text-slate-600" data-testid="guardian-cannot-cancel">
          {guardianRefusal}
        </p>
      )}
      {detail.state !== "Succeeded" && detail.state !== "Queued" && !mayCancel && (
        <p className="text-slate-600" data-testid="no-actions">
          {nothingToDo(detail.state)}
        </p>
      )}
      {/* Outside the blocks above: the outcome stays in view after the state it needed has passed. */}
      <TransactionStatusLine status={queue.status} successText="Queued in the timelock" />
      <TransactionStatusLine status={execute.status} successText="Executed" />
      <TransactionStatusLine status={cancel.status} successText="Proposal canceled" />
    </div>
  );
}

function nothingToDo(state: ProposalStateName): string {
  switch (state) {
    case "Pending":
      return "Waiting for voting to open. Only the proposer (while pending) or the guardian can cancel it.";
    case "Active":
      return "Voting is open. Only the guardian can cancel it now.";
    case "Defeated":
      return "Defeated: nothing left to do.";
    case "Canceled":
      return "Canceled: it will never execute.";
    case "Expired":
      return "Expired: it was not executed in time.";
    case "Executed":
      return "Executed.";
    default:
      return "";
  }
}

/** Cancel, behind a confirmation that states the consequence. */
function CancelProposal({
  detail,
  cancel,
  asGuardian,
}: {
  detail: ProposalDetail;
  cancel: ReturnType<typeof useCancel>;
  asGuardian: boolean;
}) {
  const { confirming, opener, open, cancel: keep } = useConfirmStep();
  return (
    <div data-testid="cancel-proposal">
      {confirming ? (
        <ConfirmBox
          label="Confirm canceling the proposal"
          consequence={
            <>
              Canceling is final: the proposal can never be voted on, queued or executed again
              {detail.state === "Queued" ? ", and its timelock operation is canceled" : ""}.
            </>
          }
          onCancel={keep}
        >
          <TransactionButton
            transaction={cancel}
            onClick={() => void cancel.cancel()}
            tone="danger"
            testId="confirm-cancel"
          >
            Yes, cancel it
          </TransactionButton>
          <button type="button" className="px-3 text-slate-700 underline" onClick={keep}>
            Keep it
          </button>
        </ConfirmBox>
      ) : (
        <button
          ref={opener}
          type="button"
          className="rounded-lg border border-red-300 px-4 py-2 font-semibold text-red-700 hover:bg-red-50"
          onClick={open}
        >
          Cancel proposal{asGuardian ? " (guardian)" : ""}
        </button>
      )}
    </div>
  );
}
