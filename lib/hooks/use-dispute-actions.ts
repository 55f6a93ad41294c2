import { contracts } from "../contracts";
import { useTransaction } from "./use-transaction";

const { disputeModule, token } = contracts;

/**
 * File a dispute on a queued proposal: approve the bond when the allowance is short (one transaction less when it
 * is enough), then file. Two steps of the same transaction path; resolves to the filing's receipt.
 */
export function useFileDispute(proposalId: bigint) {
  const approval = useTransaction();
  const filing = useTransaction();
  const approve = (bond: bigint) =>
    approval.run({ ...token, functionName: "approve", args: [disputeModule.address, bond] });
  const file = (evidence: string) =>
    filing.run({ ...disputeModule, functionName: "fileDispute", args: [proposalId, evidence] });
  return { approval, filing, approve, file };
}

/** A panel member's ruling on an open dispute: uphold (cancel the proposal) or reject, with a reason. */
export function useCastRuling(disputeId: bigint) {
  const transaction = useTransaction();
  const castRuling = (uphold: boolean, reason: string) =>
    transaction.run({ ...disputeModule, functionName: "castRuling", args: [disputeId, uphold, reason] });
  return { ...transaction, castRuling };
}

/** Close a dispute the panel did not decide by its deadline (anyone): the bond is refunded. */
export function useResolveTimeout(disputeId: bigint) {
  const transaction = useTransaction();
  const resolve = () => transaction.run({ ...disputeModule, functionName: "resolveTimeout", args: [disputeId] });
  return { ...transaction, resolve };
}

/** Withdraw everything the dispute module owes the connected account (refunded bonds, rewards). */
export function useWithdrawPayout() {
  const transaction = useTransaction();
  const withdraw = () => transaction.run({ ...disputeModule, functionName: "withdraw", args: [] });
  return { ...transaction, withdraw };
}

/** The guardian (or governance) pauses the network parameters: every setParameter reverts until unpaused. */
export function usePauseParameters() {
  const transaction = useTransaction();
  const pause = () => transaction.run({ ...contracts.networkParameters, functionName: "pause", args: [] });
  return { ...transaction, pause };
}
