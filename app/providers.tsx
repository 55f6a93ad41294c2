"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { WagmiProvider, type State } from "wagmi";
import { getConfig } from "@/lib/wagmi";

export function Providers({
  children,
  initialState,
  rpcUrl,
}: {
  children: ReactNode;
  initialState?: State;
  rpcUrl: string;
}) {
  const [wagmiConfig] = useState(() => getConfig(rpcUrl));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 4_000, retry: 1 } } }),
  );
  return (
    <WagmiProvider config={wagmiConfig} initialState={initialState}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </WagmiProvider>
  );
}
