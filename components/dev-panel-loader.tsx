"use client";

import dynamic from "next/dynamic";

/** The dev panel's collapsed row. Until the panel loads an empty row of the same height holds its place. */
export const devPanelBarClass = "mx-auto flex min-h-9 max-w-6xl items-center px-4";

/** The dev panel (local chain only) is loaded apart from the pages' own JavaScript. */
export const DevPanelLoader = dynamic(() => import("./dev-panel").then((module) => module.DevPanel), {
  ssr: false,
  loading: () => (
    <div className="border-b border-amber-200 bg-amber-50">
      <div className={devPanelBarClass} />
    </div>
  ),
});
