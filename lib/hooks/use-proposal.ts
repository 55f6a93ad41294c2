"use client";

import { readProposalDetail } from "../chain/proposals";
import type { ProposalDetailRecord } from "../indexer/types";
import { useChainNow } from "./use-chain-now";
import { useChainQuery } from "./use-chain-query";
import { useIndexerQuery } from "./use-indexer";

/**
 * One proposal: its history from the indexer (`initial` from the server render), then what changes without an
 * event read live from the chain. `record.data` is null when the indexer does not know the proposal, `live.data` when
 * the governor does not.
 */
export function useProposal(id: bigint, initial?: ProposalDetailRecord | null) {
  const now = useChainNow();
  const record = useIndexerQuery(["proposal", id.toString()], (client) => client.proposal(id, now), {
    initialData: initial,
    refetchInterval: 15_000,
  });
  // With the indexer down the live state still loads, from the governor's own record of the proposal.
  const settled = record.data !== undefined || record.error !== null;
  const live = useChainQuery(
    ["proposal", id.toString(), record.dataUpdatedAt],
    (client) => readProposalDetail(client, id, record.data ?? undefined),
    {
      enabled: settled,
      refetchInterval: 15_000,
      keepPreviousOf: ([, previousId]) => previousId === id.toString(),
    },
  );
  return { record, live };
}
