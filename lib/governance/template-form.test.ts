import { decodeFunctionData, parseEther, stringToHex } from "viem";
import { describe, expect, it } from "vitest";
import { disputeModuleAbi, networkParametersAbi, plenumGovernorAbi } from "../contracts/abis.generated";
import { buildTemplateForm, templateForms, type FormTemplateKind } from "./template-form";
import { templateKinds } from "./templates";
import { testAddresses as addresses, testGuardian as guardian, testParameters as parameters } from "./test-fixtures";

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

  it("read the end of the guardian's term as a UTC date", () => {
    const context = { guardian, now: 1_767_225_600n };
    const result = buildTemplateForm("guardianTermEnd", { termEnd: "2027-06-30 12:00" }, addresses, context);
    expect(result.ok && decodeFunctionData({ abi: plenumGovernorAbi, data: result.actions[0].calldata }).args).toEqual([
      Date.UTC(2027, 5, 30, 12) / 1000,
    ]);
    const unparsed = buildTemplateForm("guardianTermEnd", { termEnd: "next summer" }, addresses, context);
    expect(!unparsed.ok && unparsed.errors.map((error) => error.field)).toEqual(["termEnd"]);
  });

  it("read a slash: the ground picked as its index, the amount in PLM", () => {
    const expert = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    const texts = { expert, ground: "1", disputeId: "3", amount: "1,500", reason: "Ruled without reading it." };
    const result = buildTemplateForm("slashExpert", texts, addresses, {});
    expect(result.ok && decodeFunctionData({ abi: disputeModuleAbi, data: result.actions[0].calldata }).args).toEqual([
      expert,
      parseEther("1500"),
      1,
      3n,
      "Ruled without reading it.",
    ]);
    const unpicked = buildTemplateForm("slashExpert", { ...texts, expert: "", ground: "" }, addresses, {});
    expect(!unpicked.ok && unpicked.errors.map((error) => error.field)).toEqual(["expert", "ground"]);
  });
});
