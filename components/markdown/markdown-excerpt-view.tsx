import { markdownExcerpt } from "@/lib/markdown/plain-text";

/** The start of a markdown text as plain text, cut at a word. */
export function MarkdownExcerptView({ source, length }: { source: string; length: number }) {
  return <>{markdownExcerpt(source, length)}</>;
}
