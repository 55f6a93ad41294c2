import { decodeFunctionData } from "viem";
import { describe, expect, it } from "vitest";
import { plenumGovernorAbi, timelockControllerAbi } from "../../contracts/abis.generated";
import type { ProposalAction } from "../actions";
import { testAddresses as addresses } from "../test-fixtures";
import { actionsOf, DAY, errorsOf, PLM, summaries } from "./test-helpers";

describe("governance settings on the governor", () => {
  const governorCall = (actions: ProposalAction[]) => {
    expect(actions).toHaveLength(1);
    expect(actions[0].target).toBe(addresses.governor);
    return decodeFunctionData({ abi: plenumGovernorAbi, data: actions[0].calldata });
  };

  it("sets the voting delay, period and late-quorum extension in seconds", () => {
    const delay = actionsOf({ kind: "votingDelay", seconds: 2n * DAY });
    expect(governorCall(delay)).toMatchObject({ functionName: "setVotingDelay", args: [172_800] });
    expect(summaries(delay)).toEqual(["Set the voting delay to 2 days"]);

    const period = actionsOf({ kind: "votingPeriod", seconds: 7n * DAY });
    expect(governorCall(period)).toMatchObject({ functionName: "setVotingPeriod", args: [604_800] });
    expect(summaries(period)).toEqual(["Set the voting period to 7 days"]);

    const extension = actionsOf({ kind: "lateQuorumExtension", seconds: 36n * 3_600n });
    expect(governorCall(extension)).toMatchObject({ functionName: "setLateQuorumVoteExtension", args: [129_600] });
    expect(summaries(extension)).toEqual(["Set the late-quorum vote extension to 1 day 12 hours"]);
  });

  it("states OpenZeppelin's limits", () => {
    expect(errorsOf({ kind: "votingPeriod", seconds: 0n })).toEqual([
      {
        field: "seconds",
        message: "The voting period must be more than 0 (GovernorSettings: GovernorInvalidVotingPeriod)",
      },
    ]);
    expect(errorsOf({ kind: "votingPeriod", seconds: 2n ** 32n })).toEqual([
      {
        field: "seconds",
        message: "The voting period does not fit its type (uint32, GovernorSettings): at most 4294967295 seconds",
      },
    ]);
    expect(errorsOf({ kind: "votingDelay", seconds: 2n ** 48n })[0].message).toMatch(/uint48, GovernorSettings/);
    expect(errorsOf({ kind: "votingDelay", seconds: 0n })).toEqual([]);
    expect(errorsOf({ kind: "votingDelay", seconds: -1n })).toEqual([
      { field: "seconds", message: "The voting delay cannot be negative" },
    ]);
    expect(errorsOf({ kind: "lateQuorumExtension", seconds: 2n ** 48n })[0].message).toMatch(
      /uint48, GovernorPreventLateQuorum/,
    );
  });

  it("sets the proposal threshold, refusing one above the supply", () => {
    const actions = actionsOf({ kind: "proposalThreshold", amount: 10_000n * PLM });
    expect(governorCall(actions)).toMatchObject({ functionName: "setProposalThreshold", args: [10_000n * PLM] });
    expect(summaries(actions)).toEqual(["Set the proposal threshold to 10,000 PLM"]);
    expect(errorsOf({ kind: "proposalThreshold", amount: 2n * PLM }, { totalSupply: PLM })).toEqual([
      { field: "amount", message: "No one could propose: 2 PLM is more than the whole supply (1 PLM)" },
    ]);
  });

  it("sets the quorum numerator within 1..denominator", () => {
    const actions = actionsOf({ kind: "quorumNumerator", numerator: 5n });
    expect(governorCall(actions)).toMatchObject({ functionName: "updateQuorumNumerator", args: [5n] });
    expect(summaries(actions)).toEqual(["Set the quorum to 5% of the token supply (5/100)"]);
    expect(errorsOf({ kind: "quorumNumerator", numerator: 0n })).toEqual([
      { field: "numerator", message: "The quorum cannot be 0: PlenumGovernor refuses it (QuorumNumeratorZero)" },
    ]);
    expect(errorsOf({ kind: "quorumNumerator", numerator: 101n })).toEqual([
      {
        field: "numerator",
        message:
          "The quorum numerator cannot exceed the denominator (100): GovernorVotesQuorumFraction reverts with GovernorInvalidQuorumFraction",
      },
    ]);
    expect(errorsOf({ kind: "quorumNumerator", numerator: 500n }, { quorumDenominator: 1_000n })).toEqual([]);
  });
});

describe("timelock delay", () => {
  it("calls updateDelay on the timelock itself", () => {
    const actions = actionsOf({ kind: "timelockDelay", seconds: 3n * DAY });
    expect(actions[0].target).toBe(addresses.timelock);
    expect(decodeFunctionData({ abi: timelockControllerAbi, data: actions[0].calldata })).toMatchObject({
      functionName: "updateDelay",
      args: [3n * DAY],
    });
    expect(summaries(actions)).toEqual(["Set the timelock delay (the challenge window) to 3 days"]);
    expect(errorsOf({ kind: "timelockDelay", seconds: 0n })[0].message).toMatch(
      /^The timelock delay must be more than 0: it is the challenge window/,
    );
  });
});
