"use client";

import dynamic from "next/dynamic";

// The builder (templates, ABI parsing, simulation) is the largest page of the app: it loads after the page shell.
export const BuilderLoader = dynamic(() => import("./proposal-builder").then((module) => module.ProposalBuilder), {
  ssr: false,
  loading: () => (
    <p role="status" className="animate-pulse text-sm text-slate-600">
      Loading the builder…
    </p>
  ),
});
