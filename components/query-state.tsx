"use client";

import type { ReactNode } from "react";
import { describeError } from "@/lib/contracts/errors";

type Query = { isPending: boolean; error: Error | null; refetch: () => unknown };

/**
 * Loading, error and content states of a chain read. A dead RPC shows what failed and a retry button,
 * never a blank page.
 */
export function QueryState({ query, children, label }: { query: Query; children: () => ReactNode; label: string }) {
  if (query.error) {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
        <p className="font-medium">Could not load {label} from the chain.</p>
        <p className="mt-1 text-red-800">{describeError(query.error)}</p>
        <button
          type="button"
          onClick={() => query.refetch()}
          className="mt-3 rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800"
        >
          Retry
        </button>
      </div>
    );
  }
  if (query.isPending) {
    return (
      <p role="status" className="animate-pulse text-sm text-slate-500">
        Loading {label}…
      </p>
    );
  }
  return <>{children()}</>;
}
