"use client";

type Pages = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/** The "Show more …" button under a list read a page at a time; hidden once the last page is in. */
export function ShowMore({ query, label }: { query: Pages; label: string }) {
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      onClick={() => query.fetchNextPage()}
      disabled={query.isFetchingNextPage}
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:border-slate-400 disabled:opacity-60"
    >
      {query.isFetchingNextPage ? "Loading…" : `Show more ${label}`}
    </button>
  );
}
