import { decodeFunctionData, zeroAddress, type Address } from "viem";
import { describe, expect, it } from "vitest";
import { networkParametersAbi, plenumGovernorAbi } from "../../contracts/abis.generated";
import { testAddresses as addresses, testGuardian as guardian } from "../test-fixtures";
import type { TemplateContext } from ".";
import { actionsOf, carol, DAY, errorsOf, summaries } from "./test-helpers";

describe("the guardian, its term and the pause", () => {
  const now = 1_767_225_600n; // 2026-01-01 00:00 UTC, a year before the fixture's term end
  const context: TemplateContext = { guardian, now };

  it("moves the end of the guardian's term on the governor, and decodes it against the current end", () => {
    const later = 1_830_297_600n; // 2028-01-01
    const actions = actionsOf({ kind: "guardianTermEnd", termEnd: later }, context);
    expect(actions[0].target).toBe(addresses.governor);
    expect(decodeFunctionData({ abi: plenumGovernorAbi, data: actions[0].calldata })).toMatchObject({
      functionName: "setGuardianTermEnd",
      args: [Number(later)],
    });
    expect(summaries(actions)).toEqual([
      "End the guardian's term on 2028-01-01 00:00 UTC (now 2027-01-01 00:00 UTC): extends it",
    ]);
    // A date in the past ends the term at once: the contract allows it.
    expect(errorsOf({ kind: "guardianTermEnd", termEnd: now - DAY }, context)).toEqual([]);
  });

  it("refuses a term ending more than MAX_GUARDIAN_TERM after now, and checks nothing before the chain is read", () => {
    const latest = now + 730n * DAY;
    expect(errorsOf({ kind: "guardianTermEnd", termEnd: latest }, context)).toEqual([]);
    expect(errorsOf({ kind: "guardianTermEnd", termEnd: latest + 1n }, context)).toEqual([
      {
        field: "termEnd",
        message:
          "The guardian's term can end at the latest 2028-01-01 00:00 UTC, 730 days from now (PlenumGovernor: GuardianTermTooLong)",
      },
    ]);
    expect(errorsOf({ kind: "guardianTermEnd", termEnd: now }, { guardian })).toEqual([
      { field: "termEnd", message: "The guardian's term is not loaded yet" },
    ]);
  });

  it("sets how long a pause lasts, within the bounds the contract declares", () => {
    const actions = actionsOf({ kind: "pauseDuration", seconds: 14n * DAY }, context);
    expect(actions[0].target).toBe(addresses.networkParameters);
    expect(decodeFunctionData({ abi: networkParametersAbi, data: actions[0].calldata })).toMatchObject({
      functionName: "setPauseDuration",
      args: [14n * DAY],
    });
    expect(summaries(actions)).toEqual([
      "Set how long a pause of the network parameters lasts to 14 days (now 7 days; bounds 1 day–30 days)",
    ]);
    expect(errorsOf({ kind: "pauseDuration", seconds: 31n * DAY }, context)).toEqual([
      {
        field: "seconds",
        message:
          "A pause must be between 1 day and 30 days (NetworkParameters MIN_PAUSE_DURATION / MAX_PAUSE_DURATION), got 31 days",
      },
    ]);
    expect(errorsOf({ kind: "pauseDuration", seconds: 3_600n }, context)[0].message).toMatch(/got 1 hour$/);
    expect(errorsOf({ kind: "pauseDuration", seconds: DAY }, {})).toEqual([
      { field: "seconds", message: "The pause settings are not loaded yet" },
    ]);
  });

  it("sets or removes the proposal guardian", () => {
    const actions = actionsOf({ kind: "proposalGuardian", guardian: carol });
    expect(actions[0].target).toBe(addresses.governor);
    expect(decodeFunctionData({ abi: plenumGovernorAbi, data: actions[0].calldata })).toMatchObject({
      functionName: "setProposalGuardian",
      args: [carol],
    });
    expect(summaries(actions)).toEqual([`Set the proposal guardian (security council) to ${carol}`]);
    expect(summaries(actionsOf({ kind: "proposalGuardian", guardian: zeroAddress }))).toEqual([
      "Remove the proposal guardian (security council)",
    ]);
    expect(errorsOf({ kind: "proposalGuardian", guardian: "council" as Address })[0].field).toBe("guardian");
  });
});
