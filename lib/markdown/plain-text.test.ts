import { describe, expect, it } from "vitest";
import { markdownExcerpt, markdownToPlainText } from "./plain-text";

const statement =
  "# Ada Compute\n\nI run **GPU clusters** and review [pricing](https://x.example).\n\n- safety\n- latency";

describe("markdownToPlainText", () => {
  it("strips markup and joins blocks with spaces", () => {
    expect(markdownToPlainText(statement)).toBe("Ada Compute I run GPU clusters and review pricing. safety latency");
  });

  it("keeps code, image alt text and raw HTML as text", () => {
    expect(markdownToPlainText("`a*b` ![chart](https://i.example/c.png) <b>x</b>\n\n```\ncode\n```")).toBe(
      "a*b chart <b>x</b> code",
    );
  });
});

describe("markdownExcerpt", () => {
  it("cuts at a word with an ellipsis", () => {
    expect(markdownExcerpt(statement, 30)).toBe("Ada Compute I run GPU…");
    expect(markdownExcerpt("short", 30)).toBe("short");
  });

  it("reads only the start of a long text", () => {
    expect(markdownExcerpt(`Intro. ${"[".repeat(64 * 1024)}`, 10)).toBe("Intro.…");
  });
});
