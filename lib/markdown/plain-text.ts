import { parseMarkdown, type Token } from "./parse";

/** An excerpt needs only the start of a text: the rest is not parsed. */
const EXCERPT_SOURCE_LENGTH = 2_000;

function inlineText(children: Token[]): string {
  return children
    .map((child) => {
      if (child.type === "softbreak" || child.type === "hardbreak") return " ";
      if (child.type === "image") return inlineText(child.children ?? []);
      return child.type === "text" || child.type === "code_inline" ? child.content : "";
    })
    .join("");
}

/** The source as plain text without markup, blocks separated by spaces: for excerpts and search. */
export function markdownToPlainText(source: string): string {
  return parseMarkdown(source)
    .map((token) => {
      if (token.type === "inline") return inlineText(token.children ?? []);
      return token.type === "fence" || token.type === "code_block" ? token.content : "";
    })
    .filter(Boolean)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first `length` characters of the plain text, cut at a word and marked with an ellipsis when cut. */
export function markdownExcerpt(source: string, length = 160): string {
  const text = markdownToPlainText(source.slice(0, EXCERPT_SOURCE_LENGTH));
  if (text.length <= length && source.length <= EXCERPT_SOURCE_LENGTH) return text;
  const cut = text.slice(0, length);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
