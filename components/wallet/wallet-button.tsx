"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { useAccount, useConfig } from "wagmi";

const connectClass =
  "min-h-11 rounded-xl bg-blue-600 px-4 py-2 text-sm font-semibold text-white shadow hover:bg-blue-700";

const WalletMenu = dynamic(() => import("./wallet-menu"), {
  ssr: false,
  loading: () => (
    <button type="button" className={connectClass} disabled>
      Connect Wallet
    </button>
  ),
});

/**
 * The header's wallet control. RainbowKit (modal, wallet list, styles) is a large part of the app's
 * JavaScript, so it loads on the first click, when a wallet is connected, or when the last wallet used is
 * one of RainbowKit's list (which joins the config with the modal) so that it can reconnect.
 */
export function WalletButton() {
  const config = useConfig();
  const { isConnected } = useAccount();
  const [requested, setRequested] = useState<"click" | "reconnect" | undefined>();
  useEffect(() => {
    let current = true;
    void Promise.resolve(config.storage?.getItem("recentConnectorId")).then((id) => {
      if (current && id && !config.connectors.some((connector) => connector.id === id)) setRequested("reconnect");
    });
    return () => {
      current = false;
    };
  }, [config]);
  if (!isConnected && !requested) {
    return (
      <button type="button" className={connectClass} onClick={() => setRequested("click")}>
        Connect Wallet
      </button>
    );
  }
  return <WalletMenu openOnMount={!isConnected && requested === "click"} reconnectList={requested === "reconnect"} />;
}
