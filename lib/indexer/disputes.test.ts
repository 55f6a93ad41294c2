import { parseEther } from "viem";
import { describe, expect, it } from "vitest";
import { toListedDispute } from "./disputes";
import type { IndexedDisputeDetail } from "./types";

const filer = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const ally = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

const indexed: IndexedDisputeDetail = {
  id: 3n,
  proposalId: 42n,
  proposalTitle: "Raise the slashing rate",
  challenger: filer,
  bond: parseEther("100"),
  deadline: 1_800_000_000n,
  filedAt: 1_799_740_800n,
  status: "Open",
  reward: null,
  resolvedAt: null,
  upholdCount: 1,
  rejectCount: 0,
  challengers: [
    { account: filer, bond: parseEther("100"), time: 1_799_740_800n },
    { account: ally, bond: parseEther("100"), time: 1_799_741_000n },
  ],
  evidence: [{ author: filer, text: "It doubles the slash.", time: 1_799_740_800n }],
  rulings: [],
  idleMembers: [],
};

describe("a dispute from the indexer alone", () => {
  it("totals what its events tell: bonds, challengers, evidence", () => {
    const dispute = toListedDispute(indexed);
    expect(dispute).toMatchObject({
      id: 3n,
      proposalTitle: "Raise the slashing rate",
      status: "Open",
      totalBond: parseEther("200"),
      challengerCount: 2,
      evidenceCount: 1,
      reward: 0n,
      resolvedAt: undefined,
    });
    expect(dispute.challengers).toEqual([
      { account: filer, bond: parseEther("100") },
      { account: ally, bond: parseEther("100") },
    ]);
  });

  it("takes the reward and resolution time once resolved", () => {
    const resolved = { ...indexed, status: "Upheld" as const, reward: parseEther("50"), resolvedAt: 1_799_800_000n };
    expect(toListedDispute(resolved)).toMatchObject({ reward: parseEther("50"), resolvedAt: 1_799_800_000n });
  });
});
