"use client";

import "@rainbow-me/rainbowkit/styles.css";
import { ConnectButton, RainbowKitProvider, useConnectModal } from "@rainbow-me/rainbowkit";
import { useEffect, useRef } from "react";
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
export default function WalletMenu({ openOnMount, reconnectList }: { openOnMount: boolean; reconnectList: boolean }) {
  const config = useConfig();
  const { status } = useAccount();
  // Idempotent: React may render this more than once before it mounts (a lazy child suspends).
  const registered = registerWalletList(config);
  const reconnectTried = useRef(false);
  // The last wallet used is one of these, and the first reconnect ran before they existed: once it has settled,
  // try them.
  useEffect(() => {
    if (!reconnectList || status !== "disconnected" || reconnectTried.current) return;
    reconnectTried.current = true;
    void reconnect(config, { connectors: registered });
  }, [config, reconnectList, registered, status]);
  return (
    <RainbowKitProvider>
      {openOnMount && <OpenOnMount />}
      <ConnectButton showBalance={false} />
    </RainbowKitProvider>
  );
}
