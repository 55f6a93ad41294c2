import { describe, expect, it } from "vitest";
import { nextMilestone, nextTimedStateChange, proposalTimeline, type TimelineInput } from "./timeline";

const DAY = 86_400n;
const t0 = 1_767_225_600n;
const active: TimelineInput = { state: "Active", createdAt: t0, voteStart: t0 + DAY, deadline: t0 + 6n * DAY, eta: 0n };

const keys = (input: TimelineInput) => proposalTimeline(input).map((milestone) => milestone.key);

describe("proposalTimeline", () => {
  it("lists creation and the voting window of an active proposal", () => {
    expect(keys(active)).toEqual(["created", "votingStarts", "votingEnds"]);
  });

  it("places a late-quorum extension before the (extended) end, then queue, ETA and execution", () => {
    const executed: TimelineInput = {
      ...active,
      state: "Executed",
      deadline: t0 + 7n * DAY,
      extendedAt: t0 + 5n * DAY,
      queuedAt: t0 + 7n * DAY + 100n,
      eta: t0 + 9n * DAY + 100n,
      executedAt: t0 + 9n * DAY + 200n,
    };
    expect(keys(executed)).toEqual(["created", "votingStarts", "extended", "votingEnds", "queued", "eta", "executed"]);
  });

  it("drops what a cancellation cut short", () => {
    expect(keys({ ...active, state: "Canceled", canceledAt: t0 + 10n })).toEqual(["created", "canceled"]);
  });
});

describe("nextMilestone", () => {
  it("is the first milestone after now", () => {
    expect(nextMilestone(active, t0 + 10n)?.key).toBe("votingStarts");
    expect(nextMilestone(active, t0 + 2n * DAY)?.key).toBe("votingEnds");
    const queued: TimelineInput = { ...active, state: "Queued", queuedAt: t0 + 6n * DAY + 1n, eta: t0 + 8n * DAY };
    expect(nextMilestone(queued, t0 + 7n * DAY)?.key).toBe("eta");
  });

  it("is nothing once the proposal reached a final state", () => {
    expect(nextMilestone({ ...active, state: "Defeated" }, t0)).toBeUndefined();
    expect(nextMilestone({ ...active, state: "Canceled", canceledAt: t0 }, t0 - 1n)).toBeUndefined();
  });
});

const times = { snapshot: 1_000n, deadline: 5_000n, eta: 0n };

describe("nextTimedStateChange", () => {
  it("is the first second of voting for a pending proposal", () => {
    expect(nextTimedStateChange({ ...times, state: "Pending" })).toEqual({ label: "voting starts", timestamp: 1_001n });
  });

  it("is the second after the deadline for an active one", () => {
    expect(nextTimedStateChange({ ...times, state: "Active" })).toEqual({ label: "voting ends", timestamp: 5_001n });
  });

  it("is the ETA for a queued one", () => {
    expect(nextTimedStateChange({ ...times, eta: 9_000n, state: "Queued" })).toEqual({
      label: "ETA",
      timestamp: 9_000n,
    });
  });

  it("does not exist once time no longer matters", () => {
    for (const state of ["Succeeded", "Defeated", "Canceled", "Executed", "Expired"] as const) {
      expect(nextTimedStateChange({ ...times, state })).toBeUndefined();
    }
  });
});
