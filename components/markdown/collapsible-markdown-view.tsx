"use client";

import { useId, useState } from "react";
import { collapsedPreview, onChainTextPreview, type PreviewLimit } from "@/lib/markdown/collapse";
import { MarkdownView } from "./markdown-view";

/**
 * Markdown that anyone can post on chain, shown collapsed to its start when long, with a "Show all" button.
 * Only the shown part is parsed and rendered, so a huge text costs a page no more than its preview.
 */
export function CollapsibleMarkdownView({
  source,
  limit = onChainTextPreview,
}: {
  source: string;
  limit?: PreviewLimit;
}) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const preview = collapsedPreview(source, limit);
  if (preview === undefined) return <MarkdownView source={source} />;
  return (
    <div className="space-y-2">
      <div id={id}>
        <MarkdownView source={expanded ? source : preview} />
      </div>
      <button
        type="button"
        data-testid="show-all"
        aria-expanded={expanded}
        aria-controls={id}
        onClick={() => setExpanded(!expanded)}
        className="text-sm font-medium text-indigo-700 hover:text-indigo-900"
      >
        {expanded ? "Show less" : "Show all"}
      </button>
    </div>
  );
}
