"use client";

import Link from "next/link";
import dynamic from "next/dynamic";
import { useAccount } from "wagmi";
import { WalletButton } from "./wallet/wallet-button";

const links = [
  { href: "/", label: "Overview" },
  { href: "/proposals", label: "Proposals" },
  { href: "/delegates", label: "Delegates" },
  { href: "/disputes", label: "Disputes" },
];

// Loaded once a wallet is connected: visitors without one never download it.
const HeaderAccount = dynamic(() => import("./header-account").then((module) => module.HeaderAccount), { ssr: false });

export function Header() {
  const { isConnected } = useAccount();
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Plenum
        </Link>
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="text-sm text-slate-600 hover:text-slate-900">
            {link.label}
          </Link>
        ))}
        <div className="ml-auto flex items-center gap-4">
          {isConnected && <HeaderAccount />}
          <WalletButton />
        </div>
      </nav>
    </header>
  );
}
