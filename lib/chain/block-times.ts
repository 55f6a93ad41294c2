import type { PublicClient } from "viem";

/** The timestamp of each item's block (logs, events, history points), in order; each distinct block is read once. */
export async function loadBlockTimes(
  client: PublicClient,
  items: readonly { blockNumber: bigint }[],
): Promise<bigint[]> {
  const distinct = [...new Set(items.map((item) => item.blockNumber))];
  const blocks = await Promise.all(distinct.map((blockNumber) => client.getBlock({ blockNumber })));
  return items.map((item) => blocks[distinct.indexOf(item.blockNumber)].timestamp);
}
