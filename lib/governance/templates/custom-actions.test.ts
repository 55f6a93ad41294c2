import { decodeFunctionData, parseAbiItem, zeroAddress, type AbiFunction, type Address, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { disputeModuleAbi, plenumTokenAbi } from "../../contracts/abis.generated";
import { decodeAction } from "../actions";
import { testAddresses as addresses } from "../test-fixtures";
import { encodeTemplate } from ".";
import { actionsOf, alice, bob, decodeContext, errorsOf, PLM, summaries } from "./test-helpers";

describe("custom actions", () => {
  const transfer = parseAbiItem("function transfer(address to, uint256 amount) returns (bool)") as AbiFunction;
  const deposit = parseAbiItem("function deposit((address to, uint96 amount)[] items) payable") as AbiFunction;
  const outside: Address = "0x000000000000000000000000000000000000dEaD";

  it("encodes a function call from its ABI item and text inputs", () => {
    const actions = actionsOf({
      kind: "customCall",
      target: addresses.token,
      fn: transfer,
      inputs: [bob.toLowerCase(), "1000000000000000000"],
      value: 0n,
    });
    expect(decodeFunctionData({ abi: plenumTokenAbi, data: actions[0].calldata })).toMatchObject({
      functionName: "transfer",
      args: [bob, PLM],
    });
    expect(summaries(actions)).toEqual([`Transfer 1 PLM from the treasury to ${bob}`]);
  });

  it("encodes an enum argument (uint8 in the ABI) of a system function, such as slashExpert's ground", () => {
    const slashExpert = disputeModuleAbi.find(
      (item): item is Extract<(typeof disputeModuleAbi)[number], { type: "function" }> =>
        item.type === "function" && item.name === "slashExpert",
    )!;
    expect(slashExpert.inputs[2]).toMatchObject({ type: "uint8", internalType: "enum IDisputePanelAdmin.SlashGround" });
    const input = (ground: string) =>
      ({
        kind: "customCall",
        target: addresses.disputeModule,
        fn: slashExpert,
        inputs: [alice, "1000e18", ground, "3", "Ruled without reading the evidence."],
        value: 0n,
      }) as const;
    const actions = actionsOf(input("2"));
    expect(decodeFunctionData({ abi: disputeModuleAbi, data: actions[0].calldata }).args).toEqual([
      alice,
      1_000n * PLM,
      2,
      3n,
      "Ruled without reading the evidence.",
    ]);
    expect(summaries(actions)[0]).toContain("for not ruling before the dispute timed out on dispute #3");
    expect(errorsOf(input("256"))[0]).toMatchObject({ field: "inputs.2" });
  });

  it("encodes a payable call with tuples on an outside contract", () => {
    const actions = actionsOf({
      kind: "customCall",
      target: outside,
      fn: deposit,
      inputs: [`[{"to": "${alice}", "amount": "5"}]`],
      value: 1n,
    });
    expect(actions[0]).toMatchObject({ target: outside, value: 1n });
    expect(decodeFunctionData({ abi: [deposit], data: actions[0].calldata }).args).toEqual([
      [{ to: alice, amount: 5n }],
    ]);
    expect(decodeAction(actions[0], decodeContext).summary).toBe(
      `Unknown call to ${outside} (sending 0.000000000000000001 ETH)`,
    );
  });

  it("reports argument errors by input index, and ETH sent to a non-payable function", () => {
    expect(
      errorsOf({ kind: "customCall", target: zeroAddress, fn: transfer, inputs: ["0x12", "-1"], value: 1n }),
    ).toEqual([
      { field: "target", message: "The target contract cannot be the zero address" },
      { field: "value", message: "transfer is not payable: sending ETH with it reverts" },
      { field: "inputs.0", message: 'to: "0x12" is not an address (0x followed by 40 hex digits)' },
      { field: "inputs.1", message: "amount: -1 does not fit uint256 (0 to 2^256 - 1)" },
    ]);
    expect(errorsOf({ kind: "customCall", target: outside, fn: transfer, inputs: [], value: 0n })).toEqual([
      { field: "inputs", message: "transfer takes 2 arguments, got 0" },
    ]);
    expect(() =>
      encodeTemplate({ kind: "customCall", target: outside, fn: transfer, inputs: ["x", "1"], value: 0n }, addresses),
    ).toThrow(/Invalid custom call/);
  });

  it("passes raw calldata through, with an optional value", () => {
    const calldata: Hex = `0xA9059CBB${"00".repeat(64)}`;
    const actions = actionsOf({ kind: "rawCall", target: outside, calldata: ` ${calldata} `, value: 0n });
    expect(actions).toEqual([{ target: outside, value: 0n, calldata: calldata.toLowerCase() }]);
    expect(actionsOf({ kind: "rawCall", target: outside, calldata: "", value: 5n })).toEqual([
      { target: outside, value: 5n, calldata: "0x" },
    ]);
  });

  it("validates raw calldata", () => {
    expect(errorsOf({ kind: "rawCall", target: outside, calldata: "0xzz", value: 0n })).toEqual([
      { field: "calldata", message: "Calldata must be hex: 0x followed by an even number of hex digits" },
    ]);
    expect(errorsOf({ kind: "rawCall", target: outside, calldata: "0x123", value: 0n })[0].field).toBe("calldata");
    expect(errorsOf({ kind: "rawCall", target: outside, calldata: "0x1234", value: 0n })).toEqual([
      {
        field: "calldata",
        message: "Calldata is either empty or starts with a 4-byte function selector (0x + 8 hex digits)",
      },
    ]);
    expect(errorsOf({ kind: "rawCall", target: outside, calldata: "0x", value: 0n })).toEqual([
      { field: "calldata", message: "An empty call that sends no ETH does nothing: add calldata or a value" },
    ]);
    expect(errorsOf({ kind: "rawCall", target: outside, calldata: "0x", value: -1n })).toContainEqual({
      field: "value",
      message: "The ETH value cannot be negative",
    });
  });
});
