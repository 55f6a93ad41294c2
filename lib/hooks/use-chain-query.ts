import { useQuery } from "@tanstack/react-query";
import type { Client } from "viem";
import { useChainId, useClient } from "wagmi";

/** A read through the configured chain's public client, cached under ["plenum", chainId, ...key]. */
export function useChainQuery<T>(
  key: readonly unknown[],
  read: (client: Client) => Promise<T>,
  options: {
    enabled?: boolean;
    refetchInterval?: number;
    /** While a new key loads, keep showing the data of a previous key this accepts (`key` as passed here). */
    keepPreviousOf?: (previousKey: readonly unknown[]) => boolean;
    /** What the server render read, shown without reading it again until it is stale. */
    initialData?: T;
  } = {},
) {
  const chainId = useChainId();
  const client = useClient();
  return useQuery<T, Error, T, readonly unknown[]>({
    queryKey: ["plenum", chainId, ...key],
    queryFn: () => {
      if (!client) throw new Error("No RPC client for the configured chain.");
      return read(client);
    },
    refetchInterval: options.refetchInterval,
    initialData: options.initialData,
    placeholderData: (previous, previousQuery) =>
      previousQuery && options.keepPreviousOf?.(previousQuery.queryKey.slice(2)) ? previous : undefined,
    enabled: client !== undefined && (options.enabled ?? true),
  });
}
