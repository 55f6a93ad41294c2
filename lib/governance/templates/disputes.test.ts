import { decodeFunctionData, zeroAddress, type Address } from "viem";
import { describe, expect, it } from "vitest";
import { disputeModuleAbi, plenumTokenAbi } from "../../contracts/abis.generated";
import type { ProposalAction } from "../actions";
import { testAddresses as addresses } from "../test-fixtures";
import { actionsOf, alice, bob, carol, DAY, errorsOf, PLM, summaries } from "./test-helpers";

describe("dispute module settings", () => {
  const disputeCall = (actions: ProposalAction[]) => {
    expect(actions.at(-1)!.target).toBe(addresses.disputeModule);
    return decodeFunctionData({ abi: disputeModuleAbi, data: actions.at(-1)!.calldata });
  };
  const panel = [alice, bob, carol];

  it("sets the bond within MIN_BOND..MAX_BOND", () => {
    const actions = actionsOf({ kind: "disputeBond", amount: 500n * PLM });
    expect(disputeCall(actions)).toMatchObject({ functionName: "setBond", args: [500n * PLM] });
    expect(summaries(actions)).toEqual(["Set the dispute bond to 500 PLM"]);
    expect(errorsOf({ kind: "disputeBond", amount: 99n * PLM })).toEqual([
      {
        field: "amount",
        message:
          "The dispute bond must be between 100 PLM and 1,000,000 PLM (DisputeModule MIN_BOND / MAX_BOND), got 99 PLM",
      },
    ]);
    expect(errorsOf({ kind: "disputeBond", amount: 1_000_001n * PLM })).toHaveLength(1);
  });

  it("sets the reward within 0..MAX_REWARD", () => {
    const actions = actionsOf({ kind: "disputeReward", amount: 0n });
    expect(disputeCall(actions)).toMatchObject({ functionName: "setRewardAmount", args: [0n] });
    expect(summaries(actions)).toEqual(["Set the reward for an upheld dispute to 0 PLM"]);
    expect(errorsOf({ kind: "disputeReward", amount: 1_000_000n * PLM + 1n })[0].message).toMatch(
      /^The dispute reward must be between 0 PLM and 1,000,000 PLM \(DisputeModule MAX_REWARD\)/,
    );
  });

  it("sets the adjudication period within 1 to 14 days", () => {
    const actions = actionsOf({ kind: "adjudicationPeriod", seconds: 5n * DAY });
    expect(disputeCall(actions)).toMatchObject({ functionName: "setAdjudicationPeriod", args: [5n * DAY] });
    expect(summaries(actions)).toEqual(["Set the dispute adjudication period to 5 days"]);
    expect(errorsOf({ kind: "adjudicationPeriod", seconds: DAY - 1n })).toEqual([
      {
        field: "seconds",
        message:
          "The adjudication period must be between 1 day and 14 days " +
          "(DisputeModule MIN_ADJUDICATION_PERIOD / MAX_ADJUDICATION_PERIOD), got 23 hours 59 minutes",
      },
    ]);
    expect(errorsOf({ kind: "adjudicationPeriod", seconds: 15n * DAY })).toHaveLength(1);
  });

  it("sets the ruling quorum within 1 and the panel's size", () => {
    const actions = actionsOf({ kind: "rulingQuorum", quorum: 2n }, { panel });
    expect(disputeCall(actions)).toMatchObject({ functionName: "setRulingQuorum", args: [2n] });
    expect(summaries(actions)).toEqual(["Require 2 matching panel rulings to decide a dispute"]);
    expect(errorsOf({ kind: "rulingQuorum", quorum: 4n }, { panel })).toEqual([
      {
        field: "quorum",
        message:
          "The ruling quorum must be between 1 and the panel's size (3 members) (DisputeModule: SettingOutOfBounds)",
      },
    ]);
    expect(errorsOf({ kind: "rulingQuorum", quorum: 0n })[0].message).toMatch(/MAX_PANEL_SIZE \(15\)/);
  });

  it("sets the expert stake within MIN_EXPERT_STAKE..MAX_EXPERT_STAKE", () => {
    const actions = actionsOf({ kind: "expertStake", amount: 5_000n * PLM });
    expect(disputeCall(actions)).toMatchObject({ functionName: "setExpertStake", args: [5_000n * PLM] });
    expect(summaries(actions)).toEqual(["Set the stake each panel expert must hold to 5,000 PLM"]);
    expect(errorsOf({ kind: "expertStake", amount: 999n * PLM })[0].message).toMatch(
      /between 1,000 PLM and 10,000,000 PLM \(DisputeModule MIN_EXPERT_STAKE \/ MAX_EXPERT_STAKE\), got 999 PLM/,
    );
  });

  it("adds a panel member with a profile", () => {
    const dave: Address = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
    const actions = actionsOf({ kind: "addPanelMember", expert: dave, profile: "ML safety researcher" }, { panel });
    expect(disputeCall(actions)).toMatchObject({
      functionName: "addPanelMember",
      args: [dave, "ML safety researcher"],
    });
    expect(summaries(actions)).toEqual([`Add ${dave} to the dispute panel: "ML safety researcher"`]);
  });

  it("checks a new member: address, not yet on the panel, panel not full, profile length", () => {
    expect(errorsOf({ kind: "addPanelMember", expert: bob, profile: "" }, { panel })).toEqual([
      { field: "expert", message: "Already on the panel (DisputeModule: AlreadyPanelMember)" },
      { field: "profile", message: "Enter the profile" },
    ]);
    const full = Array.from({ length: 15 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, "0")}` as Address);
    expect(errorsOf({ kind: "addPanelMember", expert: alice, profile: "p".repeat(513) }, { panel: full })).toEqual([
      { field: "expert", message: "The panel is full: 15 members at most (DisputeModule: PanelFull)" },
      {
        field: "profile",
        message:
          "The profile is 513 bytes; DisputeModule allows 512 (UTF-8: accented letters and symbols take 2 to 4 bytes)",
      },
    ]);
    expect(errorsOf({ kind: "addPanelMember", expert: zeroAddress, profile: "x" })).toEqual([
      { field: "expert", message: "The expert cannot be the zero address" },
    ]);
  });

  it("removes a panel member, refusing a non-member or a panel that would fall below the quorum", () => {
    const actions = actionsOf({ kind: "removePanelMember", expert: bob }, { panel, rulingQuorum: 2n });
    expect(disputeCall(actions)).toMatchObject({ functionName: "removePanelMember", args: [bob] });
    expect(summaries(actions)).toEqual([`Remove ${bob} from the dispute panel`]);
    expect(errorsOf({ kind: "removePanelMember", expert: addresses.token }, { panel })).toEqual([
      { field: "expert", message: "Not on the panel (DisputeModule: NotPanelMember)" },
    ]);
    expect(errorsOf({ kind: "removePanelMember", expert: bob }, { panel, rulingQuorum: 3n })).toEqual([
      {
        field: "expert",
        message:
          "The panel would drop to 2 members, below the ruling quorum of 3: lower the quorum first (DisputeModule: PanelBelowQuorum)",
      },
    ]);
  });

  it("funds the reward pool: approve, then fundRewards", () => {
    const actions = actionsOf({ kind: "fundDisputeRewards", amount: 2_000n * PLM });
    expect(actions.map((action) => action.target)).toEqual([addresses.token, addresses.disputeModule]);
    expect(decodeFunctionData({ abi: plenumTokenAbi, data: actions[0].calldata }).args).toEqual([
      addresses.disputeModule,
      2_000n * PLM,
    ]);
    expect(disputeCall(actions)).toMatchObject({ functionName: "fundRewards", args: [2_000n * PLM] });
    expect(summaries(actions)).toEqual([
      "Approve DisputeModule to spend 2,000 PLM from the treasury",
      "Fund the dispute reward pool with 2,000 PLM",
    ]);
    expect(errorsOf({ kind: "fundDisputeRewards", amount: 0n })).toEqual([
      { field: "amount", message: "The amount must be more than 0" },
    ]);
  });
});

describe("slashing a panel expert", () => {
  const disputes = [
    { id: 1n, rulings: [{ expert: alice, uphold: true, reason: "uphold", time: 0n }], idleMembers: [] },
    { id: 2n, rulings: [], idleMembers: [bob] },
  ];
  const slash = {
    kind: "slashExpert",
    expert: alice,
    amount: 1_000n * PLM,
    ground: 1n,
    disputeId: 1n,
    reason: "  Ruled without reading the evidence.  ",
  } as const;

  it("encodes slashExpert with the ground as the enum's index and decodes it with its ground and dispute", () => {
    const actions = actionsOf(slash, { disputes });
    expect(actions[0].target).toBe(addresses.disputeModule);
    expect(decodeFunctionData({ abi: disputeModuleAbi, data: actions[0].calldata })).toMatchObject({
      functionName: "slashExpert",
      args: [alice, 1_000n * PLM, 1, 1n, "Ruled without reading the evidence."],
    });
    expect(summaries(actions)).toEqual([
      `Slash up to 1,000 PLM of ${alice}'s stake for a negligent ruling on dispute #1 and remove them from the panel: ` +
        `"Ruled without reading the evidence."`,
    ]);
    expect(errorsOf({ ...slash, expert: bob, ground: 2n, disputeId: 2n }, { disputes })).toEqual([]);
  });

  it("refuses a slash the module has no ground for, as NoGroundToSlash would", () => {
    expect(errorsOf({ ...slash, ground: 2n }, { disputes })).toEqual([
      {
        field: "ground",
        message:
          "This expert was not recorded idle when dispute #1 timed out: no ground for not ruling before the dispute timed out (DisputeModule: NoGroundToSlash)",
      },
    ]);
    expect(errorsOf({ ...slash, expert: bob }, { disputes })).toEqual([
      {
        field: "ground",
        message:
          "This expert did not rule on dispute #1: no ground for a negligent ruling (DisputeModule: NoGroundToSlash)",
      },
    ]);
    expect(errorsOf({ ...slash, disputeId: 9n }, { disputes })).toEqual([
      { field: "disputeId", message: "There is no dispute #9" },
    ]);
  });

  it("checks the amount, the ground, the dispute id and the reason's length", () => {
    expect(
      errorsOf({ ...slash, amount: 0n, ground: 3n, disputeId: 0n, reason: "x".repeat(2_049) }).map(
        (error) => error.field,
      ),
    ).toEqual(["amount", "ground", "disputeId", "reason"]);
    expect(errorsOf({ ...slash, ground: 3n })[0].message).toBe(
      "Pick a ground: a malicious ruling, a negligent ruling, not ruling before the dispute timed out",
    );
  });
});
