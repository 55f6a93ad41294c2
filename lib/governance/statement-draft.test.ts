import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { utf8Length } from "../format";
import {
  addFocusArea,
  checkDraft,
  draftFromStatement,
  draftStorageKey,
  formatCount,
  normalizeFocusAreas,
  parseStoredDraft,
  removeFocusArea,
  sameStatement,
  statementInput,
  statementLimits,
  type StatementDraft,
} from "./statement-draft";

const valid: StatementDraft = {
  displayName: "Ada Lovelace",
  statement: "# Why I vote\n\nI vote **for** cheaper inference.",
  focusAreas: ["GPU clusters", "Inference pricing"],
};

const problemsOf = (draft: Partial<StatementDraft>) => checkDraft({ ...valid, ...draft }).problems;

describe("statementLimits", () => {
  it("mirrors the constants of DelegateStatements.sol", () => {
    const source = readFileSync(new URL("../../contracts/src/DelegateStatements.sol", import.meta.url), "utf8");
    const constant = (name: string) => Number(new RegExp(`${name} = ([\\d_]+);`).exec(source)![1].replace(/_/g, ""));
    expect(statementLimits).toEqual({
      displayNameBytes: constant("MAX_DISPLAY_NAME_LENGTH"),
      statementBytes: constant("MAX_STATEMENT_LENGTH"),
      focusAreas: constant("MAX_FOCUS_AREAS"),
      focusAreaBytes: constant("MAX_FOCUS_AREA_LENGTH"),
    });
    expect(statementLimits).toEqual({ displayNameBytes: 64, statementBytes: 8192, focusAreas: 8, focusAreaBytes: 32 });
  });
});

describe("utf8Length", () => {
  it("counts UTF-8 bytes, not characters", () => {
    expect(utf8Length("")).toBe(0);
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("€")).toBe(3);
    expect(utf8Length("日本")).toBe(6);
    expect(utf8Length("🚀")).toBe(4);
    expect("🚀".length).toBe(2);
    expect(utf8Length("GPU 🚀 é")).toBe(4 + 4 + 1 + 2);
  });

  it("formats counts with thousands separators", () => {
    expect(formatCount(8192)).toBe("8,192");
    expect(formatCount(12)).toBe("12");
  });
});

describe("checkDraft", () => {
  it("accepts a statement within every limit", () => {
    const check = checkDraft(valid);
    expect(check.problems).toEqual([]);
    expect(check.bytes.displayName).toBe(12);
    expect(check.input).toEqual(valid);
  });

  it("requires a display name and a statement, ignoring surrounding spaces", () => {
    expect(problemsOf({ displayName: "  " })).toEqual([
      { field: "displayName", kind: "missing", message: "Enter a display name." },
    ]);
    expect(problemsOf({ statement: "\n \n" })).toEqual([
      { field: "statement", kind: "missing", message: "Write your statement." },
    ]);
  });

  it("limits the display name to 64 bytes, multi-byte characters counted as the contract does", () => {
    expect(problemsOf({ displayName: "a".repeat(64) })).toEqual([]);
    expect(problemsOf({ displayName: "é".repeat(32) })).toEqual([]);
    const [problem] = problemsOf({ displayName: "é".repeat(33) });
    expect(problem.field).toBe("displayName");
    expect(problem.message).toBe("The display name is 66 bytes; the limit is 64 bytes.");
  });

  it("limits the statement to 8,192 bytes, not characters", () => {
    expect(problemsOf({ statement: "a".repeat(8192) })).toEqual([]);
    // 2,731 three-byte characters: 2,731 characters, 8,193 bytes.
    const euros = "€".repeat(2731);
    expect(euros.length).toBeLessThan(8192);
    const check = checkDraft({ ...valid, statement: euros });
    expect(check.bytes.statement).toBe(8193);
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0].field).toBe("statement");
    expect(check.problems[0].message).toContain("The statement is 8,193 bytes; the limit is 8,192 bytes");
    expect(check.problems[0].message).toContain("Shorten it by 1 byte.");
    expect(problemsOf({ statement: "€".repeat(2730) + "ab" })).toEqual([]);
  });

  it("limits focus areas to 8, each 1..32 bytes", () => {
    const eight = Array.from({ length: 8 }, (_, i) => `area ${i}`);
    expect(problemsOf({ focusAreas: eight })).toEqual([]);
    expect(problemsOf({ focusAreas: [...eight, "area 8"] })).toEqual([
      { field: "focusAreas", kind: "limit", message: "9 focus areas; the limit is 8." },
    ]);
    expect(problemsOf({ focusAreas: ["x".repeat(32)] })).toEqual([]);
    expect(problemsOf({ focusAreas: ["ü".repeat(17)] })).toEqual([
      {
        field: "focusAreas",
        kind: "limit",
        message: `The focus area "${"ü".repeat(17)}" is 34 bytes; the limit is 32 bytes.`,
      },
    ]);
    // Empty ones are dropped, never sent (the contract refuses a 0-byte focus area).
    expect(checkDraft({ ...valid, focusAreas: ["", "  ", "Treasury"] }).input.focusAreas).toEqual(["Treasury"]);
  });

  it("checks duplicates away before counting: nine entries that are eight areas pass", () => {
    const eight = Array.from({ length: 8 }, (_, i) => `area ${i}`);
    expect(problemsOf({ focusAreas: [...eight, " AREA 0 "] })).toEqual([]);
  });

  it("reports every problem at once, in field order", () => {
    const fields = checkDraft({ displayName: "", statement: "", focusAreas: ["y".repeat(33)] }).problems.map(
      (problem) => problem.field,
    );
    expect(fields).toEqual(["displayName", "statement", "focusAreas"]);
  });
});

describe("focus areas", () => {
  it("normalizes: trims, drops empty ones, dedupes in any case keeping the first spelling and the order", () => {
    expect(normalizeFocusAreas([" GPU clusters ", "", "gpu CLUSTERS", "Treasury", "  ", "treasury"])).toEqual([
      "GPU clusters",
      "Treasury",
    ]);
  });

  it("adds a trimmed area, refusing empty, duplicate, over-long ones and a ninth", () => {
    expect(addFocusArea(["Treasury"], "  Open models ")).toEqual({ ok: true, areas: ["Treasury", "Open models"] });
    expect(addFocusArea([], "   ")).toEqual({ ok: false, reason: "Type a focus area first." });
    expect(addFocusArea(["Treasury"], "TREASURY")).toEqual({
      ok: false,
      reason: '"TREASURY" is already in your focus areas.',
    });
    const long = addFocusArea([], "日本語".repeat(4));
    expect(long.ok).toBe(false);
    expect(!long.ok && long.reason).toBe('A focus area is at most 32 bytes; "日本語日本語日本語日本語" is 36 bytes.');
    const eight = Array.from({ length: 8 }, (_, i) => `area ${i}`);
    expect(addFocusArea(eight, "one more")).toEqual({
      ok: false,
      reason: "At most 8 focus areas: remove one before adding another.",
    });
  });

  it("removes an area in any case", () => {
    expect(removeFocusArea(["GPU clusters", "Treasury"], "gpu clusters")).toEqual(["Treasury"]);
    expect(removeFocusArea(["Treasury"], "Grants")).toEqual(["Treasury"]);
  });
});

describe("statementInput and sameStatement", () => {
  it("sends the trimmed name and text and the normalized focus areas", () => {
    expect(statementInput({ displayName: " Ada ", statement: "\nHello\n", focusAreas: ["a", " A", "b "] })).toEqual({
      displayName: "Ada",
      statement: "Hello",
      focusAreas: ["a", "b"],
    });
  });

  it("compares what would be published", () => {
    expect(sameStatement(valid, { ...valid, displayName: ` ${valid.displayName}` })).toBe(true);
    expect(sameStatement(valid, { ...valid, focusAreas: [...valid.focusAreas].reverse() })).toBe(false);
    expect(sameStatement(valid, { ...valid, statement: "other" })).toBe(false);
  });
});

describe("stored drafts", () => {
  it("are kept under one key per address, in lower case", () => {
    expect(draftStorageKey("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")).toBe(
      "plenum:statement-draft:0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
    );
  });

  it("round-trip through JSON as localStorage keeps it, multi-byte text included", () => {
    const draft = { displayName: "Zoë 🚀", statement: "Über **alles**", focusAreas: ["Treasury", "データ"] };
    expect(parseStoredDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  it("ignore anything that is not a draft", () => {
    expect(parseStoredDraft(null)).toBeUndefined();
    expect(parseStoredDraft("")).toBeUndefined();
    expect(parseStoredDraft({ displayName: "a", statement: "b" })).toBeUndefined();
    expect(parseStoredDraft({ displayName: "a", statement: "b", focusAreas: [1] })).toBeUndefined();
  });

  it("start from the published statement, or empty", () => {
    expect(draftFromStatement()).toEqual({ displayName: "", statement: "", focusAreas: [] });
    expect(draftFromStatement({ displayName: "Ada", text: "Hi", focusAreas: ["Treasury"] })).toEqual({
      displayName: "Ada",
      statement: "Hi",
      focusAreas: ["Treasury"],
    });
  });
});
