import { BaseError, encodeErrorResult, parseEther, stringToHex, toHex, zeroAddress, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { networkParametersAbi, plenumGovernorAbi, plenumTokenAbi, timelockControllerAbi } from "./abis.generated";
import { decodeRevertData, describeError, findRevertData } from "./errors";

const fee = stringToHex("inferenceFee", { size: 32 });

function revertWith(data: Hex) {
  return new BaseError("Execution reverted", { cause: Object.assign(new Error("inner"), { data }) });
}

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
    expect(describeError(error)).toBe("There is no network parameter named inferenceFee. (UnknownParameter)");
  });

  it("shows an error without a sentence by name and arguments", () => {
    const data = encodeErrorResult({
      abi: plenumGovernorAbi,
      errorName: "GovernorInvalidProposalLength",
      args: [1n, 2n, 1n],
    });
    expect(describeError(revertWith(data))).toBe("reverted with GovernorInvalidProposalLength(1, 2, 1)");
  });

  it("says so when the selector is unknown, and falls back to the message without data", () => {
    const unknown = new BaseError("Execution reverted", {
      cause: Object.assign(new Error("x"), { data: "0x12345678" }),
    });
    expect(describeError(unknown)).toMatch(/unknown error 0x12345678/);
    expect(describeError(new Error("connection refused"))).toBe("connection refused");
  });
});

describe("revert sentences", () => {
  it("tells a proposer below the threshold what they need and what they have", () => {
    const data = encodeErrorResult({
      abi: plenumGovernorAbi,
      errorName: "GovernorInsufficientProposerVotes",
      args: [zeroAddress, parseEther("2500"), parseEther("10000")],
    });
    expect(describeError(revertWith(data))).toBe(
      "You need 10,000 PLM of voting power to propose; you have 2,500 PLM. (GovernorInsufficientProposerVotes)",
    );
  });

  it("shows enough decimals to tell two close amounts apart", () => {
    const data = encodeErrorResult({
      abi: plenumTokenAbi,
      errorName: "ERC20InsufficientBalance",
      args: [zeroAddress, parseEther("40000000"), parseEther("40000000") + 1n],
    });
    expect(describeError(revertWith(data))).toBe(
      "0x0000…0000 holds 40,000,000 PLM; this needs 40,000,000.000000000000000001 PLM. (ERC20InsufficientBalance)",
    );
  });

  it("reads the expected proposal states from the bitmap", () => {
    const succeededOrQueued = toHex((1n << 4n) | (1n << 5n), { size: 32 });
    const data = encodeErrorResult({
      abi: plenumGovernorAbi,
      errorName: "GovernorUnexpectedProposalState",
      args: [7n, 1, succeededOrQueued],
    });
    expect(describeError(revertWith(data))).toBe(
      "The proposal is Active; this needs it to be Succeeded or Queued. (GovernorUnexpectedProposalState)",
    );
  });

  it("explains a timelock operation that is not ready yet", () => {
    const ready = toHex(1n << 2n, { size: 32 });
    const data = encodeErrorResult({
      abi: timelockControllerAbi,
      errorName: "TimelockUnexpectedOperationState",
      args: [fee, ready],
    });
    expect(describeError(revertWith(data))).toBe(
      "The timelock operation must be Ready (its ETA reached) for this. (TimelockUnexpectedOperationState)",
    );
  });
});
