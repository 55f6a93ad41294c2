import { readTimelockRoles, type TimelockRoles } from "../chain/timelock-roles";
import { useChainQuery } from "./use-chain-query";

/** Who holds the timelock's executor and canceller roles; `initial` from the server render. */
export function useTimelockRoles(initial?: TimelockRoles) {
  return useChainQuery(["timelock-roles"], readTimelockRoles, { initialData: initial });
}
