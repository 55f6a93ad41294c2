"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { WagmiProvider, type State } from "wagmi";
import { IndexerProvider } from "@/lib/hooks/use-indexer";
import { getConfig } from "@/lib/wagmi";

export function Providers({
  children,
  initialState,
  rpcUrl,
  indexerUrl,
}: {
  children: ReactNode;
  initialState?: State;
  rpcUrl: string;
  indexerUrl: string;
}) {
  const [wagmiConfig] = useState(() => getConfig(rpcUrl));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 4_000, retry: 1 } } }),
  );
  return (
    <WagmiProvider config={wagmiConfig} initialState={initialState}>
      <QueryClientProvider client={queryClient}>
        <IndexerProvider url={indexerUrl}>{children}</IndexerProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
