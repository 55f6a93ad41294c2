import { describe, expect, it } from "vitest";
import { testAddresses } from "./test-fixtures";
import { proposalKindsOf } from "./proposal-kinds";

describe("proposalKindsOf", () => {
  const stranger = "0x000000000000000000000000000000000000dEaD";
  it("names each kind once, in a fixed order", () => {
    const actions = [
      { target: testAddresses.grantVesting, value: 0n },
      { target: testAddresses.networkParameters, value: 0n },
      { target: testAddresses.networkParameters, value: 0n },
    ];
    expect(proposalKindsOf(actions, testAddresses)).toEqual(["parameters", "treasury"]);
  });
  it("treats ETH sent anywhere as treasury, and unknown targets as custom", () => {
    expect(proposalKindsOf([{ target: stranger, value: 1n }], testAddresses)).toEqual(["treasury"]);
    expect(proposalKindsOf([{ target: stranger, value: 0n }], testAddresses)).toEqual(["custom"]);
  });
  it("matches addresses whatever their case", () => {
    const target = testAddresses.disputeModule.toLowerCase() as typeof stranger;
    expect(proposalKindsOf([{ target, value: 0n }], testAddresses)).toEqual(["disputes"]);
  });
});
