import { loadDelegateDirectory } from "../chain/delegate-events";
import { useChainQuery } from "./use-chain-query";

/**
 * Every address with voting power or a statement: current votes, latest statement checked against the chain,
 * delegators, votes cast and participation. Built from the token's, governor's and DelegateStatements' events.
 */
export function useDelegates() {
  return useChainQuery(["delegates"], loadDelegateDirectory);
}
