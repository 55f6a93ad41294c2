import { useQuery } from "@tanstack/react-query";
import type { Client } from "viem";
import { useChainId, useClient } from "wagmi";

/** A read through the configured chain's public client, cached under ["plenum", chainId, ...key]. */
export function useChainQuery<T>(
  key: readonly unknown[],
  read: (client: Client) => Promise<T>,
  options: { enabled?: boolean; refetchInterval?: number } = {},
) {
  const chainId = useChainId();
  const client = useClient();
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
