"use client";

import "@rainbow-me/rainbowkit/styles.css";
import { ConnectButton, RainbowKitProvider, darkTheme, lightTheme, useConnectModal } from "@rainbow-me/rainbowkit";
import { useEffect, useRef, type RefObject } from "react";
import { useAccount, useConfig } from "wagmi";
import { reconnect } from "wagmi/actions";
import { registerWalletList } from "./wallet-list";

// RainbowKit's blue and grey text fall short of 4.5:1 on its modal; these meet it, as the rest of the app does.
const lightMode = lightTheme({ accentColor: "#1d4ed8" });
const rainbowTheme = {
  lightMode: { ...lightMode, colors: { ...lightMode.colors, modalTextSecondary: "#52525b" } },
  darkMode: darkTheme({ accentColor: "#93c5fd", accentColorForeground: "#0f172a" }),
};

/**
 * RainbowKit draws each wallet's icon as a `role="img"` with no name, next to the wallet's name in the same button;
 * a screen reader would announce an unnamed image. Those icons are hidden from assistive technology instead.
 */
function useHideUnnamedWalletIcons() {
  useEffect(() => {
    const hide = () => {
      for (const icon of document.querySelectorAll('[data-rk] [role="img"]:not([aria-label]):not([aria-hidden])')) {
        icon.setAttribute("aria-hidden", "true");
      }
    };
    hide();
    const observer = new MutationObserver(hide);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}

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

/**
 * The modal gives the focus back, when it closes, to what had it when it opened. That may be gone: our "Connect Wallet"
 * button, which RainbowKit's replaced, or RainbowKit's, which the account button replaces once connected. The focus then
 * goes to the wallet button there is now, rather than to the top of the page.
 */
function FocusAfterModal({ buttons }: { buttons: RefObject<HTMLElement | null> }) {
  const { connectModalOpen } = useConnectModal();
  const wasOpen = useRef(false);
  useEffect(() => {
    if (connectModalOpen) {
      wasOpen.current = true;
    } else if (wasOpen.current) {
      wasOpen.current = false;
      if (document.activeElement === document.body)
        [...(buttons.current?.querySelectorAll("button") ?? [])].at(-1)?.focus();
    }
  }, [connectModalOpen, buttons]);
  return null;
}

/** RainbowKit's account button and modal: loaded only when a wallet is connected or being connected. */
export default function WalletMenu({ openOnMount, reconnectList }: { openOnMount: boolean; reconnectList: boolean }) {
  const config = useConfig();
  const { status } = useAccount();
  // Idempotent: React may render this more than once before it mounts (a lazy child suspends).
  const registered = registerWalletList(config);
  const reconnectTried = useRef(false);
  useHideUnnamedWalletIcons();
  // The last wallet used is one of these, and the first reconnect ran before they existed: once it has settled,
  // try them.
  useEffect(() => {
    if (!reconnectList || status !== "disconnected" || reconnectTried.current) return;
    reconnectTried.current = true;
    void reconnect(config, { connectors: registered });
  }, [config, reconnectList, registered, status]);
  const buttons = useRef<HTMLDivElement>(null);
  return (
    <RainbowKitProvider theme={rainbowTheme}>
      {openOnMount && <OpenOnMount />}
      <FocusAfterModal buttons={buttons} />
      <div ref={buttons}>
        {/* Below 768 px the account button is its avatar and the chain its icon, so the header fits a phone. */}
        <ConnectButton
          showBalance={false}
          accountStatus={{ smallScreen: "avatar", largeScreen: "full" }}
          chainStatus={{ smallScreen: "icon", largeScreen: "full" }}
        />
      </div>
    </RainbowKitProvider>
  );
}
