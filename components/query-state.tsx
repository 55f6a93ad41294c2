"use client";

import type { ReactNode } from "react";
import { ApiRefusedError } from "@/lib/api/client";
import { describeError } from "@/lib/contracts/errors";
import { IndexerError } from "@/lib/indexer/client";

type Query = { isPending: boolean; error: Error | null; refetch: () => unknown; data?: unknown };

function QueryError({ query, label, compact }: { query: Query; label: string; compact?: boolean }) {
  const source =
    query.error instanceof IndexerError
      ? "the indexer"
      : query.error instanceof ApiRefusedError
        ? "the app's server"
        : "the chain";
  return (
    <div
      role="alert"
      className={`rounded-lg border border-red-200 bg-red-50 text-sm text-red-900 ${compact ? "p-3" : "p-4"}`}
    >
      <p className="font-medium">
        {compact
          ? `Could not refresh ${label} from ${source}; showing what loaded before.`
          : `Could not load ${label} from ${source}.`}
      </p>
      <p className="mt-1 text-red-800">
        {query.error instanceof IndexerError || query.error instanceof ApiRefusedError
          ? query.error.message
          : describeError(query.error)}
      </p>
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

/**
 * Loading, error and content states of a read (chain or indexer). A failed read shows what failed and a retry button,
 * never a blank page; when a refresh fails, what loaded before stays on screen under the error. `renderOnError`
 * renders the content under the error even when this read never loaded (the content falls back on other data).
 */
export function QueryState({
  query,
  children,
  label,
  renderOnError,
}: {
  query: Query;
  children: () => ReactNode;
  label: string;
  renderOnError?: boolean;
}) {
  if (query.error) {
    const loaded = query.data !== undefined || renderOnError;
    return loaded ? (
      <div className="space-y-4">
        <QueryError query={query} label={label} compact />
        {children()}
      </div>
    ) : (
      <QueryError query={query} label={label} />
    );
  }
  if (query.isPending) {
    return (
      <p role="status" className="animate-pulse text-sm text-slate-600">
        Loading {label}…
      </p>
    );
  }
  return <>{children()}</>;
}
