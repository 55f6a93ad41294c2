"use client";

import type { Address } from "viem";
import type { CheckedStatement } from "@/lib/governance/delegates";

/** The profile owner's editor for their delegate statement. */
export function StatementEditor({ address, current }: { address: Address; current?: CheckedStatement }) {
  void address;
  void current;
  return null;
}
