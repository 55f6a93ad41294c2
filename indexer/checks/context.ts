// What every table check needs: the indexer's API, the chain it indexed, and a way to compare rows as sets.
import type { Abi, Address, ContractEventName } from "viem";
import { expect } from "vitest";
import type { SystemContracts } from "../../lib/contracts/bindings";
import type { IndexerClient } from "../../lib/indexer/client";
import { toWire } from "../../lib/indexer/wire";
import type { AnvilClient } from "../../scripts/lib/chain";
import type * as schema from "../ponder.schema";

export type CheckContext = { api: IndexerClient; client: AnvilClient; contracts: SystemContracts };
export type TableCheck = (context: CheckContext) => Promise<void>;

/** The tables of indexer/ponder.schema.ts by their export names (as the /tables route takes them). */
export type TableName = {
  [K in keyof typeof schema]: (typeof schema)[K] extends { $inferSelect: object } ? K : never;
}[keyof typeof schema];
export type Row<N extends TableName> = (typeof schema)[N]["$inferSelect"];

/** Small, so that the seeded tables span several pages and the cursors are read too. */
const PAGE_SIZE = 10;

/** Every row of an indexed table, page by page. */
export async function readTable<N extends TableName>(api: IndexerClient, name: N): Promise<Row<N>[]> {
  const rows: Row<N>[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.table(name, { cursor, limit: PAGE_SIZE });
    rows.push(...(page.items as Row<N>[]));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

/** Every `eventName` log `contract` emitted since genesis (small local chains only). */
export function eventsOf<const abi extends Abi, eventName extends ContractEventName<abi>>(
  client: AnvilClient,
  contract: { address: Address; abi: abi },
  eventName: eventName,
) {
  return client.getContractEvents({
    address: contract.address,
    abi: contract.abi,
    eventName,
    fromBlock: 0n,
    strict: true,
  });
}

/** anvil puts each log's block time in the log itself. */
export function timestampOf(log: { blockTimestamp?: bigint | null; blockNumber: bigint | null }): bigint {
  if (log.blockTimestamp == null) throw new Error(`the node gave no block time for a log of block ${log.blockNumber}`);
  return log.blockTimestamp;
}

/** Hex columns come back lower-cased from the indexer. */
export function lower<T extends string>(value: T): Lowercase<T> {
  return value.toLowerCase() as Lowercase<T>;
}

/** The row without its event id (Ponder's, not the chain's). */
export function withoutId<T extends { id: unknown }>({ id: _id, ...rest }: T): Omit<T, "id"> {
  return rest;
}

function rowKey(row: object): string {
  return toWire(Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/** The same rows in any order, duplicates counted. */
export function expectSameRows<T extends object>(actual: T[], expected: T[]): void {
  const sorted = (rows: T[]) =>
    rows
      .map((row) => ({ key: rowKey(row), row }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((entry) => entry.row);
  expect(sorted(actual)).toEqual(sorted(expected));
}

/** How many items share each key. */
export function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
