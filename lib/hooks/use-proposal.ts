import { useQuery } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";
import { readProposal } from "../governance/proposals";
import { proposalQueryKeys } from "./use-proposals";

/** One proposal with its decoded actions, votes, timeline, timelock operation and dispute; null when unknown. */
export function useProposal(id: bigint) {
  const client = usePublicClient();
  return useQuery({
    queryKey: proposalQueryKeys.detail(id),
    queryFn: () => {
      if (!client) throw new Error("No RPC client for the configured chain.");
      return readProposal(client, id);
    },
    refetchInterval: 15_000,
  });
}
