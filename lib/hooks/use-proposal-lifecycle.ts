import { contracts } from "../contracts";
import { useTransaction } from "./use-transaction";

// The governor stores each proposal's actions (GovernorStorage), so queue, execute and cancel take the id alone.

/** Queue a succeeded proposal in the timelock. */
export function useQueue(proposalId: bigint) {
  const transaction = useTransaction();
  const queue = () => transaction.run({ ...contracts.governor, functionName: "queue", args: [proposalId] });
  return { ...transaction, queue };
}

/** Execute a queued proposal once its ETA has passed. */
export function useExecute(proposalId: bigint) {
  const transaction = useTransaction();
  const execute = () => transaction.run({ ...contracts.governor, functionName: "execute", args: [proposalId] });
  return { ...transaction, execute };
}

/** Cancel a proposal: its proposer while it is pending, the guardian any time before execution. */
export function useCancel(proposalId: bigint) {
  const transaction = useTransaction();
  const cancel = () => transaction.run({ ...contracts.governor, functionName: "cancel", args: [proposalId] });
  return { ...transaction, cancel };
}
