import { useQuery } from "@tanstack/react-query";
import type { PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";

/** A read through the configured chain's public client, cached under ["plenum", chainId, ...key]. */
export function useChainQuery<T>(
  key: readonly unknown[],
  read: (client: PublicClient) => Promise<T>,
  options: { enabled?: boolean; refetchInterval?: number } = {},
) {
  const chainId = useChainId();
  const client = usePublicClient();
  return useQuery({
    queryKey: ["plenum", chainId, ...key],
    queryFn: () => {
      if (!client) throw new Error("No RPC client for the configured chain.");
      return read(client);
    },
    refetchInterval: options.refetchInterval,
    enabled: client !== undefined && (options.enabled ?? true),
  });
}
