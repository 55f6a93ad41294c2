"use client";

import { useBlock } from "wagmi";
import { describeError } from "@/lib/contracts/errors";
import { useIndexerQuery } from "@/lib/hooks/use-indexer";

/** Blocks the indexer may trail the chain by before the page says so. */
const TOLERATED_LAG = 3n;

function Notice({ children }: { children: string }) {
  return (
    <p role="status" data-testid="sync-status" className="bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
      {children}
    </p>
  );
}

/**
 * What the page cannot be sure of: the chain's RPC not answering (live state), the indexer not answering (history),
 * or history trailing the chain by more than a few blocks, and by how much.
 */
export function SyncStatus() {
  const status = useIndexerQuery(["status"], (client) => client.status(), { refetchInterval: 5_000 });
  // The same query as the chain clock (useChainNow): no extra request.
  const block = useBlock({ query: { refetchInterval: 15_000 } });
  if (block.error && !block.data) {
    return (
      <Notice>
        {`The chain's RPC does not answer (${describeError(block.error)}): live state and transactions are unavailable; indexed history still shows.`}
      </Notice>
    );
  }
  if (status.error && !status.data) {
    return (
      <Notice>
        The indexer cannot be reached: history (votes, delegates, disputes) may not load. Live state from the chain
        still does.
      </Notice>
    );
  }
  const indexed = status.data?.blockNumber;
  const latest = block.data?.number;
  if (indexed === undefined || latest === undefined || latest - indexed <= TOLERATED_LAG) return null;
  return (
    <Notice>
      {`History is ${(latest - indexed).toLocaleString("en-US")} blocks behind the chain (indexed to block ${indexed.toLocaleString("en-US")}, chain at ${latest.toLocaleString("en-US")}): the latest votes and changes may not show yet.`}
    </Notice>
  );
}
