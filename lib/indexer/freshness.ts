import type { IndexerClient } from "./client";

const POLL_MS = 200;

/**
 * Resolves once the indexer has processed `blockNumber` (a write's block), so history read afterwards shows the
 * write; gives up quietly after `timeoutMs` (the page then says the indexer lags).
 */
export async function waitForIndexedBlock(
  client: IndexerClient,
  blockNumber: bigint,
  timeoutMs = 10_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await client.status().catch(() => null);
    if (status && status.blockNumber >= blockNumber) return true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return false;
}
