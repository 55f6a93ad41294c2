import { getBlock } from "viem/actions";
import type { Client } from "viem";

/** The timestamp of each item's block (logs, events, history points), in order; each distinct block is read once. */
export async function loadBlockTimes(client: Client, items: readonly { blockNumber: bigint }[]): Promise<bigint[]> {
  const distinct = [...new Set(items.map((item) => item.blockNumber))];
  const blocks = await Promise.all(distinct.map((blockNumber) => getBlock(client, { blockNumber })));
  return items.map((item) => blocks[distinct.indexOf(item.blockNumber)].timestamp);
}
