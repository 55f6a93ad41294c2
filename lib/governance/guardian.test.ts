import { zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import {
  describeGuardianTerm,
  describeNextGuardianPause,
  describePause,
  guardianCancelRefusal,
  guardianPauseRefusal,
  isGuardian,
  parametersPaused,
  type GuardianState,
} from "./guardian";
import { testGuardian } from "./test-fixtures";

const DAY = 86_400n;
const termEnd = testGuardian.termEnd; // 2027-01-01 00:00 UTC
const now = termEnd - 100n * DAY; // 2026-09-23 00:00 UTC
/** Paused by the guardian 2 days ago, for the default 7 days. */
const paused: GuardianState = {
  ...testGuardian,
  pausedUntil: now + 5n * DAY,
  pauseAvailableAt: now + 12n * DAY,
};

describe("the guardian's term", () => {
  it("ends at guardianTermEnd: the guardian may act strictly before it", () => {
    expect(describeGuardianTerm(testGuardian, now)).toBe("ends 2027-01-01 00:00 UTC");
    expect(describeGuardianTerm(testGuardian, termEnd - 1n)).toBe("ends 2027-01-01 00:00 UTC");
    expect(describeGuardianTerm(testGuardian, termEnd)).toBe("ended 2027-01-01 00:00 UTC");
  });

  it("knows the guardian's account, and that the zero address is no guardian", () => {
    expect(isGuardian(testGuardian, testGuardian.guardian.toLowerCase() as `0x${string}`)).toBe(true);
    expect(isGuardian(testGuardian, zeroAddress)).toBe(false);
    expect(isGuardian(testGuardian, undefined)).toBe(false);
    expect(isGuardian({ guardian: zeroAddress }, zeroAddress)).toBe(false);
  });
});

describe("the pause", () => {
  it("holds until pausedUntil and lapses by itself, as NetworkParameters.paused()", () => {
    expect(parametersPaused(paused, now)).toBe(true);
    expect(describePause(paused, now)).toBe("Paused until 2026-09-28 00:00 UTC");
    expect(parametersPaused(paused, paused.pausedUntil - 1n)).toBe(true);
    expect(parametersPaused(paused, paused.pausedUntil)).toBe(false);
    expect(describePause(paused, paused.pausedUntil)).toBe("Not paused");
    expect(describePause(testGuardian, now)).toBe("Not paused");
  });

  it("says when the guardian may pause next", () => {
    expect(describeNextGuardianPause(testGuardian, now)).toBe("now");
    expect(describeNextGuardianPause(paused, now)).toBe("from 2026-10-05 00:00 UTC");
    expect(describeNextGuardianPause(paused, paused.pausedUntil)).toBe("from 2026-10-05 00:00 UTC");
    expect(describeNextGuardianPause(paused, paused.pauseAvailableAt)).toBe("now");
    expect(describeNextGuardianPause(paused, termEnd)).toBe("no longer");
    expect(describeNextGuardianPause({ ...paused, pauseAvailableAt: termEnd }, now)).toBe(
      "no longer: its term ends first",
    );
    expect(describeNextGuardianPause({ ...testGuardian, guardian: zeroAddress }, now)).toBe("no longer");
  });
});

describe("what the chain would refuse the guardian", () => {
  it("pauses only during its term, when not paused and not before guardianPauseAvailableAt", () => {
    expect(guardianPauseRefusal(testGuardian, now)).toBeUndefined();
    expect(guardianPauseRefusal(paused, now)).toBe(
      "The network parameters are already paused until 2026-09-28 00:00 UTC.",
    );
    expect(guardianPauseRefusal(paused, paused.pausedUntil)).toBe(
      "The guardian may pause again from 2026-10-05 00:00 UTC: after a pause ends, as long again must pass.",
    );
    expect(guardianPauseRefusal(paused, paused.pauseAvailableAt)).toBeUndefined();
    expect(guardianPauseRefusal({ ...paused, pauseAvailableAt: termEnd }, paused.pausedUntil)).toBe(
      "The guardian may not pause again before its term ends, 2027-01-01 00:00 UTC.",
    );
    expect(guardianPauseRefusal(testGuardian, termEnd)).toBe(
      "The guardian's term ended 2027-01-01 00:00 UTC: only governance can pause the network parameters now.",
    );
    // The term is checked first, as the contract does.
    expect(guardianPauseRefusal(paused, termEnd + 1n)).toMatch(/^The guardian's term ended/);
    expect(guardianPauseRefusal({ ...testGuardian, guardian: zeroAddress }, now)).toBe(
      "There is no guardian: only governance can pause the network parameters.",
    );
  });

  it("cancels during its term, except a proposal protected from it", () => {
    expect(guardianCancelRefusal(testGuardian, false, now)).toBeUndefined();
    expect(guardianCancelRefusal(testGuardian, true, now)).toBe(
      "The guardian cannot cancel this proposal: it only replaces or removes the guardian, shortens its term or unpauses the network parameters.",
    );
    expect(guardianCancelRefusal(testGuardian, false, termEnd)).toBe(
      "The guardian's term ended 2027-01-01 00:00 UTC: the guardian can no longer cancel proposals.",
    );
  });
});
