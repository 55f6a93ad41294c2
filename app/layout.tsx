import "./globals.css";
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { cookieToInitialState } from "wagmi";
import { Header } from "@/components/header";
import { DevPanelLoader } from "@/components/dev-panel-loader";
import { config, serverRpcUrl } from "@/lib/config";
import { getConfig } from "@/lib/wagmi";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Plenum", template: "%s · Plenum" },
  description: "Governance of the Plenum AI compute network: proposals, delegates, disputes.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const rpcUrl = serverRpcUrl();
  const initialState = cookieToInitialState(getConfig(rpcUrl), (await headers()).get("cookie"));
  return (
    <html lang="en">
      <body>
        <Providers initialState={initialState} rpcUrl={rpcUrl}>
          <Header />
          <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
          {config.devPanel && <DevPanelLoader />}
        </Providers>
      </body>
    </html>
  );
}
