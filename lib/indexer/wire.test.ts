import { describe, expect, it } from "vitest";
import { fromWire, toWire } from "./wire";

describe("indexer wire format", () => {
  it("round-trips bigints, nested and in arrays", () => {
    const value = { id: 2n ** 200n, votes: [1n, -5n], nested: { weight: 0n }, text: "12n", n: 3 };
    expect(fromWire(toWire(value))).toEqual(value);
  });
  it("leaves text that looks like a number as text", () => {
    expect(fromWire<{ reason: string }>(toWire({ reason: '{"$bigint":"1"}' }))).toEqual({ reason: '{"$bigint":"1"}' });
  });
});
