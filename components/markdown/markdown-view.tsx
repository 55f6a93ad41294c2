import { Fragment, type ReactNode } from "react";
import { revealedDestination, safeHref } from "@/lib/markdown/links";
import { parseMarkdown, type Token } from "@/lib/markdown/parse";
import { ScrollBox } from "../scroll-box";

const linkClass = "text-indigo-700 underline underline-offset-2 hover:text-indigo-900";

function ExternalLink({ href, text, children }: { href: string; text: string; children: ReactNode }) {
  const destination = revealedDestination(text, href);
  return (
    <>
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" className={linkClass}>
        {children}
      </a>
      {destination && (
        <span data-testid="link-destination" className="text-xs text-slate-600">
          {` (→ ${destination})`}
        </span>
      )}
    </>
  );
}

const headingClass = ["text-xl font-semibold", "text-lg font-semibold", "text-base font-semibold"];

/** The text of inline tokens, as a reader sees it. */
function textOf(tokens: Token[]): string {
  return tokens.map((token) => (token.children ? textOf(token.children) : token.content)).join("");
}

const TASK_MARKER = /^\[([ xX])\](?=\s)/;

/**
 * GitHub task list items ("- [ ] todo"): markdown-it leaves the marker in the item's first text, so it is
 * taken out here and recorded on the item, which renders it as a checkbox.
 */
function markTaskItems(tokens: Token[]): void {
  tokens.forEach((token, index) => {
    const inline = tokens[index + 2];
    if (token.type !== "list_item_open" || tokens[index + 1]?.type !== "paragraph_open" || inline?.type !== "inline")
      return;
    const first = inline.children?.[0];
    const marker = first?.type === "text" ? TASK_MARKER.exec(first.content) : null;
    if (!first || !marker) return;
    first.content = first.content.slice(marker[0].length).trimStart();
    token.meta = { checked: marker[1] !== " " };
  });
}

/** The element `open` starts, around `children`; `inner()` gives the tokens up to its close. */
function element(open: Token, children: ReactNode[], key: number, inner: () => Token[]): ReactNode {
  switch (open.type) {
    case "paragraph_open":
      // Items of tight lists hold their text without a paragraph.
      return open.hidden ? <Fragment key={key}>{children}</Fragment> : <p key={key}>{children}</p>;
    case "heading_open": {
      const level = Number(open.tag.slice(1));
      const Tag = `h${Math.min(level + 1, 6)}` as "h2";
      return (
        <Tag key={key} className={headingClass[Math.min(level, 3) - 1]}>
          {children}
        </Tag>
      );
    }
    case "bullet_list_open":
      return (
        <ul key={key} className="list-disc space-y-1 pl-6">
          {children}
        </ul>
      );
    case "ordered_list_open":
      return (
        <ol key={key} start={Number(open.attrGet("start") ?? 1)} className="list-decimal space-y-1 pl-6">
          {children}
        </ol>
      );
    case "list_item_open": {
      const task = open.meta as { checked: boolean } | null;
      if (!task) return <li key={key}>{children}</li>;
      return (
        <li key={key} className="-ml-6 list-none">
          <input type="checkbox" checked={task.checked} disabled readOnly className="mr-2 align-middle" />
          {children}
        </li>
      );
    }
    case "blockquote_open":
      return (
        <blockquote key={key} className="space-y-3 border-l-4 border-slate-200 pl-3 text-slate-600">
          {children}
        </blockquote>
      );
    case "table_open":
      return (
        <ScrollBox key={key} label="Table">
          <table className="text-sm">{children}</table>
        </ScrollBox>
      );
    case "thead_open":
      return <thead key={key}>{children}</thead>;
    case "tbody_open":
      return <tbody key={key}>{children}</tbody>;
    case "tr_open":
      return <tr key={key}>{children}</tr>;
    case "th_open":
    case "td_open": {
      const Cell = open.tag as "th" | "td";
      const align = /text-align:(left|center|right)/.exec(String(open.attrGet("style") ?? ""))?.[1] as
        "left" | "center" | "right" | undefined;
      return (
        <Cell key={key} style={align && { textAlign: align }} className="border border-slate-200 px-2 py-1 align-top">
          {children}
        </Cell>
      );
    }
    case "strong_open":
      return <strong key={key}>{children}</strong>;
    case "em_open":
      return <em key={key}>{children}</em>;
    case "s_open":
      return <del key={key}>{children}</del>;
    case "link_open": {
      const href = safeHref(String(open.attrGet("href") ?? ""));
      if (!href) return <Fragment key={key}>{children}</Fragment>;
      return (
        <ExternalLink key={key} href={href} text={textOf(inner())}>
          {children}
        </ExternalLink>
      );
    }
    default:
      return <Fragment key={key}>{children}</Fragment>;
  }
}

function leaf(token: Token, key: number): ReactNode {
  switch (token.type) {
    case "inline":
      return <Fragment key={key}>{render(token.children ?? [])}</Fragment>;
    case "text":
      return token.content;
    case "softbreak":
      return "\n";
    case "hardbreak":
      return <br key={key} />;
    case "code_inline":
      return (
        <code key={key} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] text-slate-800">
          {token.content}
        </code>
      );
    case "fence":
    case "code_block":
      return (
        <pre key={key} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-sm text-slate-100">
          <code data-language={token.info.trim().split(/\s/, 1)[0] || undefined}>{token.content}</code>
        </pre>
      );
    case "image": {
      // Images are never loaded from the page: they are links to the image, named by their alt text.
      const href = safeHref(String(token.attrGet("src") ?? ""));
      const alt = textOf(token.children ?? []);
      if (!href?.startsWith("http")) return alt;
      return (
        <ExternalLink key={key} href={href} text={alt}>
          Image: {alt || href}
        </ExternalLink>
      );
    }
    case "hr":
      return <hr key={key} className="border-slate-200" />;
    default:
      return token.content;
  }
}

/** markdown-it's flat token stream, where `_open` and `_close` tokens pair up, as nested React elements. */
function render(tokens: Token[]): ReactNode[] {
  const root: ReactNode[] = [];
  const open: { token: Token; index: number; children: ReactNode[] }[] = [];
  tokens.forEach((token, index) => {
    const siblings = open.at(-1)?.children ?? root;
    if (token.nesting === 1) {
      open.push({ token, index, children: [] });
    } else if (token.nesting === -1) {
      const opened = open.pop()!;
      const parent = open.at(-1)?.children ?? root;
      const inner = () => tokens.slice(opened.index + 1, index);
      parent.push(element(opened.token, opened.children, parent.length, inner));
    } else {
      siblings.push(leaf(token, siblings.length));
    }
  });
  return root;
}

/**
 * Markdown rendered as React elements from markdown-it's tokens, never as HTML: raw HTML in `source` shows as
 * text, only http(s) and mailto URLs become links, images become links to the image, and a link whose text
 * reads as another address shows where it really goes. Headings start at <h2> so a page keeps its own <h1>.
 */
export function MarkdownView({ source, className }: { source: string; className?: string }) {
  const tokens = parseMarkdown(source);
  markTaskItems(tokens);
  return (
    <div data-testid="markdown" className={`space-y-3 break-words text-slate-800 ${className ?? ""}`}>
      {render(tokens)}
    </div>
  );
}
