"use client";

import type { ProposalDetail } from "@/lib/chain/proposals";

/** Challenge a queued proposal before its ETA: the bond, approve and file in one guided flow, evidence. */
export function FileDispute({ detail, now }: { detail: ProposalDetail; now?: bigint }) {
  void detail;
  void now;
  return null;
}
