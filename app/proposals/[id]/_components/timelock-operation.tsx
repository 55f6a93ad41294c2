import { formatTimestamp } from "@/lib/format";
import type { ProposalDetail } from "@/lib/chain/proposals";

/** TimelockController keeps 1 as the timestamp of a done operation. */
const DONE_TIMESTAMP = 1n;

function explain(
  { state, readyAt }: ProposalDetail["timelockOperation"],
  proposalState: ProposalDetail["state"],
): string {
  switch (state) {
    case "Unset":
      return proposalState === "Canceled"
        ? "Not in the timelock (canceled)."
        : "Not scheduled: the proposal has not been queued.";
    case "Waiting":
      return `Scheduled: executable from ${formatTimestamp(readyAt)}.`;
    case "Ready":
      return "Ready: the governor may execute it now, unless a dispute is open.";
    case "Done":
      return readyAt === DONE_TIMESTAMP ? "Done: executed." : "Done.";
  }
}

/** The timelock operation this proposal schedules (id from hashOperationBatch) and where it stands. */
export function TimelockOperation({ detail }: { detail: ProposalDetail }) {
  const operation = detail.timelockOperation;
  return (
    <dl className="space-y-2 text-sm">
      <div>
        <dt className="text-slate-500">Operation id</dt>
        <dd className="break-all font-mono text-xs" data-testid="timelock-operation-id">
          {operation.id}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">State</dt>
        <dd>
          <span className="font-medium" data-testid="timelock-operation-state">
            {operation.state}
          </span>{" "}
          <span className="text-slate-600">{explain(operation, detail.state)}</span>
        </dd>
      </div>
    </dl>
  );
}
