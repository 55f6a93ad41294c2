"use client";

import { useState } from "react";
import { readProposalDetail, type ProposalDetail } from "../chain/proposals";
import type { ProposalDetailRecord } from "../indexer/types";
import { useChainNow } from "./use-chain-now";
import { useChainQuery } from "./use-chain-query";
import { useIndexerQuery } from "./use-indexer";

/**
 * One proposal: its history from the indexer, then what changes without an event read live from the chain; both
 * first from the server render (`initial`, `initialLive`). `record.data` is null when the indexer does not know the
 * proposal (yet: it is asked again every 2 s until it does), `live.data` when the governor does not.
 */
export function useProposal(id: bigint, initial?: ProposalDetailRecord | null, initialLive?: ProposalDetail | null) {
  const now = useChainNow();
  const record = useIndexerQuery(["proposal", id.toString()], (client) => client.proposal(id, now), {
    initialData: initial,
    refetchInterval: (query) => (query.state.data === null ? 2_000 : 15_000),
  });
  // With the indexer down the live state still loads, from the governor's own record of the proposal.
  const settled = record.data !== undefined || record.error !== null;
  // Read again with each new record; not with each empty answer while the indexer has not reached the proposal.
  const liveKey = ["proposal", id.toString(), record.data ? record.dataUpdatedAt : 0] as const;
  // The server's read is the live state of the first key only: a later key follows a newer record, read anew.
  const [firstLiveKey] = useState(() => liveKey.join());
  const live = useChainQuery(liveKey, (client) => readProposalDetail(client, id, record.data ?? undefined), {
    enabled: settled,
    refetchInterval: 15_000,
    keepPreviousOf: ([, previousId]) => previousId === id.toString(),
    initialData: liveKey.join() === firstLiveKey ? initialLive : undefined,
  });
  return { record, live };
}
