import type { Metadata } from "next";
import { Suspense } from "react";
import { BuilderLoader } from "./_components/builder-loader";

export const metadata: Metadata = { title: "New proposal" };

export default function NewProposalPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">New proposal</h1>
        <p className="text-slate-600">
          Compose the actions from templates, describe them, simulate the whole proposal as the timelock, then submit.
          Drafts are saved in this browser as you go.
        </p>
      </div>
      {/* The open draft lives in the URL (?draft=…): the builder reads it with useSearchParams, inside this boundary. */}
      <Suspense
        fallback={
          <p role="status" className="animate-pulse text-sm text-slate-600">
            Loading the builder…
          </p>
        }
      >
        <BuilderLoader />
      </Suspense>
    </div>
  );
}
