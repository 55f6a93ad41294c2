import { decodeFunctionData, parseEther, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { grantVestingAbi, plenumTokenAbi } from "../../contracts/abis.generated";
import { testAddresses as addresses } from "../test-fixtures";
import { actionsOf, alice, bob, DAY, errorsOf, PLM, summaries } from "./test-helpers";

describe("treasury grant", () => {
  const grant = {
    kind: "grant",
    beneficiary: alice,
    amount: 50_000n * PLM,
    start: 1_767_225_600n,
    cliff: 90n * DAY,
    duration: 365n * DAY,
    memo: "Open-weight model training",
  } as const;

  it("approves the grant contract, then creates the grant", () => {
    const actions = actionsOf(grant);
    expect(actions.map((action) => action.target)).toEqual([addresses.token, addresses.grantVesting]);
    const approve = decodeFunctionData({ abi: plenumTokenAbi, data: actions[0].calldata });
    expect(approve.functionName).toBe("approve");
    expect(approve.args).toEqual([addresses.grantVesting, 50_000n * PLM]);
    const create = decodeFunctionData({ abi: grantVestingAbi, data: actions[1].calldata });
    expect(create.functionName).toBe("createGrant");
    expect(create.args).toEqual([alice, 50_000n * PLM, 1_767_225_600n, 90n * DAY, 365n * DAY, grant.memo]);
    expect(summaries(actions)).toEqual([
      "Approve GrantVesting to spend 50,000 PLM from the treasury",
      `Grant 50,000 PLM to ${alice}, vesting over 365 days from 2026-01-01 00:00 UTC with a 90 days cliff: ` +
        '"Open-weight model training"',
    ]);
  });

  it("mirrors GrantVesting's checks", () => {
    expect(
      errorsOf({ ...grant, beneficiary: zeroAddress, amount: 0n, cliff: 400n * DAY, memo: "x".repeat(1_025) }),
    ).toEqual([
      { field: "beneficiary", message: "The beneficiary cannot be the zero address" },
      { field: "amount", message: "The grant amount must be more than 0" },
      {
        field: "cliff",
        message:
          "The cliff (400 days) cannot be longer than the vesting duration (365 days) (GrantVesting: InvalidSchedule)",
      },
      {
        field: "memo",
        message:
          "The memo is 1,025 bytes; GrantVesting allows 1,024 (MemoTooLong; UTF-8: accented letters and symbols take 2 to 4 bytes)",
      },
    ]);
    expect(errorsOf({ ...grant, duration: 0n, cliff: 0n })).toEqual([
      { field: "duration", message: "The vesting duration must be more than 0 (GrantVesting: InvalidSchedule)" },
    ]);
    expect(errorsOf({ ...grant, duration: 2n ** 64n })).toEqual([
      { field: "duration", message: "The vesting duration does not fit uint64" },
    ]);
    expect(errorsOf({ ...grant, start: 2n ** 64n })).toEqual([
      { field: "start", message: "The start must be a time in seconds (uint64)" },
    ]);
    expect(errorsOf({ ...grant, cliff: 365n * DAY, memo: "" })).toEqual([]);
  });

  it("checks the amount against the treasury when its balance is known", () => {
    expect(errorsOf(grant, { treasury: { plm: 49_999n * PLM } })).toEqual([
      { field: "amount", message: "The treasury holds 49,999 PLM, less than 50,000 PLM" },
    ]);
    expect(errorsOf(grant, { treasury: { plm: 50_000n * PLM } })).toEqual([]);
  });
});

describe("treasury transfers", () => {
  it("transfers PLM with token.transfer(to, amount)", () => {
    const actions = actionsOf({ kind: "transferPlm", to: bob, amount: 1_250n * PLM + PLM / 2n });
    expect(actions[0].target).toBe(addresses.token);
    expect(decodeFunctionData({ abi: plenumTokenAbi, data: actions[0].calldata }).args).toEqual([
      bob,
      1_250n * PLM + PLM / 2n,
    ]);
    expect(summaries(actions)).toEqual([`Transfer 1,250.5 PLM from the treasury to ${bob}`]);
  });

  it("sends ETH as a call to the recipient with a value and no calldata", () => {
    const actions = actionsOf({ kind: "transferEth", to: bob, amount: parseEther("1.5") });
    expect(actions).toEqual([{ target: bob, value: parseEther("1.5"), calldata: "0x" }]);
    expect(summaries(actions)).toEqual([`Send 1.5 ETH from the treasury to ${bob}`]);
  });

  it("checks the recipient, the amount and the balance", () => {
    expect(errorsOf({ kind: "transferPlm", to: zeroAddress, amount: 0n })).toEqual([
      { field: "to", message: "The recipient cannot be the zero address" },
      { field: "amount", message: "The amount must be more than 0" },
    ]);
    expect(
      errorsOf({ kind: "transferEth", to: bob, amount: parseEther("2") }, { treasury: { eth: parseEther("1") } }),
    ).toEqual([{ field: "amount", message: "The treasury holds 1 ETH, less than 2 ETH" }]);
    expect(errorsOf({ kind: "transferPlm", to: bob, amount: 2n * PLM }, { treasury: { plm: PLM } })).toEqual([
      { field: "amount", message: "The treasury holds 1 PLM, less than 2 PLM" },
    ]);
  });
});
