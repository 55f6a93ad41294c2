"use client";

import dynamic from "next/dynamic";
import type { Address } from "viem";
import { QueryState } from "@/components/query-state";
import type { DisputesOverview, ListedDispute } from "@/lib/chain/disputes";
import { formatDuration, formatTokens } from "@/lib/format";
import { sortDisputes } from "@/lib/governance/disputes";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { useDisputes } from "@/lib/hooks/use-disputes";
import { toListedDispute } from "@/lib/indexer/disputes";
import type { DisputesRecord } from "@/lib/indexer/types";
import { DisputeCard } from "./dispute-card";
import { PanelList } from "./panel-list";

// For a connected account only: loads after the disputes are shown.
const YourDisputeWork = dynamic(
  () => import("@/components/dispute/your-dispute-work").then((module) => module.YourDisputeWork),
  { ssr: false },
);

export function DisputesView() {
  const query = useDisputes();
  // With the chain's RPC down the indexed disputes still show, with the chain's error above them.
  const indexedOnly = query.error !== null && !query.data && query.history !== undefined;
  return (
    <QueryState
      query={query}
      label={indexedOnly ? "the disputes' live state" : "the disputes"}
      renderOnError={indexedOnly}
    >
      {() => (query.data ? <DisputesContent overview={query.data} /> : <IndexedDisputes history={query.history!} />)}
    </QueryState>
  );
}

/** The disputes as the indexer alone can show them: without the panel's stakes, the module's settings or actions. */
function IndexedDisputes({ history }: { history: DisputesRecord }) {
  const profiles = new Map(history.panel.map((member) => [member.expert, member.profile]));
  return <DisputeList disputes={history.items.map(toListedDispute)} profiles={profiles} />;
}

function DisputeList({
  disputes,
  profiles,
  now,
}: {
  disputes: ListedDispute[];
  profiles: Map<Address, string>;
  /** The chain's time; unknown without the chain. */
  now?: bigint;
}) {
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">All disputes</h2>
      {disputes.length === 0 ? (
        <p data-testid="disputes-empty" className="rounded-lg border border-dashed border-slate-300 p-8 text-center">
          No proposal has been disputed yet. A dispute can be filed against a queued proposal before its ETA, from the
          proposal&apos;s page.
        </p>
      ) : (
        <ul className="space-y-4">
          {sortDisputes(disputes).map((dispute) => (
            <DisputeCard key={dispute.id.toString()} dispute={dispute} now={now} profiles={profiles} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DisputesContent({ overview }: { overview: DisputesOverview }) {
  // Until the latest block is known, the time the disputes were read.
  const now = useChainNow() ?? overview.readAt;
  const { settings, disputes, panel, profiles } = overview;
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

      <DisputeList disputes={disputes} profiles={profiles} now={now} />

      <PanelList panel={panel} disputes={disputes} expertStake={settings.expertStake} now={now} />
    </div>
  );
}

function Setting({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <p className="text-xs uppercase tracking-wide text-slate-600">{label}</p>
      <p className="mt-1 font-medium" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}
