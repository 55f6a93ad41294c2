import type { Metadata } from "next";
import { serverChainNow } from "@/lib/chain/server-clock";
import { renderRead } from "@/lib/indexer/server";
import { DEFAULT_SILENT_OVER } from "@/lib/analytics/figures";
import { pageSizes } from "@/lib/indexer/page-sizes";
import { DelegationSection } from "./_components/delegation-section";
import { TurnoutSection } from "./_components/turnout-section";
import { WhatIfSection } from "./_components/what-if-section";

export const metadata: Metadata = {
  title: "Analytics",
  description:
    "Turnout, quorum margins, delegation and participation, and past proposals recounted under other settings.",
};

export default async function AnalyticsPage() {
  const now = await serverChainNow();
  const [turnout, delegation] = await Promise.all([
    renderRead((client) => client.proposalTurnout({ now, limit: pageSizes.turnout })),
    renderRead((client) => client.delegation({ now, silentOver: DEFAULT_SILENT_OVER })),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Analytics</h1>
        <p className="text-slate-600">
          How the DAO takes part in its votes, read from its indexed history, and what other quorum and voting settings
          would have decided.
        </p>
      </div>
      <TurnoutSection initial={turnout} />
      <DelegationSection initial={delegation} />
      <WhatIfSection />
    </div>
  );
}
