import { useQuery } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";
import { readProposals } from "../governance/proposals";

/** Query keys of proposal reads, for the write hooks to refresh after a transaction. */
export const proposalQueryKeys = {
  all: ["plenum", "proposals"] as const,
  list: () => [...proposalQueryKeys.all, "list"] as const,
  detail: (id: bigint) => [...proposalQueryKeys.all, "detail", id.toString()] as const,
};

/** Every proposal, newest first, with state, votes, quorum and any dispute. */
export function useProposals() {
  const client = usePublicClient();
  return useQuery({
    queryKey: proposalQueryKeys.list(),
    queryFn: () => {
      if (!client) throw new Error("No RPC client for the configured chain.");
      return readProposals(client);
    },
    refetchInterval: 15_000,
  });
}
