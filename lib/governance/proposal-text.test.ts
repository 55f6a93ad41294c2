import { describe, expect, it } from "vitest";
import { composeDescription, descriptionTemplate, matchesSearch, splitDescription } from "./proposal-text";

describe("splitDescription", () => {
  it("takes the first markdown heading as the title and leaves the rest as the body", () => {
    expect(splitDescription("# Raise the fee\n\n## Summary\nProviders run at a loss.")).toEqual({
      title: "Raise the fee",
      body: "## Summary\nProviders run at a loss.",
    });
  });

  it("falls back to the first non-empty line", () => {
    expect(splitDescription("\n  Plain title  \nSecond line")).toEqual({ title: "Plain title", body: "Second line" });
  });

  it("finds a heading below an intro line and keeps the intro in the body", () => {
    expect(splitDescription("Draft v2\n## Lower latency ##\ntext")).toEqual({
      title: "Lower latency",
      body: "Draft v2\ntext",
    });
  });

  it("names an empty description", () => {
    expect(splitDescription("  \n")).toEqual({ title: "Untitled proposal", body: "" });
  });
});

describe("matchesSearch", () => {
  const proposal = { title: "Raise the inference fee", description: "Provider costs rose 22% with H200 leases" };

  it("matches every word anywhere in the title or description, case-insensitively", () => {
    expect(matchesSearch(proposal, "FEE h200")).toBe(true);
    expect(matchesSearch(proposal, "  ")).toBe(true);
    expect(matchesSearch(proposal, "fee subsidy")).toBe(false);
  });
});

describe("composeDescription", () => {
  const proposer = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  it("ends with the proposer suffix OpenZeppelin checks, and reads back as the same title and body", () => {
    const description = composeDescription("  Raise the fee ", "## Summary\nWhy.\n", proposer);
    expect(description.endsWith(`\n\n#proposer=${proposer}`)).toBe(true);
    expect(splitDescription(description)).toEqual({ title: "Raise the fee", body: "## Summary\nWhy." });
  });

  it("pre-fills every section the DAO asks for", () => {
    const { title, body } = splitDescription(`# T\n\n${descriptionTemplate()}`);
    expect(title).toBe("T");
    for (const section of [
      "Summary",
      "Technical specification",
      "Audit report",
      "Treasury impact analysis",
      "Discussion",
    ]) {
      expect(body).toContain(`## ${section}`);
    }
  });
});
