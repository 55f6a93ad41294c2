import { describe, expect, it } from "vitest";
import { challengerPayout, deadlinePhase, rulingsToDecide, sortDisputes, type DisputeRecord } from "./disputes";

const dispute = (id: bigint, status: DisputeRecord["status"], deadline: bigint): DisputeRecord => ({
  id,
  proposalId: id * 10n,
  challenger: "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
  filedAt: 0n,
  deadline,
  status,
  upholdCount: 1,
  rejectCount: 0,
  rulingQuorum: 2,
  expertStake: 50n,
  bond: 10n,
  totalBond: 10n,
  challengerCount: 1,
  evidenceCount: 0,
  reward: 0n,
  challengers: [],
  evidence: [],
  rulings: [],
  idleMembers: [],
});

describe("deadlinePhase", () => {
  it("counts down while the panel may rule, the deadline itself included", () => {
    expect(deadlinePhase(dispute(1n, "Open", 1_000n), 400n)).toEqual({ phase: "adjudicating", secondsLeft: 600n });
    expect(deadlinePhase(dispute(1n, "Open", 1_000n), 1_000n)).toEqual({ phase: "adjudicating", secondsLeft: 0n });
  });

  it("awaits a timeout resolution after the deadline", () => {
    expect(deadlinePhase(dispute(1n, "Open", 1_000n), 1_001n)).toEqual({ phase: "awaiting-timeout" });
  });

  it("is closed once resolved", () => {
    for (const status of ["Upheld", "Rejected", "TimedOut"] as const) {
      expect(deadlinePhase(dispute(1n, status, 1_000n), 10n)).toEqual({ phase: "closed" });
    }
  });
});

describe("sortDisputes", () => {
  it("puts open disputes first by deadline, then past ones newest first", () => {
    const sorted = sortDisputes([
      dispute(1n, "Rejected", 5n),
      dispute(2n, "Open", 900n),
      dispute(3n, "Upheld", 7n),
      dispute(4n, "Open", 800n),
    ]);
    expect(sorted.map((d) => d.id)).toEqual([4n, 2n, 3n, 1n]);
  });
});

it("tells how many rulings each outcome still needs", () => {
  expect(rulingsToDecide({ upholdCount: 1, rejectCount: 0, rulingQuorum: 2 })).toEqual({ uphold: 1, reject: 2 });
  expect(rulingsToDecide({ upholdCount: 3, rejectCount: 0, rulingQuorum: 2 })).toEqual({ uphold: 0, reject: 2 });
});

describe("challengerPayout", () => {
  const resolved = (status: DisputeRecord["status"]) => ({ status, bond: 10n, reward: 9n, challengerCount: 3 });

  it("pays each challenger its bond and an equal share of the reward when upheld", () => {
    expect(challengerPayout(resolved("Upheld"))).toBe(13n);
  });

  it("refunds the bond alone when timed out, nothing when rejected or open", () => {
    expect(challengerPayout(resolved("TimedOut"))).toBe(10n);
    expect(challengerPayout(resolved("Rejected"))).toBe(0n);
    expect(challengerPayout(resolved("Open"))).toBe(0n);
  });
});
