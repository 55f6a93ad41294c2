"use client";

import { useState } from "react";
import { formatUnits } from "viem";
import { QueryState } from "@/components/query-state";
import { Section } from "@/components/section";
import { Stat } from "@/components/stat";
import { DEFAULT_SILENT_OVER, percentOf } from "@/lib/analytics/figures";
import { formatTimestamp, formatTokens } from "@/lib/format";
import type { DelegationRecord, ParticipationBand, SupplyPoint } from "@/lib/indexer/types";
import { ChartData, type Column } from "./chart-data";
import { ChartFrame } from "./chart-frame";
import { BandsChart, SupplyChart } from "./lazy-charts";
import { useDelegation } from "./use-analytics";

const plm = (amount: bigint) => formatUnits(amount, 18);
/** Whole PLM, for chart scales. */
const wholePlm = (amount: bigint) => Number(amount / 10n ** 18n);

const historyColumns: Column<SupplyPoint>[] = [
  {
    header: "time (UTC)",
    cell: (row) => formatTimestamp(row.timestamp),
    csv: (row) => new Date(Number(row.timestamp) * 1000).toISOString(),
  },
  { header: "supply (PLM)", cell: (row) => formatTokens(row.totalSupply), csv: (row) => plm(row.totalSupply) },
  {
    header: "delegated (PLM)",
    cell: (row) => formatTokens(row.delegatedSupply),
    csv: (row) => plm(row.delegatedSupply),
  },
  {
    header: "idle (PLM)",
    cell: (row) => formatTokens(row.totalSupply - row.delegatedSupply),
    csv: (row) => plm(row.totalSupply - row.delegatedSupply),
  },
  {
    header: "delegated (%)",
    cell: (row) => percentOf(row.delegatedSupply, row.totalSupply),
    csv: (row) => percentOf(row.delegatedSupply, row.totalSupply),
  },
];

const bandLabel = (band: ParticipationBand) => (band.to === 100 ? `${band.from}–100%` : `${band.from}–${band.to - 1}%`);
const bandColumns: Column<ParticipationBand>[] = [
  { header: "participation", cell: bandLabel, csv: bandLabel },
  { header: "delegates", cell: (row) => row.delegates, csv: (row) => row.delegates },
  { header: "voting power (PLM)", cell: (row) => formatTokens(row.votingPower), csv: (row) => plm(row.votingPower) },
];

const silentChoices = [1, 3, 5, 10, 20];

/** Delegated and idle supply over time, how concentrated voting power is, and how much of it takes part. */
/** `initial`: the server render's record, for the default `silentOver`. */
export function DelegationSection({ initial }: { initial?: DelegationRecord }) {
  const [silentOver, setSilentOver] = useState(DEFAULT_SILENT_OVER);
  const query = useDelegation(silentOver, silentOver === DEFAULT_SILENT_OVER ? initial : undefined);
  return (
    <Section title="Delegation" testId="delegation">
      <QueryState query={query} label="delegation">
        {() => query.data && <Delegation record={query.data} silentOver={silentOver} onSilentOver={setSilentOver} />}
      </QueryState>
    </Section>
  );
}

function Delegation({
  record,
  silentOver,
  onSilentOver,
}: {
  record: DelegationRecord;
  silentOver: number;
  onSilentOver: (count: number) => void;
}) {
  const history = record.history.map((point) => ({
    time: formatTimestamp(point.timestamp),
    delegated: wholePlm(point.delegatedSupply),
    idle: wholePlm(point.totalSupply - point.delegatedSupply),
  }));
  const bands = record.participation.map((band) => ({ ...band, label: bandLabel(band) }));
  const fewest = (count: number | null) => (count === null ? "out of reach" : `${count}`);
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Delegated supply"
          testId="delegated-share"
          note={`${formatTokens(record.delegatedSupply)} of ${formatTokens(record.totalSupply)} PLM`}
        >
          {percentOf(record.delegatedSupply, record.totalSupply)}%
        </Stat>
        <Stat label="Top 10 delegates hold" testId="top-ten-share" note="of the delegated voting power">
          {percentOf(record.topTenPower, record.delegatedSupply)}%
        </Stat>
        <Stat
          label="Fewest delegates to reach quorum"
          testId="delegates-for-quorum"
          note={`a quorum of ${formatTokens(record.quorum)} PLM`}
        >
          {fewest(record.delegatesForQuorum)}
        </Stat>
        <Stat
          label="Fewest delegates for a majority"
          testId="delegates-for-majority"
          note="more than half the delegated power"
        >
          {fewest(record.delegatesForMajority)}
        </Stat>
      </div>

      <div>
        <h3 className="text-sm font-semibold">Delegated and idle supply over time (PLM)</h3>
        <ChartFrame label="Delegated and idle supply over time">
          <SupplyChart points={history} />
        </ChartFrame>
        <ChartData
          caption="Delegated and idle supply over time"
          columns={historyColumns}
          rows={record.history}
          fileName="delegation-history.csv"
          rowKey={(row) => String(row.timestamp)}
        />
      </div>

      <div>
        <h3 className="text-sm font-semibold">Delegates by participation</h3>
        <p className="text-sm text-slate-600">
          The share of the proposals each delegate could vote on (it had voting power at the snapshot) that it voted on.
        </p>
        <ChartFrame label="Delegates by participation band">
          <BandsChart bands={bands} />
        </ChartFrame>
        <ChartData
          caption="Delegates by participation band"
          columns={bandColumns}
          rows={record.participation}
          fileName="participation.csv"
          rowKey={(row) => String(row.from)}
        />
      </div>

      <div data-testid="silent-power">
        <h3 className="text-sm font-semibold">Voting power that has not voted lately</h3>
        <label className="mt-1 block text-sm">
          Over the last{" "}
          <select
            value={silentOver}
            onChange={(event) => onSilentOver(Number(event.target.value))}
            className="rounded-md border border-slate-300 bg-white px-2 py-1"
          >
            {silentChoices.map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>{" "}
          proposals whose voting ended
        </label>
        <p className="mt-2 text-sm">
          <strong data-testid="silent-delegates">{record.silent.delegates}</strong>{" "}
          {record.silent.delegates === 1 ? "delegate" : "delegates"} holding{" "}
          <strong data-testid="silent-votes">{formatTokens(record.silent.votingPower)} PLM</strong> (
          {percentOf(record.silent.votingPower, record.delegatedSupply)}% of the delegated power) voted on none of the
          last {record.silent.proposals} proposals.
        </p>
      </div>
    </div>
  );
}
