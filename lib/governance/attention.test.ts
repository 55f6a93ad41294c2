import { describe, expect, it } from "vitest";
import { needsAttention } from "./attention";

describe("needsAttention", () => {
  it("keeps active, queued and disputed proposals", () => {
    expect(needsAttention({ state: "Active" })).toBe(true);
    expect(needsAttention({ state: "Queued" })).toBe(true);
    expect(needsAttention({ state: "Queued", dispute: { status: "Open" } })).toBe(true);
  });

  it("leaves out proposals nobody can act on now", () => {
    for (const state of ["Pending", "Succeeded", "Defeated", "Canceled", "Executed"] as const) {
      expect(needsAttention({ state })).toBe(false);
    }
    expect(needsAttention({ state: "Canceled", dispute: { status: "Upheld" } })).toBe(false);
  });
});
