import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { loadDelegateProfile } from "../chain/delegate-events";
import { delegatesQueryKey, useDelegates } from "./use-delegates";

/**
 * One address's delegate profile: everything `useDelegates` knows of it, plus voting power over time and its
 * delegators' balances. Shares the event history with the directory.
 */
export function useDelegate(address: Address) {
  const chainId = useChainId();
  const client = usePublicClient();
  const directory = useDelegates();
  const events = directory.data?.events;
  const profile = useQuery({
    queryKey: [...delegatesQueryKey(chainId), address, directory.dataUpdatedAt],
    queryFn: () => loadDelegateProfile(client!, address, events!),
    enabled: client !== undefined && events !== undefined,
  });
  return {
    data: profile.data,
    isPending: directory.isPending || profile.isPending,
    error: directory.error ?? profile.error,
    refetch: () => (directory.error ? directory.refetch() : profile.refetch()),
  };
}
