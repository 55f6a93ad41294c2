import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { hostileMarkdown } from "@/lib/markdown/hostile-inputs";
import { MarkdownView } from "./markdown-view";

const render = (source: string) => renderToStaticMarkup(<MarkdownView source={source} />);

/** The element names in rendered HTML. */
const tags = (html: string) => new Set([...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((match) => match[1]));

const allowedTags = new Set([
  "div",
  "p",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "blockquote",
  "pre",
  "code",
  "em",
  "strong",
  "del",
  "a",
  "span",
  "br",
  "hr",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "input",
]);

describe("MarkdownView", () => {
  it("starts headings at <h2>, the page keeping its own <h1>", () => {
    const html = render("# One\n\n## Two\n\n###### Six");
    expect(html).toContain(">One</h2>");
    expect(html).toContain(">Two</h3>");
    expect(html).toContain(">Six</h6>");
    expect(html).not.toContain("<h1");
  });

  it("shows raw HTML as text", () => {
    const html = render('<script>alert(1)</script>\n\nhi <img src=x onerror="alert(1)"> <b>bold</b>');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(tags(html)).toEqual(new Set(["div", "p"]));
  });

  it("links http(s) and mailto only, in a new tab without referrer", () => {
    const html = render("[forum](https://forum.example/t/1) [mail](mailto:ops@plenum.example)");
    expect(html).toContain('<a href="https://forum.example/t/1" target="_blank" rel="noopener noreferrer nofollow"');
    expect(html).toContain('href="mailto:ops@plenum.example"');
  });

  it("renders links with any other scheme, or none, as plain text", () => {
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,x",
      "vbscript:x",
      "ftp://files.example/a",
      "/relative",
      "//example.com",
    ]) {
      const html = render(`[click](${url})`);
      expect(tags(html), url).not.toContain("a");
      expect(html).toContain("[click](");
    }
    expect(tags(render("<javascript:alert(1)> ftp://files.example/a"))).not.toContain("a");
  });

  it("links bare URLs, leaving sentence punctuation and unpaired parentheses out", () => {
    const html = render("Audit: https://audits.example/plenum.pdf. (see http://a.example/x)");
    expect(html).toContain('href="https://audits.example/plenum.pdf"');
    expect(html).toContain(">https://audits.example/plenum.pdf</a>.");
    expect(html).toContain('href="http://a.example/x"');
    expect(html).toContain(">http://a.example/x</a>)");
  });

  it("shows images as links to the image, with their alt text, for http(s) images only", () => {
    const html = render("![Fee chart](https://img.example/chart.png) ![x](javascript:alert(1))");
    expect(tags(html)).not.toContain("img");
    expect(html).toMatch(/<a href="https:\/\/img\.example\/chart\.png"[^>]*>[^<]*Fee chart/);
    expect(html).not.toContain('href="javascript');
  });

  it("shows the real destination of a link whose text reads as another URL or domain", () => {
    const deceptive = render(
      "[paypal.com](https://evil.example/) and [https://forum.example/t/1](https://evil.example/t/1)",
    );
    expect(deceptive).toContain("(→ https://evil.example/)");
    expect(deceptive).toContain("(→ https://evil.example/t/1)");

    const honest = render(
      "[the forum](https://forum.example/t/1) [forum.example](https://forum.example/) [https://forum.example/t/1](https://forum.example/t/1) https://forum.example/t/2",
    );
    expect(honest).not.toContain("→");
  });

  it("shows the real destination of a link whose host is written in look-alike letters", () => {
    // The first "a" is Cyrillic: the link goes to xn--pple-43d.com, not apple.com.
    expect(render("https://\u0430pple.com/login")).toContain("(→ https://xn--pple-43d.com/login)");
  });

  it("renders GitHub tables with their alignment", () => {
    const html = render("| Parameter | Value |\n|:--|--:|\n| fee | 0.25 |\n| `slash` | **5%** |");
    expect(html).toContain("<table");
    expect(html).toMatch(/<th[^>]*style="text-align:left"[^>]*>Parameter<\/th>/);
    expect(html).toMatch(/<td[^>]*style="text-align:right"[^>]*>0.25<\/td>/);
    expect(html).toContain("<code");
    expect(html).toContain("<strong>5%</strong>");
  });

  it("renders task lists as disabled checkboxes", () => {
    const html = render("- [ ] audit\n- [x] simulate\n- plain");
    expect(html.match(/<input[^>]*type="checkbox"/g)).toHaveLength(2);
    expect(html).toMatch(/<input[^>]*checked=""[^>]*\/?>\s*simulate/);
    expect(html).toMatch(/<input(?![^>]*checked)[^>]*disabled=""[^>]*\/?>\s*audit/);
    expect(html).toContain(">plain</li>");
  });

  it("renders nested lists, numbered lists from their start, and nested blockquotes", () => {
    const lists = render("- a\n  - b\n    1. c\n\n3. three\n4. four");
    expect(lists).toMatch(/<ul[^>]*><li>a<ul[^>]*><li>b<ol[^>]*><li>c<\/li><\/ol><\/li><\/ul><\/li><\/ul>/);
    expect(lists).toMatch(/<ol[^>]*start="3"/);
    const quotes = render("> outer\n>\n> > inner");
    expect(quotes).toMatch(/<blockquote[^>]*><p>outer<\/p><blockquote[^>]*><p>inner<\/p><\/blockquote><\/blockquote>/);
  });

  it("keeps code verbatim, markup and HTML included", () => {
    const html = render("```solidity\nfunction f() { **x** }\n<b>hi</b>\n```\n\nInline `a*b*` code.");
    expect(html).toContain('data-language="solidity"');
    expect(html).toContain("function f() { **x** }\n&lt;b&gt;hi&lt;/b&gt;\n");
    expect(html).toMatch(/<code[^>]*>a\*b\*<\/code>/);
  });

  it("renders emphasis, strikethrough, escapes, and leaves snake_case and lone asterisks alone", () => {
    const html = render("**bold** *it* ~~gone~~ \\*not\\* snake_case_name 2 * 3");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>it</em>");
    expect(html).toContain("<del>gone</del>");
    expect(html).toContain("*not* snake_case_name 2 * 3");
  });

  it("keeps the test id the pages and e2e tests use", () => {
    expect(render("x")).toContain('data-testid="markdown"');
  });
});

describe("MarkdownView on hostile input (64 KB)", () => {
  const bytes = 64 * 1024;

  it.each(Object.keys(hostileMarkdown))("%s renders only markdown's own elements", (name) => {
    const html = render(hostileMarkdown[name](bytes));
    for (const tag of tags(html)) expect(allowedTags, tag).toContain(tag);
  });

  it("links `http://a` followed by 64 KB of `)` once, the parentheses as text", () => {
    const html = render(hostileMarkdown["autolink + `)`"](bytes));
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain(`>http://a</a>${")".repeat(bytes)}</p>`);
  });

  it("shows 64 KB of `<` and `[` as text", () => {
    expect(render(hostileMarkdown["`<`"](bytes))).toContain("&lt;".repeat(bytes));
    expect(render(hostileMarkdown["`[`"](bytes))).toContain("[".repeat(bytes));
  });

  it("bounds how deep blockquotes and lists nest", () => {
    for (const name of ["nested `>`", "nested list markers", "nested ordered markers"]) {
      const html = render(hostileMarkdown[name](bytes));
      const depth = Math.max(html.split("<blockquote").length, html.split("<li").length) - 1;
      expect(depth, name).toBeGreaterThan(1);
      expect(depth, name).toBeLessThanOrEqual(20);
    }
  });

  it("renders a table of 64 KB of rows, every row", () => {
    const html = render(hostileMarkdown["table rows"](bytes));
    expect(html.match(/<tr>/g)!.length).toBeGreaterThan(bytes / 7);
  });
});
