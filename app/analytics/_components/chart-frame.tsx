import type { ReactNode } from "react";

/** Mid-tone colours, readable on the light and the dark palette alike. */
export const chartColors = {
  primary: "#3b82f6",
  secondary: "#14b8a6",
  accent: "#f59e0b",
  negative: "#ef4444",
  grid: "#94a3b866",
  axis: "#64748b",
};

/**
 * A chart's box, drawn on the server at its final size: an image named for a screen reader, whose numbers are in the
 * data table under it. Axis text takes the page's text colour.
 */
export function ChartFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="img" aria-label={label} className="h-64 w-full text-slate-600">
      {children}
    </div>
  );
}

/** A chart's category label: a proposal's title cut short (the tooltip and the table give it whole). */
export const shortTitle = (title: string) => (title.length > 18 ? `${title.slice(0, 17)}…` : title);
