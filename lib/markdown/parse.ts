import MarkdownIt, { type Token } from "markdown-it";
import { safeHref } from "./links";

export type { Token };

const markdown = new MarkdownIt("default", {
  // Raw HTML stays text.
  html: false,
  // Bare http(s) URLs and email addresses become links, as on GitHub.
  linkify: true,
  typographer: false,
  // The CommonMark preset's bound (the default is 100): deeper nesting is cut, and bracket-heavy text is parsed
  // several times faster.
  maxNesting: 20,
});
// Links and images with any other scheme, or none, stay text.
markdown.validateLink = (url) => safeHref(url) !== undefined;

/** Markdown (CommonMark with GitHub's tables, strikethrough and autolinks) as markdown-it's token stream. */
export function parseMarkdown(source: string): Token[] {
  return markdown.parse(source, {});
}
