import type { Address } from "viem";

/** OpenZeppelin's front-running guard: a description ending in this suffix can only be proposed by that address. */
const PROPOSER_SUFFIX = /^#proposer=0x[0-9a-fA-F]{40}$/;
const PROPOSER_SUFFIX_LENGTH = "#proposer=0x".length + 40;

/** The sections the DAO asks every proposal to fill in, as the builder pre-fills them. */
export const descriptionSections = [
  "Summary",
  "Technical specification",
  "Audit report",
  "Treasury impact analysis",
  "Discussion",
] as const;

export function descriptionTemplate(): string {
  const hints: Record<(typeof descriptionSections)[number], string> = {
    Summary: "What changes and why, in two or three sentences.",
    "Technical specification": "Each action, its contract and its arguments.",
    "Audit report": "Link to the audit or review of the change (https://…), or why none is needed.",
    "Treasury impact analysis": "PLM and ETH leaving or entering the treasury, and over what period.",
    Discussion: "Link to the forum thread (https://…).",
  };
  return descriptionSections.map((section) => `## ${section}\n\n${hints[section]}`).join("\n\n");
}

/**
 * The description sent to `propose`: the title as a heading, the body, and the `#proposer=` suffix so that nobody
 * else can submit the same proposal first (OpenZeppelin Governor checks it).
 */
export function composeDescription(title: string, body: string, proposer: Address): string {
  return `# ${title.trim()}\n\n${body.trim()}\n\n#proposer=${proposer}`;
}

// Anyone can post a description, so everything below runs in linear time: no regular expression here can
// backtrack over a long run of spaces or hashes.

/** The description without a trailing `#proposer=` suffix and the space around it. */
function withoutProposerSuffix(description: string): string {
  const trimmed = description.trimEnd();
  const suffixStart = trimmed.length - PROPOSER_SUFFIX_LENGTH;
  if (suffixStart < 0 || !PROPOSER_SUFFIX.test(trimmed.slice(suffixStart))) return description;
  return trimmed.slice(0, suffixStart).trimEnd();
}

/** A heading's text without its closing `#`s, which count only after a space (`# C#` keeps its `#`). */
function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  if (end === text.length || end === 0 || !/\s/.test(text[end - 1])) return text;
  return text.slice(0, end).trimEnd();
}

/** A proposal's title and body from its description: the first markdown heading, else the first non-empty line. */
export function splitDescription(description: string): { title: string; body: string } {
  const lines = withoutProposerSuffix(description).split(/\r?\n/);
  const heading = lines.findIndex((line) => /^#{1,6}\s+\S/.test(line.trim()));
  const firstText = lines.findIndex((line) => line.trim() !== "");
  if (firstText === -1) return { title: "Untitled proposal", body: "" };
  const titleLine = heading === -1 ? firstText : heading;
  const title = withoutClosingHashes(lines[titleLine].trim().replace(/^#{1,6}\s+/, ""));
  // The title line is shown as the page heading: the body is everything else.
  const body = [...lines.slice(0, titleLine), ...lines.slice(titleLine + 1)].join("\n").trim();
  return { title, body };
}

/** The body a proposal goes on chain with: the draft's body, then its discussion link and its temperature check. */
export function bodyWithLinks(body: string, links: { discussion?: string; pollUrl?: string }): string {
  const lines = [
    links.discussion?.trim() && `Discussion: ${links.discussion.trim()}`,
    links.pollUrl && `Temperature check: ${links.pollUrl}`,
  ].filter(Boolean);
  return lines.length === 0 ? body : `${body.trim()}\n\n${lines.join("\n\n")}`;
}
