"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { useAccount } from "wagmi";

const connectClass = "rounded-xl bg-blue-600 px-4 py-2 text-sm font-semibold text-white shadow hover:bg-blue-700";

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
 * JavaScript, so it loads on the first click, or at once when a wallet is already connected.
 */
export function WalletButton() {
  const { isConnected } = useAccount();
  const [requested, setRequested] = useState(false);
  if (!isConnected && !requested) {
    return (
      <button type="button" className={connectClass} onClick={() => setRequested(true)}>
        Connect Wallet
      </button>
    );
  }
  return <WalletMenu openOnMount={!isConnected} />;
}
