import { decodeFunctionData, parseEther, stringToHex } from "viem";
import { describe, expect, it } from "vitest";
import { networkParametersAbi, plenumGovernorAbi } from "../contracts/abis.generated";
import { buildTemplateForm, templateForms, type FormTemplateKind } from "./template-form";
import { templateKinds } from "./templates";
import { testAddresses as addresses, testParameters as parameters } from "./test-fixtures";

describe("template forms", () => {
  it("cover every template but the custom call, which has its own form", () => {
    expect(Object.keys(templateForms).sort()).toEqual(templateKinds.filter((kind) => kind !== "customCall").sort());
  });

  it("read a parameter value in the parameter's unit and encode it", () => {
    const result = buildTemplateForm("parameterChange", { key: "inferenceFee", value: "0.25" }, addresses, {
      parameters,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const call = decodeFunctionData({ abi: networkParametersAbi, data: result.actions[0].calldata });
    expect(call.args).toEqual([stringToHex("inferenceFee", { size: 32 }), parseEther("0.25")]);
  });

  it("refuse a value out of bounds with the bounds shown", () => {
    const result = buildTemplateForm("parameterChange", { key: "maxLatency", value: "99999" }, addresses, {
      parameters,
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          field: "value",
          message: expect.stringContaining("within 100–5,000 ms, got 99,999 ms"),
        }),
      ],
    });
  });

  it("name every field that does not parse, before the template's own checks", () => {
    const result = buildTemplateForm(
      "grant",
      { beneficiary: "0x12", amount: "lots", start: "tomorrow", cliff: "1 day", duration: "1 year?", memo: "" },
      addresses,
      {},
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field)).toEqual(["beneficiary", "amount", "start", "duration"]);
  });

  it("read durations in days by default and in any unit given", () => {
    const result = buildTemplateForm("votingPeriod", { seconds: "6" }, addresses, {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(decodeFunctionData({ abi: plenumGovernorAbi, data: result.actions[0].calldata }).args).toEqual([6 * 86_400]);
    const hours = buildTemplateForm("votingPeriod", { seconds: "36h" }, addresses, {});
    expect(hours.ok && decodeFunctionData({ abi: plenumGovernorAbi, data: hours.actions[0].calldata }).args).toEqual([
      36 * 3_600,
    ]);
  });

  it("send no ETH with a raw call unless a value is typed", () => {
    const kind: FormTemplateKind = "rawCall";
    const plain = buildTemplateForm(kind, { target: addresses.token, calldata: "0x12345678" }, addresses, {});
    expect(plain.ok && plain.actions[0]).toEqual({ target: addresses.token, value: 0n, calldata: "0x12345678" });
    const paid = buildTemplateForm(kind, { target: addresses.token, calldata: "0x", value: "1.5" }, addresses, {});
    expect(paid.ok && paid.actions[0].value).toBe(parseEther("1.5"));
  });
});
