/** How much of a long text shows before "Show all". */
export type PreviewLimit = { characters: number; lines: number };

/** Vote reasons, delegate statements, dispute evidence and ruling reasons. */
export const onChainTextPreview: PreviewLimit = { characters: 1_200, lines: 16 };
/** Proposal bodies: the main content of their page, so a longer start shows. */
export const proposalBodyPreview: PreviewLimit = { characters: 4_000, lines: 80 };

/** Where the `count`-th line break of `text` is, or -1. */
function lineBreak(text: string, count: number): number {
  let index = -1;
  for (let seen = 0; seen < count; seen++) {
    index = text.indexOf("\n", index + 1);
    if (index === -1) return -1;
  }
  return index;
}

/**
 * The start of `source` shown while it is collapsed, or undefined when the whole text fits the limit. Cut at
 * the limit's last line, else at a paragraph break, line break or space in the second half of the allowed
 * characters, else at that many characters. Only the preview is parsed, so a page's work is bounded however
 * long the text.
 */
export function collapsedPreview(source: string, limit: PreviewLimit): string | undefined {
  const lastLine = lineBreak(source, limit.lines);
  if (source.length <= limit.characters && lastLine === -1) return undefined;
  if (lastLine !== -1 && lastLine <= limit.characters) return source.slice(0, lastLine).trimEnd();
  let end = limit.characters;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(source[end - 1])) end--;
  const cut = source.slice(0, end);
  const breakAt = [cut.lastIndexOf("\n\n"), cut.lastIndexOf("\n"), cut.lastIndexOf(" ")].find((at) => at > end / 2);
  return (breakAt === undefined ? cut : cut.slice(0, breakAt)).trimEnd();
}
