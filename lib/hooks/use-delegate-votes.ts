import type { Address } from "viem";
import { contracts } from "../contracts";
import { useTransaction } from "./use-transaction";

/** Delegate the connected account's voting power to `delegatee` (itself to vote directly). */
export function useDelegateVotes() {
  const transaction = useTransaction();
  const delegate = (delegatee: Address) =>
    transaction.run({ ...contracts.token, functionName: "delegate", args: [delegatee] });
  return { ...transaction, delegate };
}
