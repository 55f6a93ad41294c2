import { decodeFunctionData } from "viem";
import { describe, expect, it } from "vitest";
import { plenumGovernorAbi } from "../contracts/abis.generated";
import { testAddresses } from "../governance/test-fixtures";
import type { ProposalTurnout, WhatIfRecord } from "../indexer/types";
import { percentOf, turnoutFigures } from "./figures";
import { readSettings, settingsProposalDraft } from "./settings-draft";

const DAY = 86_400n;
const PLM = 10n ** 18n;

describe("turnout figures", () => {
  const proposal: ProposalTurnout = {
    id: 7n,
    title: "Raise the fee",
    state: "Succeeded",
    voteStart: 1_000n,
    initialVoteEnd: 1_000n + 5n * DAY,
    voteEnd: 1_000n + 5n * DAY,
    totalSupply: 1_000n * PLM,
    delegatedSupply: 400n * PLM,
    quorum: 40n * PLM,
    forVotes: 30n * PLM,
    againstVotes: 50n * PLM,
    abstainVotes: 20n * PLM,
    voterCount: 3,
    quorumReachedAt: 1_000n + 4n * DAY,
    extendedAt: null,
  };

  it("measures votes against the snapshot's supply and quorum", () => {
    expect(turnoutFigures(proposal)).toMatchObject({
      cast: 100n * PLM,
      ofSupply: 10,
      ofDelegated: 25,
      quorumOfSupply: 4,
      margin: 10n * PLM,
      marginOfQuorum: 25,
      lateQuorum: false,
    });
    expect(percentOf(1n, 3n)).toBe(33.33);
    expect(percentOf(5n, 0n)).toBe(0);
  });

  it("calls a quorum reached in the last day before the original deadline late", () => {
    expect(turnoutFigures({ ...proposal, quorumReachedAt: proposal.initialVoteEnd - DAY }).lateQuorum).toBe(false);
    expect(turnoutFigures({ ...proposal, quorumReachedAt: proposal.initialVoteEnd - DAY + 1n }).lateQuorum).toBe(true);
    expect(turnoutFigures({ ...proposal, quorumReachedAt: null }).lateQuorum).toBe(false);
  });
});

describe("settings tried", () => {
  it("refuses out-of-bounds settings with their bounds, each under its own setting", () => {
    const read = readSettings(
      { quorumNumerator: "101", votingPeriod: "0", lateQuorumExtension: "soon" },
      testAddresses,
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((error) => [error.setting, error.message])).toEqual([
      ["quorumNumerator", expect.stringContaining("cannot exceed the denominator (100)")],
      ["votingPeriod", expect.stringContaining("must be more than 0")],
      ["lateQuorumExtension", expect.stringContaining('"soon" is not a duration')],
    ]);
  });

  it("drafts a proposal of the settings that differ, saying what the recount found", () => {
    const read = readSettings(
      { quorumNumerator: "6", votingPeriod: "7 days", lateQuorumExtension: "1 day" },
      testAddresses,
    );
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.settings).toEqual({ quorumNumerator: 6n, votingPeriod: 7n * DAY, lateQuorumExtension: DAY });
    const record: WhatIfRecord = {
      settings: read.settings,
      evaluated: 9,
      succeeded: { actual: 6, simulated: 5 },
      changed: [
        {
          id: 12n,
          title: "Grant: train Lumen-7B",
          voteStart: 1_700_000_000n,
          actual: "Succeeded",
          simulated: "Defeated",
          quorum: 60n * PLM,
          voteEnd: 1_700_604_800n,
          quorumReachedAt: null,
          forVotes: 50n * PLM,
          againstVotes: 0n,
          abstainVotes: 0n,
          votesLeftOut: 0,
          beyondHistory: false,
        },
      ],
      changedCount: 1,
      beyondHistory: 0,
    };
    const draft = settingsProposalDraft(
      "d1",
      0,
      read,
      { quorumNumerator: 4n, votingPeriod: 5n * DAY, lateQuorumExtension: DAY },
      record,
    );
    expect(draft.title).toBe("Governance settings: quorum 6%, voting period 7 days");
    expect(
      draft.steps.flatMap((step) =>
        step.actions.map((action) => {
          const { functionName, args } = decodeFunctionData({ abi: plenumGovernorAbi, data: action.calldata });
          return [functionName, args];
        }),
      ),
    ).toEqual([
      ["updateQuorumNumerator", [6n]],
      ["setVotingPeriod", [Number(7n * DAY)]],
    ]);
    expect(draft.body).toContain("would have passed 5 where 6 passed, changing 1 outcome:");
    expect(draft.body).toContain("Grant: train Lumen-7B");
    expect(draft.body).toContain("## Technical specification");
  });
});
