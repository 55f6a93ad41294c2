import { describe, expect, it } from "vitest";
import { hostileDescriptions } from "../markdown/hostile-inputs";
import { composeDescription, descriptionTemplate, splitDescription } from "./proposal-text";

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

  it("drops a heading's closing hashes only after a space", () => {
    expect(splitDescription("# Fee ##\nbody").title).toBe("Fee");
    expect(splitDescription("# Fee\t#\nbody").title).toBe("Fee");
    expect(splitDescription("# C#\nbody").title).toBe("C#");
    expect(splitDescription("# ###\nbody").title).toBe("###");
  });

  it("drops the #proposer= suffix with the space around it, and only a well-formed one at the end", () => {
    const proposer = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    expect(splitDescription(`# T\n\nbody \t\n#proposer=${proposer}\n`)).toEqual({ title: "T", body: "body" });
    expect(splitDescription(`# T\n\nbody#proposer=${proposer}`).body).toBe("body");
    expect(splitDescription(`# T\n\n#proposer=${proposer} and more`).body).toBe(`#proposer=${proposer} and more`);
    expect(splitDescription(`# T\n\n#proposer=0x1234`).body).toBe("#proposer=0x1234");
  });
});

describe("splitDescription on hostile input (64 KB)", () => {
  const bytes = 64 * 1024;
  const split = (name: string) => splitDescription(hostileDescriptions[name](bytes));

  it("long runs of spaces in the body, with and without the suffix", () => {
    expect(split("spaces, no suffix")).toEqual({ title: "Title", body: "x" });
    expect(split("spaces before the suffix")).toEqual({ title: "Title", body: "" });
  });

  it("a long run of spaces inside the title", () => {
    expect(split("spaces in the title")).toEqual({ title: `Title${" ".repeat(bytes)}x`, body: "" });
  });

  it("tabs and hashes, and long runs of hashes", () => {
    expect(split("tabs and `#`").title).toBe(`${"\t#".repeat(bytes / 2).slice(1)} x`);
    expect(split("`#` runs")).toEqual({ title: `a ${"#".repeat(bytes)}b`, body: "" });
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
