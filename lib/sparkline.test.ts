import { describe, expect, it } from "vitest";
import { stepPath } from "./sparkline";

describe("stepPath", () => {
  it("draws each value until the next point, scaled to the box", () => {
    const points = [
      { time: 100n, value: 10n ** 24n },
      { time: 150n, value: 4n * 10n ** 24n },
      { time: 200n, value: 2n * 10n ** 24n },
    ];
    expect(stepPath(points, { width: 100, height: 40 })).toBe("M0,30 H50 V0 H100 V20 H100");
  });

  it("extends the last value to `until`", () => {
    expect(stepPath([{ time: 0n, value: 5n }], { width: 80, height: 10, until: 100n })).toBe("M0,0 H80");
  });

  it("draws a flat line for one point and nothing for none", () => {
    expect(stepPath([{ time: 7n, value: 0n }], { width: 80, height: 10 })).toBe("M0,10 H80");
    expect(stepPath([], { width: 80, height: 10 })).toBe("");
  });
});
