"use client";

import dynamic from "next/dynamic";
import { QueryState } from "@/components/query-state";
import type { DisputesOverview } from "@/lib/chain/disputes";
import { formatDuration, formatTokens } from "@/lib/format";
import { sortDisputes } from "@/lib/governance/disputes";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { useDisputes } from "@/lib/hooks/use-disputes";
import { DisputeCard } from "./dispute-card";
import { PanelList } from "./panel-list";

// For a connected account only: loads after the disputes are shown.
const YourDisputeWork = dynamic(
  () => import("@/components/dispute/your-dispute-work").then((module) => module.YourDisputeWork),
  { ssr: false },
);

export function DisputesView() {
  const query = useDisputes();
  return (
    <QueryState query={query} label="the disputes">
      {() => <DisputesContent overview={query.data!} />}
    </QueryState>
  );
}

function DisputesContent({ overview }: { overview: DisputesOverview }) {
  // Until the latest block is known, the time the disputes were read.
  const now = useChainNow() ?? overview.readAt;
  const { settings, disputes, panel, profiles } = overview;
  const sorted = sortDisputes(disputes);
  return (
    <div className="space-y-8">
      <YourDisputeWork />
      <section className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
        <Setting label="Bond" value={`${formatTokens(settings.bond, 0)} PLM`} testId="setting-bond" />
        <Setting
          label="Reward if upheld"
          value={`${formatTokens(settings.rewardAmount, 0)} PLM (pool ${formatTokens(settings.rewardPool, 0)})`}
          testId="setting-reward"
        />
        <Setting
          label="Adjudication period"
          value={formatDuration(settings.adjudicationPeriod)}
          testId="setting-period"
        />
        <Setting
          label="Rulings to decide"
          value={`${settings.rulingQuorum} of ${panel.length} experts`}
          testId="setting-quorum"
        />
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">All disputes</h2>
        {sorted.length === 0 ? (
          <p data-testid="disputes-empty" className="rounded-lg border border-dashed border-slate-300 p-8 text-center">
            No proposal has been disputed yet. A dispute can be filed against a queued proposal before its ETA, from the
            proposal&apos;s page.
          </p>
        ) : (
          <ul className="space-y-4">
            {sorted.map((dispute) => (
              <DisputeCard key={dispute.id.toString()} dispute={dispute} now={now} profiles={profiles} />
            ))}
          </ul>
        )}
      </section>

      <PanelList panel={panel} disputes={disputes} expertStake={settings.expertStake} now={now} />
    </div>
  );
}

function Setting({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <p className="text-xs uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-1 font-medium" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}
