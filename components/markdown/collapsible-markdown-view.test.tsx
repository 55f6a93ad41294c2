import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { hostileMarkdown } from "@/lib/markdown/hostile-inputs";
import { CollapsibleMarkdownView } from "./collapsible-markdown-view";

const render = (source: string) => renderToStaticMarkup(<CollapsibleMarkdownView source={source} />);

describe("CollapsibleMarkdownView", () => {
  it("shows a short text whole, without a button", () => {
    const html = render("I vote **for**.");
    expect(html).toContain("<strong>for</strong>");
    expect(html).not.toContain("<button");
  });

  it("shows the start of a long text and a Show all button that says it is collapsed", () => {
    const paragraphs = Array.from({ length: 40 }, (_, index) => `Paragraph ${index + 1}.`).join("\n\n");
    const html = render(paragraphs);
    expect(html).toContain("Paragraph 1.");
    expect(html).not.toContain("Paragraph 40.");
    expect(html).toMatch(/<button type="button" data-testid="show-all" aria-expanded="false" aria-controls="[^"]+"/);
    expect(html).toContain(">Show all</button>");
    const controlled = /aria-controls="([^"]+)"/.exec(html)![1];
    expect(html).toContain(`id="${controlled}"`);
  });

  it("collapses 64 KB of hostile text to a bounded preview", () => {
    for (const [name, make] of Object.entries(hostileMarkdown)) {
      const html = render(make(64 * 1024));
      expect(html, name).toContain(">Show all</button>");
      expect(html.length, name).toBeLessThan(20_000);
    }
  });
});
