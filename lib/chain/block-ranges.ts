import { getBlockNumber } from "viem/actions";
import type { Client } from "viem";
import { config } from "../config";

/** Blocks per log query: within what public RPC providers accept for eth_getLogs. */
const LOG_RANGE = 10_000n;

/**
 * Run a log query over every block since the deployment, in consecutive ranges of `LOG_RANGE` blocks, and
 * concatenate the results in block order. Event history (votes, statements, disputes, delegations) comes
 * through here; an indexer is the path at scale.
 */
export async function queryAllBlocks<T>(
  client: Client,
  query: (range: { fromBlock: bigint; toBlock: bigint | "latest" }) => Promise<T[]>,
): Promise<T[]> {
  const latest = await getBlockNumber(client);
  const results: T[] = [];
  for (let fromBlock = BigInt(config.deployment.deployBlock); fromBlock <= latest; fromBlock += LOG_RANGE) {
    // The last range ends at "latest", not at the block number read above: viem caches that for a few seconds,
    // and right after a write its event must be in the history.
    const toBlock = fromBlock + LOG_RANGE - 1n < latest ? fromBlock + LOG_RANGE - 1n : "latest";
    results.push(...(await query({ fromBlock, toBlock })));
  }
  return results;
}
