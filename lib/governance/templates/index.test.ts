import { describe, expect, it } from "vitest";
import { templateKinds, templates, treasuryOutflow, type TemplateInput } from ".";
import { alice, bob, DAY, PLM } from "./test-helpers";

describe("the template table", () => {
  it("has a title for every kind", () => {
    expect(templateKinds).toHaveLength(27);
    for (const kind of templateKinds) expect(templates[kind].title).not.toBe("");
  });

  it("sums what a proposal's templates take out of the treasury", () => {
    const inputs: TemplateInput[] = [
      { kind: "grant", beneficiary: alice, amount: 10n * PLM, start: 0n, cliff: 0n, duration: DAY, memo: "" },
      { kind: "transferPlm", to: bob, amount: 5n * PLM },
      { kind: "fundDisputeRewards", amount: PLM },
      { kind: "transferEth", to: bob, amount: 3n },
      { kind: "rawCall", target: bob, calldata: "0x", value: 2n },
      { kind: "disputeBond", amount: 500n * PLM },
    ];
    expect(treasuryOutflow(inputs)).toEqual({ plm: 16n * PLM, eth: 5n });
  });
});
