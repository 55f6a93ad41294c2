import { describe, expect, it } from "vitest";
import { collapsedPreview } from "./collapse";

const limit = { characters: 100, lines: 4 };

describe("collapsedPreview", () => {
  it("leaves a text that fits whole", () => {
    expect(collapsedPreview("short", limit)).toBeUndefined();
    expect(collapsedPreview("x".repeat(100), limit)).toBeUndefined();
    expect(collapsedPreview("1\n2\n3\n4", limit)).toBeUndefined();
  });

  it("cuts after the last line the limit allows", () => {
    expect(collapsedPreview("1\n2\n3\n4\n5\n6", limit)).toBe("1\n2\n3\n4");
  });

  it("cuts a long text at a paragraph break, else a line break, else a space, in the second half", () => {
    const paragraphs = `${"a".repeat(60)}\n\n${"b".repeat(60)}`;
    expect(collapsedPreview(paragraphs, limit)).toBe("a".repeat(60));
    const words = `${"word ".repeat(30)}`;
    expect(collapsedPreview(words, limit)).toBe("word ".repeat(20).trimEnd());
    expect(collapsedPreview(`${"a ".repeat(10)}${"x".repeat(200)}`, limit)).toBe(`${"a ".repeat(10)}${"x".repeat(80)}`);
  });

  it("never splits a surrogate pair", () => {
    const preview = collapsedPreview(`${"x".repeat(99)}🗳️${"y".repeat(50)}`, limit)!;
    expect(preview).toBe("x".repeat(99));
  });

  it("cuts 64 KB of spaces, newlines or one long word to the limit", () => {
    const bytes = 64 * 1024;
    expect(collapsedPreview(`a${" ".repeat(bytes)}b`, limit)).toBe("a");
    expect(collapsedPreview("a\n".repeat(bytes / 2), limit)).toBe("a\na\na\na");
    expect(collapsedPreview("x".repeat(bytes), limit)).toBe("x".repeat(100));
  });
});
