"use client";

import Link from "next/link";
import dynamic from "next/dynamic";
import { useState } from "react";
import { useAccount } from "wagmi";
import { WalletButton } from "./wallet/wallet-button";

const links = [
  { href: "/", label: "Overview" },
  { href: "/proposals", label: "Proposals" },
  { href: "/delegates", label: "Delegates" },
  { href: "/disputes", label: "Disputes" },
  { href: "/analytics", label: "Analytics" },
  { href: "/notifications", label: "Notifications" },
];

// Loaded once a wallet is connected: visitors without one never download it.
const HeaderAccount = dynamic(() => import("./header-account").then((module) => module.HeaderAccount), { ssr: false });

/**
 * On a phone the links and the account's voting power fold into a menu under a Menu button; the wallet button
 * stays in the top row. From 768 px up everything sits on one row.
 */
export function Header() {
  const { isConnected } = useAccount();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="py-2 text-lg font-semibold tracking-tight">
          Plenum
        </Link>
        <button
          type="button"
          aria-expanded={menuOpen}
          aria-controls="header-menu"
          onClick={() => setMenuOpen((open) => !open)}
          className="min-h-11 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-700 md:hidden"
        >
          Menu
        </button>
        <div
          id="header-menu"
          className={`${menuOpen ? "flex" : "hidden"} order-last w-full flex-col gap-1 md:order-none md:flex md:w-auto md:flex-1 md:flex-row md:items-center md:gap-6`}
        >
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              onClick={() => setMenuOpen(false)}
              className="py-2 text-sm text-slate-600 hover:text-slate-900"
            >
              {link.label}
            </Link>
          ))}
          {isConnected && (
            <div className="border-t border-slate-200 pt-2 md:ml-auto md:border-0 md:pt-0">
              <HeaderAccount />
            </div>
          )}
        </div>
        <div className="ml-auto md:ml-0">
          <WalletButton />
        </div>
      </nav>
    </header>
  );
}
