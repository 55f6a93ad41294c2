import { describe, expect, it } from "vitest";
import { nextMilestone } from "./milestones";

const times = { snapshot: 1_000n, deadline: 5_000n, eta: 0n };

describe("nextMilestone", () => {
  it("is the first second of voting for a pending proposal", () => {
    expect(nextMilestone({ ...times, state: "Pending" })).toEqual({ label: "voting starts", timestamp: 1_001n });
  });

  it("is the second after the deadline for an active one", () => {
    expect(nextMilestone({ ...times, state: "Active" })).toEqual({ label: "voting ends", timestamp: 5_001n });
  });

  it("is the ETA for a queued one", () => {
    expect(nextMilestone({ ...times, eta: 9_000n, state: "Queued" })).toEqual({ label: "ETA", timestamp: 9_000n });
  });

  it("does not exist once time no longer matters", () => {
    for (const state of ["Succeeded", "Defeated", "Canceled", "Executed", "Expired"] as const) {
      expect(nextMilestone({ ...times, state })).toBeUndefined();
    }
  });
});
