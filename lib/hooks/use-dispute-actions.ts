import { useRef, useState } from "react";
import type { TransactionReceipt } from "viem";
import { contracts } from "../contracts";
import { useTransaction } from "./use-transaction";

const { disputeModule, token } = contracts;

/**
 * Post a dispute bond: approve it when the allowance is short (one transaction less when it is enough), then the
 * write that pulls it. Two steps of the same transaction path, one at a time: a second `post` while one runs is
 * ignored. Resolves to the posting's receipt.
 */
function useBondPosting() {
  const approval = useTransaction();
  const posting = useTransaction();
  const [running, setRunning] = useState(false);
  const started = useRef(false);
  const post = async (
    bond: bigint,
    allowance: bigint,
    write: () => Promise<TransactionReceipt | undefined>,
  ): Promise<TransactionReceipt | undefined> => {
    if (started.current) return undefined;
    started.current = true;
    setRunning(true);
    try {
      if (allowance < bond) {
        const approved = await approval.run({ ...token, functionName: "approve", args: [disputeModule.address, bond] });
        if (!approved) return undefined;
      }
      return await write();
    } finally {
      started.current = false;
      setRunning(false);
    }
  };
  // Disabled from the first click until the last write settles.
  const inProgress = running || approval.inProgress || posting.inProgress;
  return { approval, posting, post, inProgress };
}

/** File a dispute on a queued proposal, posting the bond. */
export function useFileDispute(proposalId: bigint) {
  const bond = useBondPosting();
  const file = (amount: bigint, allowance: bigint, evidence: string) =>
    bond.post(amount, allowance, () =>
      bond.posting.run({ ...disputeModule, functionName: "fileDispute", args: [proposalId, evidence] }),
    );
  return { ...bond, file };
}

/** Join an open dispute as a co-challenger, posting its bond, with evidence or none. */
export function useJoinDispute(disputeId: bigint) {
  const bond = useBondPosting();
  const join = (amount: bigint, allowance: bigint, evidence: string) =>
    bond.post(amount, allowance, () =>
      bond.posting.run({ ...disputeModule, functionName: "joinDispute", args: [disputeId, evidence] }),
    );
  return { ...bond, join };
}

/** Add evidence to an open dispute, without a bond (anyone, for or against the proposal). */
export function useAddEvidence(disputeId: bigint) {
  const transaction = useTransaction();
  const add = (evidence: string) =>
    transaction.run({ ...disputeModule, functionName: "addEvidence", args: [disputeId, evidence] });
  return { ...transaction, add };
}

/** A panel member's ruling on an open dispute: uphold (cancel the proposal) or reject, with a reason. */
export function useCastRuling(disputeId: bigint) {
  const transaction = useTransaction();
  const castRuling = (uphold: boolean, reason: string) =>
    transaction.run({ ...disputeModule, functionName: "castRuling", args: [disputeId, uphold, reason] });
  return { ...transaction, castRuling };
}

/** Close a dispute the panel did not decide by its deadline (anyone): the bonds are refunded. */
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

/** The guardian pauses the network parameters for `pauseDuration`: every setParameter reverts until it lapses. */
export function usePauseParameters() {
  const transaction = useTransaction();
  const pause = () => transaction.run({ ...contracts.networkParameters, functionName: "pause", args: [] });
  return { ...transaction, pause };
}
