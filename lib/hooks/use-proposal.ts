import { readProposal } from "../chain/proposals";
import { useChainQuery } from "./use-chain-query";

/** One proposal with its decoded actions, votes, timeline, timelock operation and dispute; null when unknown. */
export function useProposal(id: bigint) {
  return useChainQuery(["proposal", id.toString()], (client) => readProposal(client, id), { refetchInterval: 15_000 });
}
