import { BaseError, encodeErrorResult, stringToHex } from "viem";
import { describe, expect, it } from "vitest";
import { networkParametersAbi, timelockControllerAbi } from "./abis.generated";
import { decodeRevertData, describeError, findRevertData } from "./errors";

const fee = stringToHex("inferenceFee", { size: 32 });

describe("revert decoding", () => {
  it("names a custom error with its arguments", () => {
    const data = encodeErrorResult({
      abi: networkParametersAbi,
      errorName: "ParameterOutOfBounds",
      args: [fee, 5n, 1n, 2n],
    });
    expect(decodeRevertData(data)).toEqual({ name: "ParameterOutOfBounds", args: [fee, 5n, 1n, 2n] });
  });

  it("names an error of another contract of the system (a timelock error inside a governor call)", () => {
    const data = encodeErrorResult({
      abi: timelockControllerAbi,
      errorName: "TimelockUnexpectedOperationState",
      args: [fee, stringToHex("", { size: 32 })],
    });
    expect(decodeRevertData(data)?.name).toBe("TimelockUnexpectedOperationState");
  });

  it("returns undefined for a selector no Plenum ABI knows", () => {
    expect(decodeRevertData("0xdeadbeef")).toBeUndefined();
  });

  it("finds revert data nested in a viem error and explains it by name", () => {
    const data = encodeErrorResult({ abi: networkParametersAbi, errorName: "UnknownParameter", args: [fee] });
    const error = new BaseError("Execution reverted", { cause: Object.assign(new Error("inner"), { data }) });
    expect(findRevertData(error)).toBe(data);
    expect(describeError(error)).toBe(`reverted with UnknownParameter("${fee}")`);
  });

  it("says so when the selector is unknown, and falls back to the message without data", () => {
    const unknown = new BaseError("Execution reverted", {
      cause: Object.assign(new Error("x"), { data: "0x12345678" }),
    });
    expect(describeError(unknown)).toMatch(/unknown error 0x12345678/);
    expect(describeError(new Error("connection refused"))).toBe("connection refused");
  });
});
