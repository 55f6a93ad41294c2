"use client";

import dynamic from "next/dynamic";

// The markdown parser loads with the first markdown a page shows, never with a route that shows none. Pages
// render their content in the browser (from chain reads), so nothing is lost by skipping server rendering.

/** Markdown in full: previews of what the user is writing. */
export const Markdown = dynamic(() => import("./markdown-view").then((module) => module.MarkdownView), {
  ssr: false,
});

/** Markdown posted on chain, collapsed with "Show all" when long. */
export const CollapsibleMarkdown = dynamic(
  () => import("./collapsible-markdown-view").then((module) => module.CollapsibleMarkdownView),
  { ssr: false },
);

/** The start of a markdown text as plain text. */
export const MarkdownExcerpt = dynamic(
  () => import("./markdown-excerpt-view").then((module) => module.MarkdownExcerptView),
  { ssr: false },
);
