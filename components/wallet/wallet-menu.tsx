"use client";

import "@rainbow-me/rainbowkit/styles.css";
import { ConnectButton, RainbowKitProvider, useConnectModal } from "@rainbow-me/rainbowkit";
import { useEffect, useRef } from "react";

function OpenOnMount() {
  const { openConnectModal } = useConnectModal();
  const opened = useRef(false);
  useEffect(() => {
    if (openConnectModal && !opened.current) {
      opened.current = true;
      openConnectModal();
    }
  }, [openConnectModal]);
  return null;
}

/** RainbowKit's account button and modal: loaded only when a wallet is connected or being connected. */
export default function WalletMenu({ openOnMount }: { openOnMount: boolean }) {
  return (
    <RainbowKitProvider>
      {openOnMount && <OpenOnMount />}
      <ConnectButton showBalance={false} />
    </RainbowKitProvider>
  );
}
