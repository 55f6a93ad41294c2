"use client";

import { readDisputes } from "../chain/disputes";
import { useChainQuery } from "./use-chain-query";
import { useIndexerQuery } from "./use-indexer";

const DISPUTES_SHOWN = 100;

/**
 * The latest disputes with their history (indexer) and their stored terms and status, the expert panel with
 * stakes, and the module's settings (chain). `history` alone is what shows while the chain cannot be read.
 */
export function useDisputes() {
  const history = useIndexerQuery(["disputes"], (client) => client.disputes({ limit: DISPUTES_SHOWN }));
  const live = useChainQuery(["disputes", history.dataUpdatedAt], (client) => readDisputes(client, history.data!), {
    enabled: history.data !== undefined,
    // The key follows the history: after a write, keep showing the disputes while they are read again.
    keepPreviousOf: ([name]) => name === "disputes",
  });
  return {
    history: history.data,
    data: live.data,
    isPending: history.isPending || live.isPending,
    error: history.error ?? live.error,
    refetch: () => (history.error ? history.refetch() : live.refetch()),
  };
}
