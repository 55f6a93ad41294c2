import type { Address } from "viem";
import { loadDelegateProfile } from "../chain/delegate-events";
import { useChainQuery } from "./use-chain-query";
import { useDelegates } from "./use-delegates";

/**
 * One address's delegate profile: everything `useDelegates` knows of it, plus voting power over time and its
 * delegators' balances. Shares the event history with the directory.
 */
export function useDelegate(address: Address) {
  const directory = useDelegates();
  const events = directory.data?.events;
  const profile = useChainQuery(
    ["delegates", address, directory.dataUpdatedAt],
    (client) => loadDelegateProfile(client, address, events!),
    // The key follows the directory's history: after a write, keep showing this profile while it is rebuilt.
    { enabled: events !== undefined, keepPreviousOf: ([, previousAddress]) => previousAddress === address },
  );
  return {
    data: profile.data,
    isPending: directory.isPending || profile.isPending,
    error: directory.error ?? profile.error,
    refetch: () => (directory.error ? directory.refetch() : profile.refetch()),
  };
}
