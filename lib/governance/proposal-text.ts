/** A proposal's title and body from its description: the first markdown heading, else the first non-empty line. */
export function splitDescription(description: string): { title: string; body: string } {
  const lines = description.split(/\r?\n/);
  const heading = lines.findIndex((line) => /^#{1,6}\s+\S/.test(line.trim()));
  const firstText = lines.findIndex((line) => line.trim() !== "");
  if (firstText === -1) return { title: "Untitled proposal", body: "" };
  const titleLine = heading === -1 ? firstText : heading;
  const title = lines[titleLine]
    .trim()
    .replace(/^#{1,6}\s+/, "")
    .replace(/\s+#+$/, "");
  // The title line is shown as the page heading: the body is everything else.
  const body = [...lines.slice(0, titleLine), ...lines.slice(titleLine + 1)].join("\n").trim();
  return { title, body };
}

/** Whether a proposal's title or description contains every word of `query` (case-insensitive). */
export function matchesSearch(proposal: { title: string; description: string }, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${proposal.title}\n${proposal.description}`.toLowerCase();
  return words.every((word) => text.includes(word));
}
