"use client";

import { keepPreviousData, useInfiniteQuery, useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { createContext, createElement, useContext, useMemo, type ReactNode } from "react";
import { indexerClient, type IndexerClient } from "../indexer/client";

const IndexerContext = createContext<IndexerClient | null>(null);

/** Gives the tree the indexer client for `url` (the public indexer URL the server passes down). */
export function IndexerProvider({ url, children }: { url: string; children: ReactNode }) {
  const client = useMemo(() => indexerClient(url), [url]);
  return createElement(IndexerContext.Provider, { value: client }, children);
}

export function useIndexerClient(): IndexerClient {
  const client = useContext(IndexerContext);
  if (!client) throw new Error("useIndexerClient needs an IndexerProvider above it");
  return client;
}

/** The query key prefix of every indexer read: a confirmed write refreshes all of them once indexed. */
export const indexerQueryKey = ["indexer"] as const;

/** A read of indexed history, cached under ["indexer", ...key]; `initialData` comes from the server render. */
export function useIndexerQuery<T>(
  key: readonly unknown[],
  read: (client: IndexerClient) => Promise<T>,
  options: {
    initialData?: T;
    enabled?: boolean;
    refetchInterval?: UseQueryOptions<T, Error, T, readonly unknown[]>["refetchInterval"];
    keepPrevious?: boolean;
  } = {},
) {
  const client = useIndexerClient();
  return useQuery<T, Error, T, readonly unknown[]>({
    queryKey: [...indexerQueryKey, ...key],
    queryFn: () => read(client),
    // Server-rendered data counts as fetched when the query is created (TanStack's default for `initialData`), so it
    // is not fetched again right after hydration.
    initialData: options.initialData,
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

/**
 * A list of indexed history read a page per request ("Show more"), cached under ["indexer", ...key]; `initial` is the
 * first page from the server render. With `keepPrevious`, a new key (another filter) shows the previous list until
 * its first page arrives.
 */
export function useIndexerPages<P extends { nextCursor: string | null }>(
  key: readonly unknown[],
  read: (client: IndexerClient, cursor: string | undefined) => Promise<P>,
  options: { initial?: P; refetchInterval?: number; keepPrevious?: boolean } = {},
) {
  const client = useIndexerClient();
  return useInfiniteQuery({
    queryKey: [...indexerQueryKey, ...key],
    queryFn: ({ pageParam }) => read(client, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    initialData: options.initial && { pages: [options.initial], pageParams: [undefined] },
    refetchInterval: options.refetchInterval,
    placeholderData: options.keepPrevious ? (previous) => previous : undefined,
  });
}
