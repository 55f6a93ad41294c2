"use client";

import "@rainbow-me/rainbowkit/styles.css";
import { ConnectButton, RainbowKitProvider, useConnectModal } from "@rainbow-me/rainbowkit";
import { useEffect, useRef, useState } from "react";
import { useAccount, useConfig } from "wagmi";
import { reconnect } from "wagmi/actions";
import { registerWalletList } from "./wallet-list";

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
  const config = useConfig();
  const { status } = useAccount();
  const [registered] = useState(() => registerWalletList(config));
  const reconnectTried = useRef(false);
  // The first reconnect ran before these connectors existed: once it has settled, try them.
  useEffect(() => {
    if (registered.length === 0 || status !== "disconnected" || reconnectTried.current) return;
    reconnectTried.current = true;
    void reconnect(config, { connectors: registered });
  }, [config, registered, status]);
  return (
    <RainbowKitProvider>
      {openOnMount && <OpenOnMount />}
      <ConnectButton showBalance={false} />
    </RainbowKitProvider>
  );
}
