import { readProposals } from "../chain/proposals";
import { useChainQuery } from "./use-chain-query";

/** Every proposal, newest first, with state, votes, quorum and any dispute. */
export function useProposals() {
  return useChainQuery(["proposals"], readProposals, { refetchInterval: 15_000 });
}
