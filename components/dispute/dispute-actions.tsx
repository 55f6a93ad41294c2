"use client";

import type { DisputeRecord } from "@/lib/governance/disputes";

/** What the connected account can do on one dispute: rule (panel members), resolve a timed-out one (anyone). */
export function DisputeActions({ dispute }: { dispute: DisputeRecord }) {
  void dispute;
  return null;
}
