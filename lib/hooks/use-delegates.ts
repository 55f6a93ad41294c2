import { useQuery } from "@tanstack/react-query";
import { useChainId, usePublicClient } from "wagmi";
import { loadDelegateDirectory } from "../chain/delegate-events";

export const delegatesQueryKey = (chainId: number) => ["plenum", chainId, "delegates"] as const;

/**
 * Every address with voting power or a statement: current votes, latest statement checked against the chain,
 * delegators, votes cast and participation. Built from the token's, governor's and DelegateStatements' events.
 */
export function useDelegates() {
  const chainId = useChainId();
  const client = usePublicClient();
  return useQuery({
    queryKey: delegatesQueryKey(chainId),
    queryFn: () => loadDelegateDirectory(client!),
    enabled: client !== undefined,
  });
}
