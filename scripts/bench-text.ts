// `npm run bench:text`: how long the app takes to render each kind of text anyone can post on chain, at 8, 32
// and 64 KB of input built to make parsers do more than linear work (lib/markdown/hostile-inputs.ts). Each time
// is the median of several server-side renders (react-dom/server, React's production build) of the component a
// page shows: the description split plus the collapsed body for a proposal, the collapsed text for the others,
// plus the directory excerpt for a statement. The last column renders the whole text, as "Show all" does.
// Prints a markdown table; exits non-zero when a page render of 64 KB takes 50 ms or more. The npm script sets
// NODE_ENV=production, so that React is the build the browser runs.
import { loadavg } from "node:os";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { CollapsibleMarkdownView } from "../components/markdown/collapsible-markdown-view";
import { MarkdownView } from "../components/markdown/markdown-view";
import { splitDescription } from "../lib/governance/proposal-text";
import { proposalBodyPreview } from "../lib/markdown/collapse";
import { hostileDescriptions, hostileMarkdown } from "../lib/markdown/hostile-inputs";
import { markdownExcerpt } from "../lib/markdown/plain-text";

const TARGET_MS = 50;
const SIZES_KB = [8, 32, 64];
const RUNS = 7;

const collapsed = (source: string) => renderToString(createElement(CollapsibleMarkdownView, { source }));

// A pattern is a whole description when it targets the description split, else the body under a title.
const descriptionPatterns = new Set(Object.keys(hostileDescriptions));

const kinds: { name: string; render: (text: string, pattern: string) => unknown }[] = [
  {
    name: "proposal description",
    render: (text, pattern) => {
      const description = descriptionPatterns.has(pattern) ? text : `# Hostile input\n\n${text}`;
      const { title, body } = splitDescription(description);
      return [
        title,
        renderToString(createElement(CollapsibleMarkdownView, { source: body, limit: proposalBodyPreview })),
      ];
    },
  },
  { name: "vote reason", render: collapsed },
  { name: "delegate statement", render: (text) => [collapsed(text), markdownExcerpt(text, 180)] },
  { name: "dispute evidence", render: collapsed },
  { name: "ruling reason", render: collapsed },
];

function median(render: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    render();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const patterns = [...Object.entries(hostileMarkdown), ...Object.entries(hostileDescriptions)];

// Warm up the parser and React on ordinary text first, as a page that has rendered anything has.
for (let run = 0; run < 20; run++) collapsed("# Warm up\n\nSome **markdown** with a [link](https://plenum.example).");

const header = ["pattern", ...kinds.map((kind) => kind.name), "show all"];
console.log(
  `Render time in ms at ${SIZES_KB.join(" / ")} KB (median of ${RUNS}; target: under ${TARGET_MS} ms at 64 KB)`,
);
// Other work on the machine shows up in the times: say how busy it was.
console.log(`Load average at start: ${loadavg()[0].toFixed(1)}\n`);
console.log(`| ${header.join(" | ")} |`);
console.log(`|${header.map((_, index) => (index === 0 ? "---" : "---:")).join("|")}|`);
let slowest = { ms: 0, where: "" };
for (const [name, make] of patterns) {
  const texts = SIZES_KB.map((kb) => make(kb * 1024));
  const cells = kinds.map((kind) =>
    texts
      .map((text, index) => {
        const ms = median(() => kind.render(text, name), RUNS);
        if (SIZES_KB[index] === 64 && ms > slowest.ms) slowest = { ms, where: `${kind.name}, ${name}` };
        return ms.toFixed(1);
      })
      .join(" / "),
  );
  const whole = texts.map((text) => median(() => renderToString(createElement(MarkdownView, { source: text })), 3));
  console.log(`| ${name} | ${cells.join(" | ")} | ${whole.map((ms) => ms.toFixed(0)).join(" / ")} |`);
}
console.log(`\nSlowest page render at 64 KB: ${slowest.ms.toFixed(1)} ms (${slowest.where}); target ${TARGET_MS} ms.`);
if (slowest.ms >= TARGET_MS) process.exitCode = 1;
