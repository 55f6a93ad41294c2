import "./globals.css";
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { cookieToInitialState } from "wagmi";
import { Header } from "@/components/header";
import { DevPanelLoader } from "@/components/dev-panel-loader";
import { SyncStatus } from "@/components/sync-status";
import { config } from "@/lib/config";
import { publicIndexerUrl, publicRpcUrl, serverRpcUrl } from "@/lib/server-config";
import { getConfig } from "@/lib/wagmi";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Plenum", template: "%s · Plenum" },
  description: "Governance of the Plenum AI compute network: proposals, delegates, disputes.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The server's wagmi config reads through the server's own URL; the browser gets only the public one.
  const initialState = cookieToInitialState(getConfig(serverRpcUrl()), (await headers()).get("cookie"));
  return (
    <html lang="en">
      <body>
        <Providers initialState={initialState} rpcUrl={publicRpcUrl()} indexerUrl={publicIndexerUrl()}>
          <Header />
          {config.devPanel && <DevPanelLoader />}
          <SyncStatus />
          <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
