import { parseEther } from "viem";
import { describe, expect, it } from "vitest";
import { percentOf, quorumProgress, voteShares } from "./votes";

describe("vote shares and quorum", () => {
  const votes = { for: parseEther("14500000"), against: parseEther("2700000"), abstain: parseEther("4500000") };

  it("splits the votes cast into percentages", () => {
    expect(voteShares(votes)).toEqual({ for: 66.82, against: 12.44, abstain: 20.73 });
    expect(voteShares({ for: 0n, against: 0n, abstain: 0n })).toEqual({ for: 0, against: 0, abstain: 0 });
  });

  it("counts For and Abstain toward quorum, capped at 100%", () => {
    expect(quorumProgress(votes, parseEther("4000000"))).toEqual({
      counted: parseEther("19000000"),
      percent: 100,
      reached: true,
    });
    expect(quorumProgress({ for: 1n, against: 10n, abstain: 1n }, 8n)).toEqual({
      counted: 2n,
      percent: 25,
      reached: false,
    });
  });

  it("keeps amounts beyond 2^53 exact", () => {
    expect(percentOf(parseEther("1"), parseEther("3"))).toBe(33.33);
    expect(percentOf(1n, 0n)).toBe(0);
  });
});
