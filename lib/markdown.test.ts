import { describe, expect, it } from "vitest";
import { markdownExcerpt, markdownToPlainText, parseInline, parseMarkdown, safeHref } from "./markdown";

describe("parseMarkdown blocks", () => {
  it("parses headings of three levels, deeper ones as level 3", () => {
    expect(parseMarkdown("# One\n## Two\n### Three\n#### Four")).toEqual([
      { type: "heading", level: 1, children: [{ type: "text", text: "One" }] },
      { type: "heading", level: 2, children: [{ type: "text", text: "Two" }] },
      { type: "heading", level: 3, children: [{ type: "text", text: "Three" }] },
      { type: "heading", level: 3, children: [{ type: "text", text: "Four" }] },
    ]);
  });

  it("does not treat #hashtag without a space as a heading", () => {
    expect(parseMarkdown("#notaheading")).toEqual([
      { type: "paragraph", children: [{ type: "text", text: "#notaheading" }] },
    ]);
  });

  it("joins consecutive lines into one paragraph and splits on blank lines", () => {
    expect(parseMarkdown("first line\nsecond line\n\nnext paragraph")).toEqual([
      { type: "paragraph", children: [{ type: "text", text: "first line second line" }] },
      { type: "paragraph", children: [{ type: "text", text: "next paragraph" }] },
    ]);
  });

  it("parses bullet lists with -, * and +, and continuation lines", () => {
    expect(parseMarkdown("- a\n* b\n  more of b\n+ c")).toEqual([
      {
        type: "list",
        ordered: false,
        start: 1,
        items: [[{ type: "text", text: "a" }], [{ type: "text", text: "b more of b" }], [{ type: "text", text: "c" }]],
      },
    ]);
  });

  it("parses numbered lists keeping the start number", () => {
    expect(parseMarkdown("3. three\n4) four")).toEqual([
      {
        type: "list",
        ordered: true,
        start: 3,
        items: [[{ type: "text", text: "three" }], [{ type: "text", text: "four" }]],
      },
    ]);
  });

  it("ends a paragraph where a list or heading starts", () => {
    const blocks = parseMarkdown("intro\n- item\n## Next");
    expect(blocks.map((block) => block.type)).toEqual(["paragraph", "list", "heading"]);
  });

  it("keeps fenced code verbatim, markup and HTML included, with its language", () => {
    expect(parseMarkdown("```solidity\nfunction f() { **x** }\n<b>hi</b>\n\n```\nafter")).toEqual([
      { type: "code", language: "solidity", text: "function f() { **x** }\n<b>hi</b>\n" },
      { type: "paragraph", children: [{ type: "text", text: "after" }] },
    ]);
  });

  it("runs an unclosed fence to the end of the source", () => {
    expect(parseMarkdown("```\ncode")).toEqual([{ type: "code", language: "", text: "code" }]);
  });

  it("handles CRLF line endings and empty input", () => {
    expect(parseMarkdown("# T\r\nbody")).toHaveLength(2);
    expect(parseMarkdown("")).toEqual([]);
    expect(parseMarkdown("\n\n  \n")).toEqual([]);
  });
});

describe("parseInline", () => {
  it("parses bold, italic and inline code", () => {
    expect(parseInline("a **bold** and *it* and _it2_ and `x*y*`")).toEqual([
      { type: "text", text: "a " },
      { type: "strong", children: [{ type: "text", text: "bold" }] },
      { type: "text", text: " and " },
      { type: "em", children: [{ type: "text", text: "it" }] },
      { type: "text", text: " and " },
      { type: "em", children: [{ type: "text", text: "it2" }] },
      { type: "text", text: " and " },
      { type: "code", text: "x*y*" },
    ]);
  });

  it("nests italic inside bold", () => {
    expect(parseInline("**very *much* more**")).toEqual([
      {
        type: "strong",
        children: [
          { type: "text", text: "very " },
          { type: "em", children: [{ type: "text", text: "much" }] },
          { type: "text", text: " more" },
        ],
      },
    ]);
  });

  it("leaves unmatched markers, intraword underscores and lone asterisks as text", () => {
    expect(parseInline("2 * 3 = 6, snake_case_name, **open")).toEqual([
      { type: "text", text: "2 * 3 = 6, snake_case_name, **open" },
    ]);
  });

  it("links [text](url) for http and https URLs", () => {
    expect(parseInline("see [the forum](https://forum.example/t/1) now")).toEqual([
      { type: "text", text: "see " },
      { type: "link", href: "https://forum.example/t/1", children: [{ type: "text", text: "the forum" }] },
      { type: "text", text: " now" },
    ]);
  });

  it("shows links with other schemes as literal text", () => {
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>x</script>",
      "/relative",
      "vbscript:x",
    ]) {
      expect(parseInline(`[click](${url})`)).toEqual([{ type: "text", text: `[click](${url})` }]);
    }
  });

  it("links bare URLs without trailing punctuation", () => {
    expect(parseInline("Audit: https://audits.example/plenum.pdf.")).toEqual([
      { type: "text", text: "Audit: " },
      {
        type: "link",
        href: "https://audits.example/plenum.pdf",
        children: [{ type: "text", text: "https://audits.example/plenum.pdf" }],
      },
      { type: "text", text: "." },
    ]);
    expect(parseInline("(see http://a.example/x)")).toEqual([
      { type: "text", text: "(see " },
      { type: "link", href: "http://a.example/x", children: [{ type: "text", text: "http://a.example/x" }] },
      { type: "text", text: ")" },
    ]);
  });

  it("does not link a URL inside a word or a non-http scheme", () => {
    expect(parseInline("xhttps://a.example ftp://a.example")).toEqual([
      { type: "text", text: "xhttps://a.example ftp://a.example" },
    ]);
  });

  it("keeps HTML as literal text", () => {
    const source = '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=1">';
    expect(parseInline(source)).toEqual([{ type: "text", text: source }]);
  });

  it("honours backslash escapes", () => {
    expect(parseInline("\\*not italic\\*")).toEqual([{ type: "text", text: "*not italic*" }]);
    expect(parseInline("*a \\* b*")).toEqual([{ type: "em", children: [{ type: "text", text: "a * b" }] }]);
  });

  it("does not close emphasis inside a code span", () => {
    expect(parseInline("*a `b*` c*")).toEqual([
      {
        type: "em",
        children: [
          { type: "text", text: "a " },
          { type: "code", text: "b*" },
          { type: "text", text: " c" },
        ],
      },
    ]);
  });

  it("links with bold labels and URLs with balanced parentheses", () => {
    expect(parseInline("[**spec**](https://x.example/a_(b))")).toEqual([
      {
        type: "link",
        href: "https://x.example/a_(b)",
        children: [{ type: "strong", children: [{ type: "text", text: "spec" }] }],
      },
    ]);
  });

  it("parses adversarial input in linear-ish time without deep recursion", () => {
    const started = performance.now();
    for (const unit of ["*a ", "_a ", "**a ", "[a ", "[a](", "`a ``b ", "*_"]) {
      parseMarkdown(unit.repeat(Math.ceil(200_000 / unit.length)));
    }
    expect(performance.now() - started).toBeLessThan(2_000);
    const nested = "*_".repeat(5_000) + "x" + "_*".repeat(5_000);
    expect(() => parseMarkdown(nested)).not.toThrow();
  });
});

describe("safeHref", () => {
  it("accepts only absolute http(s) URLs", () => {
    expect(safeHref("https://example.com")).toBe("https://example.com/");
    expect(safeHref("http://example.com/a?b=c")).toBe("http://example.com/a?b=c");
    expect(safeHref("javascript:alert(1)")).toBeUndefined();
    expect(safeHref(" https://example.com")).toBeUndefined();
    expect(safeHref("https://")).toBeUndefined();
    expect(safeHref("//example.com")).toBeUndefined();
  });
});

describe("plain text helpers", () => {
  const statement =
    "# Ada Compute\n\nI run **GPU clusters** and review [pricing](https://x.example).\n\n- safety\n- latency";

  it("strips markup", () => {
    expect(markdownToPlainText(statement)).toBe("Ada Compute I run GPU clusters and review pricing. safety latency");
  });

  it("cuts an excerpt at a word with an ellipsis", () => {
    expect(markdownExcerpt(statement, 30)).toBe("Ada Compute I run GPU…");
    expect(markdownExcerpt("short", 30)).toBe("short");
  });
});
