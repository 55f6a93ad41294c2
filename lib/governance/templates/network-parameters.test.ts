import { decodeFunctionData, parseEther, stringToHex } from "viem";
import { describe, expect, it } from "vitest";
import { networkParametersAbi } from "../../contracts/abis.generated";
import { testAddresses as addresses, testParameters as parameters } from "../test-fixtures";
import { parameterChangeLine, parameterKey, validateParameterValue } from ".";
import { actionsOf, errorsOf, summaries } from "./test-helpers";

describe("network parameter change", () => {
  it("encodes setParameter(key, value) and decodes to the change with its bounds", () => {
    const actions = actionsOf({ kind: "parameterChange", key: "inferenceFee", value: parseEther("0.25") });
    expect(actions).toHaveLength(1);
    expect(actions[0].target).toBe(addresses.networkParameters);
    expect(actions[0].value).toBe(0n);
    const call = decodeFunctionData({ abi: networkParametersAbi, data: actions[0].calldata });
    expect(call.functionName).toBe("setParameter");
    expect(call.args).toEqual([stringToHex("inferenceFee", { size: 32 }), parseEther("0.25")]);
    expect(summaries(actions)).toEqual([
      "inferenceFee: 0.20 → 0.25 PLM per 1k tokens (bounds 0.01–2.00 PLM per 1k tokens)",
    ]);
  });

  it("refuses a value outside the bounds, showing them in the parameter's unit", () => {
    expect(errorsOf({ kind: "parameterChange", key: "inferenceFee", value: parseEther("2.5") })).toEqual([
      {
        field: "value",
        message:
          "inferenceFee must be within 0.01–2.00 PLM per 1k tokens, got 2.5 PLM per 1k tokens " +
          "(NetworkParameters reverts with ParameterOutOfBounds)",
      },
    ]);
    expect(errorsOf({ kind: "parameterChange", key: "providerRewardRate", value: 4_999n })).toEqual([
      {
        field: "value",
        message:
          "providerRewardRate must be within 50%–95%, got 49.99% (NetworkParameters reverts with ParameterOutOfBounds)",
      },
    ]);
    expect(validateParameterValue("maxLatency", 100n, parameters.get("maxLatency")!)).toEqual([]);
    expect(validateParameterValue("maxLatency", 99n, parameters.get("maxLatency")!)[0].message).toMatch(
      /^maxLatency must be within 100–5,000 ms, got 99 ms/,
    );
  });

  it("refuses an unknown key, a key longer than 32 bytes, and bounds not loaded", () => {
    expect(errorsOf({ kind: "parameterChange", key: "gasPrice", value: 1n })).toEqual([
      { field: "key", message: '"gasPrice" is not a network parameter (NetworkParameters: UnknownParameter)' },
    ]);
    expect(errorsOf({ kind: "parameterChange", key: "x".repeat(33), value: 1n })[0].field).toBe("key");
    expect(errorsOf({ kind: "parameterChange", key: "inferenceFee", value: 1n }, {})).toEqual([
      { field: "key", message: "The network parameters are not loaded yet" },
    ]);
  });

  it("writes the change line with the relative change", () => {
    const fee = parameters.get("inferenceFee")!;
    expect(parameterChangeLine(fee, parseEther("0.25"))).toBe("0.20 → 0.25 PLM per 1k tokens (+25%)");
    expect(parameterChangeLine(fee, parseEther("0.15"))).toBe("0.20 → 0.15 PLM per 1k tokens (-25%)");
    expect(parameterChangeLine(fee, parseEther("0.2"))).toBe("0.20 → 0.20 PLM per 1k tokens (no change)");
    expect(parameterChangeLine(parameters.get("providerRewardRate")!, 6_000n)).toBe("80% → 60% (-25%)");
    expect(parameterChangeLine(parameters.get("maxLatency")!, 900n)).toBe("800 → 900 ms (+12.5%)");
    expect(parameterChangeLine(parameters.get("openModelSubsidy")!, 1_000n)).toBe("0% → 10%");
  });

  it("derives the bytes32 key from the name", () => {
    expect(parameterKey("minUptime")).toBe(stringToHex("minUptime", { size: 32 }));
  });
});
