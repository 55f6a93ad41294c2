import { decodeFunctionData, zeroAddress, type Address } from "viem";
import { describe, expect, it } from "vitest";
import { modelRegistryAbi } from "../../contracts/abis.generated";
import { testAddresses as addresses } from "../test-fixtures";
import { actionsOf, alice, errorsOf, summaries } from "./test-helpers";

describe("model publishers", () => {
  it("verifies a publisher: setPublisher(publisher, true, name)", () => {
    const actions = actionsOf({ kind: "verifyPublisher", publisher: alice, name: "  Open Weights Lab " });
    const call = decodeFunctionData({ abi: modelRegistryAbi, data: actions[0].calldata });
    expect(actions[0].target).toBe(addresses.modelRegistry);
    expect(call.functionName).toBe("setPublisher");
    expect(call.args).toEqual([alice, true, "Open Weights Lab"]);
    expect(summaries(actions)).toEqual([`Verify model publisher "Open Weights Lab" (${alice})`]);
  });

  it("revokes a publisher: setPublisher(publisher, false, name)", () => {
    const actions = actionsOf({ kind: "revokePublisher", publisher: alice, name: "Open Weights Lab" });
    expect(decodeFunctionData({ abi: modelRegistryAbi, data: actions[0].calldata }).args).toEqual([
      alice,
      false,
      "Open Weights Lab",
    ]);
    expect(summaries(actions)).toEqual([`Revoke model publisher "Open Weights Lab" (${alice})`]);
  });

  it("checks the publisher's address and the name against MAX_FIELD_LENGTH", () => {
    expect(errorsOf({ kind: "verifyPublisher", publisher: zeroAddress, name: "" })).toEqual([
      { field: "publisher", message: "The publisher cannot be the zero address" },
      { field: "name", message: "Enter the publisher name" },
    ]);
    const long = errorsOf({ kind: "revokePublisher", publisher: alice, name: "é".repeat(129) });
    expect(long).toEqual([
      {
        field: "name",
        message:
          "The publisher name is 258 bytes; ModelRegistry allows 256 (UTF-8: accented letters and symbols take 2 to 4 bytes)",
      },
    ]);
    expect(errorsOf({ kind: "verifyPublisher", publisher: "0x1234" as Address, name: "x" })).toEqual([
      { field: "publisher", message: "Enter the publisher's address (0x followed by 40 hex digits)" },
    ]);
  });

  it("delists a model: delistModel(id, reason)", () => {
    const actions = actionsOf({ kind: "delistModel", modelId: 3n, reason: "Weights squatted" });
    expect(decodeFunctionData({ abi: modelRegistryAbi, data: actions[0].calldata }).args).toEqual([
      3n,
      "Weights squatted",
    ]);
    expect(summaries(actions)).toEqual(['Delist model #3: "Weights squatted"']);
  });

  it("checks the model id and asks for a reason", () => {
    expect(errorsOf({ kind: "delistModel", modelId: 0n, reason: " " })).toEqual([
      { field: "modelId", message: "Model ids start at 1 (ModelRegistry: UnknownModel)" },
      { field: "reason", message: "Give a reason: it is recorded on chain" },
    ]);
    expect(errorsOf({ kind: "delistModel", modelId: 5n, reason: "x" }, { modelCount: 4n })).toEqual([
      { field: "modelId", message: "There is no model #5: the registry holds models #1 to #4 (UnknownModel)" },
    ]);
  });
});
