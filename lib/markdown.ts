/**
 * A small markdown parser for proposal bodies and delegate statements. It produces a plain tree, never HTML:
 * the renderer (components/markdown.tsx) turns the tree into React elements, so any HTML in the source is
 * shown as literal text. Supported: headings (#, ##, ###), paragraphs, bullet and numbered lists, fenced
 * code blocks, inline `code`, **bold**, *italic*, [text](url) links and bare URLs, for http(s) URLs only.
 */

export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "heading"; level: 1 | 2 | 3; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "list"; ordered: boolean; start: number; items: Inline[][] }
  | { type: "code"; language: string; text: string };

/** The URL when it is an absolute http(s) URL, else undefined: only these become links. */
export function safeHref(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const CONTINUATION = /^\s{2,}\S/;

type ListMatch = { ordered: boolean; number: number; text: string };

function matchListItem(line: string): ListMatch | undefined {
  const bullet = BULLET.exec(line);
  if (bullet) return { ordered: false, number: 1, text: bullet[1] };
  const numbered = NUMBERED.exec(line);
  if (numbered) return { ordered: true, number: Number(numbered[1]), text: numbered[2] };
  return undefined;
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || matchListItem(line) !== undefined;
}

/** Parse markdown source into blocks. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1];
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i].trim().startsWith(marker) && lines[i].trim().replace(/[`~]/g, "") === "")) {
        body.push(lines[i]);
        i++;
      }
      i++; // the closing fence (or the end of the source)
      blocks.push({ type: "code", language: fence[2], text: body.join("\n") });
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      const hashes = heading[1].length;
      blocks.push({
        type: "heading",
        level: hashes >= 3 ? 3 : hashes === 2 ? 2 : 1,
        children: parseInline(heading[2]),
      });
      i++;
      continue;
    }

    const first = matchListItem(line);
    if (first) {
      const items: string[] = [first.text];
      i++;
      while (i < lines.length) {
        const next = matchListItem(lines[i]);
        if (next && next.ordered === first.ordered) {
          items.push(next.text);
        } else if (!next && CONTINUATION.test(lines[i])) {
          items[items.length - 1] += ` ${lines[i].trim()}`;
        } else {
          break;
        }
        i++;
      }
      blocks.push({
        type: "list",
        ordered: first.ordered,
        start: first.number,
        items: items.map((item) => parseInline(item)),
      });
      continue;
    }

    const paragraph: string[] = [line.trim()];
    i++;
    while (i < lines.length && lines[i].trim() !== "" && !startsBlock(lines[i])) {
      paragraph.push(lines[i].trim());
      i++;
    }
    blocks.push({ type: "paragraph", children: parseInline(paragraph.join(" ")) });
  }
  return blocks;
}

const BARE_URL = /^https?:\/\/[^\s<>"'`]+/i;

/** Trailing punctuation that ends a sentence rather than a URL, and a closing parenthesis without its pair. */
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0) {
    const last = url[end - 1];
    if (".,;:!?*_".includes(last)) end--;
    else if (last === ")" && countOf(url.slice(0, end), "(") < countOf(url.slice(0, end), ")")) end--;
    else break;
  }
  return url.slice(0, end);
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The longest link label and destination looked for: bounds the work on unclosed brackets. */
const MAX_LABEL_LENGTH = 1_000;
const MAX_URL_LENGTH = 2_048;
/** Emphasis nested deeper than this stays text: bounds recursion on adversarial input. */
const MAX_EMPHASIS_DEPTH = 8;

/** The index of the `)` closing a link destination that starts at `from`, allowing balanced parentheses. */
function closingParen(text: string, from: number): number {
  let depth = 0;
  for (let j = from; j < text.length && j <= from + MAX_URL_LENGTH; j++) {
    const char = text[j];
    if (char === "\n" || char === " ") return -1;
    if (char === "(") depth++;
    else if (char === ")") {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** Parse one block's text into inline nodes. Links do not nest. */
export function parseInline(text: string, insideLink = false, depth = 0): Inline[] {
  const closers = new EmphasisClosers(text);
  const nodes: Inline[] = [];
  let plain = "";
  const flush = () => {
    if (plain) nodes.push({ type: "text", text: plain });
    plain = "";
  };

  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const rest = text.slice(i);

    if (char === "\\" && i + 1 < text.length && /[\\`*_[\]()#+\-.!]/.test(text[i + 1])) {
      plain += text[i + 1];
      i += 2;
      continue;
    }

    if (char === "`") {
      const run = /^`+/.exec(rest)![0];
      const end = text.indexOf(run, i + run.length);
      if (end > i) {
        flush();
        nodes.push({ type: "code", text: text.slice(i + run.length, end).trim() || text.slice(i + run.length, end) });
        i = end + run.length;
        continue;
      }
      plain += run;
      i += run.length;
      continue;
    }

    if ((char === "*" || char === "_") && depth < MAX_EMPHASIS_DEPTH) {
      const marker = text[i + 1] === char ? char + char : char;
      const end = closers.after(i, marker);
      if (end > 0) {
        flush();
        const children = parseInline(text.slice(i + marker.length, end), insideLink, depth + 1);
        nodes.push(marker.length === 2 ? { type: "strong", children } : { type: "em", children });
        i = end + marker.length;
        continue;
      }
      plain += marker;
      i += marker.length;
      continue;
    }

    if (char === "[" && !insideLink) {
      const close = findClosingBracket(text, i);
      if (close > 0 && text[close + 1] === "(") {
        const end = closingParen(text, close + 2);
        if (end > 0) {
          const label = text.slice(i + 1, close);
          const href = safeHref(text.slice(close + 2, end));
          flush();
          if (href) nodes.push({ type: "link", href, children: parseInline(label, true, depth) });
          else nodes.push({ type: "text", text: text.slice(i, end + 1) });
          i = end + 1;
          continue;
        }
      }
    }

    if (!insideLink && (char === "h" || char === "H") && !isWordChar(text[i - 1])) {
      const match = BARE_URL.exec(rest);
      if (match) {
        const url = trimUrl(match[0]);
        const href = safeHref(url);
        if (href) {
          flush();
          nodes.push({ type: "link", href, children: [{ type: "text", text: url }] });
          i += url.length;
          continue;
        }
      }
    }

    plain += char;
    i++;
  }
  flush();
  return nodes;
}

/** Where inline code spans start and end: `[start, end)` ranges, in order. */
function codeSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const unmatched = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (text[i] !== "`") continue;
    let length = 1;
    while (text[i + length] === "`") length++;
    const end = unmatched.has(length) ? -1 : text.indexOf("`".repeat(length), i + length);
    if (end === -1) {
      // A run without its pair stays text; later runs of this length have none either.
      unmatched.add(length);
      i += length - 1;
      continue;
    }
    spans.push([i, end + length]);
    i = end + length - 1;
  }
  return spans;
}

/**
 * Where emphasis can close, computed once per text so that finding a closer is a binary search, not a scan
 * (unclosed markers would otherwise cost quadratic time). Like CommonMark's flanking rules, simplified: no
 * whitespace just inside the markers, none inside a code span, and `_` neither opens nor closes inside a word
 * (snake_case stays text).
 */
class EmphasisClosers {
  private readonly positions = new Map<string, number[]>();

  constructor(private readonly text: string) {
    const spans = codeSpans(text);
    let span = 0;
    for (const marker of ["*", "**", "_", "__"]) this.positions.set(marker, []);
    for (let j = 1; j < text.length; j++) {
      while (span < spans.length && spans[span][1] <= j) span++;
      if (span < spans.length && spans[span][0] <= j) continue;
      const char = text[j];
      if ((char !== "*" && char !== "_") || /\s/.test(text[j - 1]) || text[j - 1] === "\\") continue;
      for (const marker of [char, char + char]) {
        if (!text.startsWith(marker, j)) continue;
        if (marker.length === 1 && (text[j + 1] === char || text[j - 1] === char)) continue;
        if (char === "_" && isWordChar(text[j + marker.length])) continue;
        this.positions.get(marker)!.push(j);
      }
    }
  }

  /** The closer of the emphasis `marker` opened at `open`, or -1. */
  after(open: number, marker: string): number {
    const { text } = this;
    const first = open + marker.length;
    if (first >= text.length || /\s/.test(text[first])) return -1;
    if (marker[0] === "_" && isWordChar(text[open - 1])) return -1;
    const positions = this.positions.get(marker)!;
    let low = 0;
    let high = positions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (positions[middle] <= first) low = middle + 1;
      else high = middle;
    }
    return low < positions.length ? positions[low] : -1;
  }
}

function findClosingBracket(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length && j <= open + MAX_LABEL_LENGTH; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === "[") depth++;
    else if (text[j] === "]") {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function inlineText(nodes: Inline[]): string {
  return nodes.map((node) => ("text" in node ? node.text : inlineText(node.children))).join("");
}

/** The source as plain text without markup, blocks separated by spaces: for excerpts and search. */
export function markdownToPlainText(source: string): string {
  return parseMarkdown(source)
    .map((block) => {
      if (block.type === "code") return block.text;
      if (block.type === "list") return block.items.map(inlineText).join(" ");
      return inlineText(block.children);
    })
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first `length` characters of the plain text, cut at a word and marked with an ellipsis when cut. */
export function markdownExcerpt(source: string, length = 160): string {
  const text = markdownToPlainText(source);
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
