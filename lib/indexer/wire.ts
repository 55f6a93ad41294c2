// The indexer's HTTP responses are JSON with every bigint as {"$bigint": "<decimal>"}: an object, so no text from the
// chain (a vote's reason, a statement) can ever be mistaken for a number.

type WireBigint = { $bigint: string };

function isWireBigint(value: unknown): value is WireBigint {
  return typeof value === "object" && value !== null && typeof (value as { $bigint?: unknown }).$bigint === "string";
}

export function toWire(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    typeof field === "bigint" ? ({ $bigint: field.toString() } satisfies WireBigint) : field,
  );
}

/** Parse a response of the indexer; the caller names the type its route returns (lib/indexer/types.ts). */
export function fromWire<T>(text: string): T {
  return JSON.parse(text, (_key, field: unknown) => (isWireBigint(field) ? BigInt(field.$bigint) : field)) as T;
}
