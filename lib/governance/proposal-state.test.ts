import { describe, expect, it } from "vitest";
import { plenumGovernorAbi } from "../contracts/abis.generated";
import { ProposalState, proposalStateNames } from "./proposal-state";

describe("ProposalState", () => {
  it("maps names to the contract's enum values", () => {
    expect(ProposalState.Pending).toBe(0);
    expect(ProposalState.Queued).toBe(5);
    expect(ProposalState.Executed).toBe(7);
    expect(proposalStateNames[ProposalState.Defeated]).toBe("Defeated");
    proposalStateNames.forEach((name, value) => expect(ProposalState[name]).toBe(value));
  });

  it("has as many states as the governor's enum (checked against the ABI's state() output type)", () => {
    const state = plenumGovernorAbi.find((item) => item.type === "function" && item.name === "state");
    expect(state && "outputs" in state ? state.outputs[0].internalType : "").toBe("enum IGovernor.ProposalState");
    expect(proposalStateNames.length).toBe(8);
  });
});
