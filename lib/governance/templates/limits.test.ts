import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plenumGovernorAbi } from "../../contracts/abis.generated";
import { contractLimits } from ".";
import { DAY } from "./test-helpers";

describe("contract limits stay in step with the Solidity sources", () => {
  const source = (name: string) => readFileSync(join(__dirname, "../../../contracts/src", name), "utf8");
  const constant = (text: string, name: string): bigint => {
    const match = new RegExp(`constant ${name} = ([^;]+);`).exec(text);
    if (!match) throw new Error(`${name} not found`);
    const expression = match[1].replace(/_/g, "").trim();
    const days = /^(\d+) days$/.exec(expression);
    if (days) return BigInt(days[1]) * DAY;
    const exponent = /^(\d+)e(\d+)$/.exec(expression);
    if (exponent) return BigInt(exponent[1]) * 10n ** BigInt(exponent[2]);
    return BigInt(expression);
  };

  it("DisputeModule", () => {
    const dispute = source("DisputeModule.sol");
    expect(constant(dispute, "MIN_BOND")).toBe(contractLimits.minBond);
    expect(constant(dispute, "MAX_BOND")).toBe(contractLimits.maxBond);
    expect(constant(dispute, "MAX_REWARD")).toBe(contractLimits.maxReward);
    expect(constant(dispute, "MIN_ADJUDICATION_PERIOD")).toBe(contractLimits.minAdjudicationPeriod);
    expect(constant(dispute, "MAX_ADJUDICATION_PERIOD")).toBe(contractLimits.maxAdjudicationPeriod);
    expect(constant(dispute, "MIN_EXPERT_STAKE")).toBe(contractLimits.minExpertStake);
    expect(constant(dispute, "MAX_EXPERT_STAKE")).toBe(contractLimits.maxExpertStake);
    expect(constant(dispute, "MAX_PANEL_SIZE")).toBe(BigInt(contractLimits.maxPanelSize));
    expect(constant(dispute, "MAX_PROFILE_LENGTH")).toBe(BigInt(contractLimits.panelProfileBytes));
    expect(constant(dispute, "MAX_REASON_LENGTH")).toBe(BigInt(contractLimits.reasonBytes));
  });

  it("GrantVesting and ModelRegistry", () => {
    expect(constant(source("GrantVesting.sol"), "MAX_MEMO_LENGTH")).toBe(BigInt(contractLimits.grantMemoBytes));
    expect(constant(source("ModelRegistry.sol"), "MAX_FIELD_LENGTH")).toBe(BigInt(contractLimits.publisherNameBytes));
  });

  it("the governor setters' argument widths", () => {
    const input = (name: string) =>
      plenumGovernorAbi.filter((item) => item.type === "function").find((item) => item.name === name)?.inputs[0]?.type;
    expect(input("setVotingDelay")).toBe("uint48");
    expect(input("setVotingPeriod")).toBe("uint32");
    expect(input("setLateQuorumVoteExtension")).toBe("uint48");
    expect(contractLimits.maxVotingDelay).toBe(2n ** 48n - 1n);
    expect(contractLimits.maxVotingPeriod).toBe(2n ** 32n - 1n);
  });
});
