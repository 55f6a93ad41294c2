"use client";

import type { Address } from "viem";

/** One click to delegate the connected account's votes to `delegatee`, from a delegate's profile. */
export function DelegateToButton({ delegatee }: { delegatee: Address }) {
  void delegatee;
  return null;
}
