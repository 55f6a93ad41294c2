import { Fragment, type ReactNode } from "react";
import { parseMarkdown, type Block, type Inline } from "@/lib/markdown";

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case "text":
        return <Fragment key={index}>{node.text}</Fragment>;
      case "code":
        return (
          <code key={index} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] text-slate-800">
            {node.text}
          </code>
        );
      case "strong":
        return <strong key={index}>{renderInline(node.children)}</strong>;
      case "em":
        return <em key={index}>{renderInline(node.children)}</em>;
      case "link":
        return (
          <a
            key={index}
            href={node.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
          >
            {renderInline(node.children)}
          </a>
        );
    }
  });
}

const headingClass = {
  1: "text-xl font-semibold",
  2: "text-lg font-semibold",
  3: "text-base font-semibold",
} as const;

function renderBlock(block: Block, index: number): ReactNode {
  switch (block.type) {
    case "heading": {
      const Tag = (["h2", "h3", "h4"] as const)[block.level - 1];
      return (
        <Tag key={index} className={headingClass[block.level]}>
          {renderInline(block.children)}
        </Tag>
      );
    }
    case "paragraph":
      return <p key={index}>{renderInline(block.children)}</p>;
    case "list":
      return block.ordered ? (
        <ol key={index} start={block.start} className="list-decimal space-y-1 pl-6">
          {block.items.map((item, itemIndex) => (
            <li key={itemIndex}>{renderInline(item)}</li>
          ))}
        </ol>
      ) : (
        <ul key={index} className="list-disc space-y-1 pl-6">
          {block.items.map((item, itemIndex) => (
            <li key={itemIndex}>{renderInline(item)}</li>
          ))}
        </ul>
      );
    case "code":
      return (
        <pre key={index} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-sm text-slate-100">
          <code data-language={block.language || undefined}>{block.text}</code>
        </pre>
      );
  }
}

/**
 * Markdown rendered as React elements from a parsed tree (lib/markdown.ts), never as HTML. Any HTML or script
 * in `source` shows as literal text, and only http(s) URLs become links. Headings start at <h2> so a page
 * keeps its own <h1>.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div data-testid="markdown" className={`space-y-3 break-words text-slate-800 ${className ?? ""}`}>
      {parseMarkdown(source).map(renderBlock)}
    </div>
  );
}
