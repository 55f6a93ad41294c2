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
  query: (range: { fromBlock: bigint; toBlock: bigint }) => Promise<T[]>,
): Promise<T[]> {
  // Not viem's cached block number (up to 4 s old): right after a write, its event must be in the range.
  const latest = await getBlockNumber(client, { cacheTime: 0 });
  const results: T[] = [];
  for (let fromBlock = BigInt(config.deployment.deployBlock); fromBlock <= latest; fromBlock += LOG_RANGE) {
    const toBlock = fromBlock + LOG_RANGE - 1n < latest ? fromBlock + LOG_RANGE - 1n : latest;
    results.push(...(await query({ fromBlock, toBlock })));
  }
  return results;
}
