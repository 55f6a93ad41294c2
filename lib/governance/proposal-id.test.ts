import { describe, expect, it } from "vitest";
import { parseProposalId } from "./proposal-id";

describe("parseProposalId", () => {
  it("accepts decimal uint256 values", () => {
    expect(parseProposalId("42")).toBe(42n);
    expect(parseProposalId((2n ** 256n - 1n).toString())).toBe(2n ** 256n - 1n);
  });

  it("rejects anything else", () => {
    for (const segment of ["", "abc", "0x2a", "-1", "1.5", " 1", (2n ** 256n).toString(), "1".repeat(79)]) {
      expect(parseProposalId(segment)).toBeUndefined();
    }
  });
});
