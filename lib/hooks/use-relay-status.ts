import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { fetchRelayStatus } from "../relay/client";

export const relayStatusQueryKey = ["relay-status"] as const;

/** Whether the DAO's relay is open and what `address` has left of its sponsored quotas; refreshed after each write. */
export function useRelayStatus(address: Address | undefined) {
  return useQuery({
    queryKey: [...relayStatusQueryKey, address],
    queryFn: () => fetchRelayStatus(address),
    enabled: Boolean(address),
    retry: false,
    staleTime: 30_000,
  });
}
