/**
 * Text built to make a markdown parser or a regular expression do more than linear work: the inputs of
 * `npm run bench:text` and of the rendering tests. Each entry makes a text of about `bytes` characters.
 */

function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

export const hostileMarkdown: Record<string, (bytes: number) => string> = {
  "autolink + `)`": (bytes) => `http://a${repeatTo(")", bytes)}`,
  "autolink + `_`": (bytes) => `http://a${repeatTo("_", bytes)}`,
  "`www.` + `)`": (bytes) => `www.a${repeatTo(")", bytes)}`,
  "lines of autolink + `)`": (bytes) => repeatTo("http://a.example/x))))))))\n", bytes),
  "email-like": (bytes) => `${repeatTo("a.", bytes)}@`,
  spaces: (bytes) => `a${repeatTo(" ", bytes)}b`,
  "`*`": (bytes) => repeatTo("*", bytes),
  "`*a `": (bytes) => repeatTo("*a ", bytes),
  "`**a `": (bytes) => repeatTo("**a ", bytes),
  "`_a `": (bytes) => repeatTo("_a ", bytes),
  "`*_`": (bytes) => repeatTo("*_", bytes),
  "`~~a `": (bytes) => repeatTo("~~a ", bytes),
  "`[`": (bytes) => repeatTo("[", bytes),
  "`![`": (bytes) => repeatTo("![", bytes),
  "`[^`": (bytes) => repeatTo("[^", bytes),
  "`[]`": (bytes) => repeatTo("[]", bytes),
  "`](`": (bytes) => repeatTo("](", bytes),
  "`[a](`": (bytes) => repeatTo("[a](", bytes),
  "reference definitions": (bytes) => repeatTo("[x]: ", bytes),
  backticks: (bytes) => repeatTo("`", bytes),
  "mixed backtick runs": (bytes) => repeatTo("`a ``b ", bytes),
  "`<`": (bytes) => repeatTo("<", bytes),
  "`<a `": (bytes) => repeatTo("<a ", bytes),
  "`&#`": (bytes) => repeatTo("&#", bytes),
  backslashes: (bytes) => repeatTo("\\", bytes),
  "nested `>`": (bytes) => `${repeatTo(">", bytes)}a`,
  "lines of `> `": (bytes) => `${repeatTo("> ", bytes / 2)}\n${repeatTo("> ", bytes / 2)}`,
  "nested list markers": (bytes) => `${repeatTo("- ", bytes)}a`,
  "nested ordered markers": (bytes) => `${repeatTo("1. ", bytes)}a`,
  "indented list": (bytes) =>
    Array.from({ length: Math.floor(bytes / 40) }, (_, i) => `${" ".repeat(Math.min(i * 2, 30))}- a`).join("\n"),
  "table pipes": (bytes) => `a|b\n-|-\n${repeatTo("|", bytes)}`,
  "table columns": (bytes) =>
    `${repeatTo("|a", bytes / 2)}\n${repeatTo("|-", bytes / 2)}\n${repeatTo("|b", bytes / 2)}`,
  "table rows": (bytes) => `|a|b|\n|-|-|\n${repeatTo("|x|y|\n", bytes)}`,
  "deceptive links": (bytes) => repeatTo("[paypal.com](https://evil.example/) ", bytes),
  images: (bytes) => repeatTo("![chart](https://img.example/c.png) ", bytes),
  "`#`": (bytes) => repeatTo("#", bytes),
  "short lines": (bytes) => repeatTo("a\n", bytes),
};

/** Proposal descriptions aimed at the title/body split and the `#proposer=` suffix. */
export const hostileDescriptions: Record<string, (bytes: number) => string> = {
  "spaces, no suffix": (bytes) => `# Title\n\n${repeatTo(" ", bytes)}x`,
  "spaces before the suffix": (bytes) =>
    `# Title\n\n${repeatTo(" ", bytes)}#proposer=0x70997970C51812dc3A010C7d01b50e0d17dc79C8`,
  "spaces in the title": (bytes) => `# Title${repeatTo(" ", bytes)}x`,
  "tabs and `#`": (bytes) => `#${repeatTo("\t#", bytes)} x`,
  "`#` runs": (bytes) => `# a ${repeatTo("#", bytes)}b`,
};
