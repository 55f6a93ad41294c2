"use client";

import Link from "next/link";
import { QueryState } from "@/components/query-state";
import { Section } from "@/components/section";
import { ShowMore } from "@/components/show-more";
import { turnoutFigures, type TurnoutFigures } from "@/lib/analytics/figures";
import { formatTimestamp, formatTokens } from "@/lib/format";
import type { Page, ProposalTurnout } from "@/lib/indexer/types";
import { formatUnits } from "viem";
import { ChartData, type Column } from "./chart-data";
import { ChartFrame, shortTitle } from "./chart-frame";
import { MarginChart, TurnoutChart } from "./lazy-charts";
import { useTurnout } from "./use-analytics";

const plm = (amount: bigint) => formatUnits(amount, 18);
const utc = (seconds: bigint | null) => (seconds === null ? "" : new Date(Number(seconds) * 1000).toISOString());

const columns: Column<TurnoutFigures>[] = [
  { header: "proposal", cell: (row) => String(row.id), csv: (row) => String(row.id), csvOnly: true },
  {
    header: "title",
    cell: (row) => (
      <Link href={`/proposals/${row.id}`} className="text-blue-700 underline">
        {row.title}
      </Link>
    ),
    csv: (row) => row.title,
  },
  { header: "voting from (UTC)", cell: (row) => formatTimestamp(row.voteStart), csv: (row) => utc(row.voteStart) },
  { header: "state", cell: (row) => row.state, csv: (row) => row.state },
  { header: "voters", cell: (row) => row.voterCount, csv: (row) => row.voterCount },
  { header: "votes cast (PLM)", cell: (row) => formatTokens(row.cast), csv: (row) => plm(row.cast) },
  { header: "turnout of supply (%)", cell: (row) => row.ofSupply, csv: (row) => row.ofSupply },
  { header: "turnout of delegated (%)", cell: (row) => row.ofDelegated, csv: (row) => row.ofDelegated },
  { header: "quorum (PLM)", cell: (row) => formatTokens(row.quorum), csv: (row) => plm(row.quorum) },
  { header: "quorum margin (PLM)", cell: (row) => formatTokens(row.margin), csv: (row) => plm(row.margin) },
  {
    header: "quorum reached (UTC)",
    cell: (row) => (row.quorumReachedAt === null ? "not reached" : formatTimestamp(row.quorumReachedAt)),
    csv: (row) => utc(row.quorumReachedAt),
  },
  {
    header: "quorum in last day",
    cell: (row) => (row.lateQuorum ? "yes" : "no"),
    csv: (row) => (row.lateQuorum ? "yes" : "no"),
  },
  {
    header: "extended",
    cell: (row) => (row.extendedAt === null ? "no" : "yes"),
    csv: (row) => (row.extendedAt === null ? "no" : "yes"),
  },
];

/** Turnout per proposal against its snapshot's supply, the quorum margin, and the proposals that made quorum late. */
export function TurnoutSection({ initial }: { initial?: Page<ProposalTurnout> }) {
  const query = useTurnout(initial);
  const rows = (query.data?.pages.flatMap((page) => page.items) ?? []).map(turnoutFigures);
  // Oldest on the left.
  const chartRows = rows
    .toReversed()
    .map((row) => ({ ...row, label: shortTitle(row.title), reached: row.margin >= 0n }));
  const late = rows.filter((row) => row.lateQuorum || row.extendedAt !== null);
  return (
    <>
      <Section title="Turnout per proposal" testId="turnout">
        <QueryState query={query} label="turnout">
          {() =>
            rows.length === 0 ? (
              <p className="text-sm text-slate-600">No proposal has started voting yet.</p>
            ) : (
              <div className="space-y-3">
                <p className="text-sm text-slate-600">
                  Votes cast as a share of the token supply and of the delegated supply at each proposal&apos;s
                  snapshot, with the quorum&apos;s share of the supply; {rows.length} proposals, oldest on the left.
                </p>
                <ChartFrame label="Turnout per proposal, percent of supply and of delegated supply">
                  <TurnoutChart rows={chartRows} />
                </ChartFrame>
                <ChartData
                  caption="Turnout and quorum margin per proposal"
                  columns={columns}
                  rows={rows}
                  fileName="turnout.csv"
                  rowKey={(row) => String(row.id)}
                />
                <ShowMore query={query} label="older proposals" />
              </div>
            )
          }
        </QueryState>
      </Section>
      {rows.length > 0 && (
        <Section title="Quorum margin" testId="quorum-margin">
          <p className="text-sm text-slate-600">
            For and abstain votes beyond the quorum, as a share of the quorum: below the line, the proposal fell short.
          </p>
          <ChartFrame label="Quorum margin per proposal, percent of the quorum">
            <MarginChart rows={chartRows} />
          </ChartFrame>
          <ChartData
            caption="Quorum margin per proposal"
            columns={[columns[0], columns[1], columns[8], columns[9]]}
            rows={rows}
            fileName="quorum-margin.csv"
            rowKey={(row) => String(row.id)}
          />
          <h3 className="mt-4 text-sm font-semibold">Quorum reached only in the last day, or extended</h3>
          {late.length === 0 ? (
            <p className="text-sm text-slate-600">
              None: every proposal that reached quorum did so with a day to spare.
            </p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm" data-testid="late-quorum">
              {late.map((row) => (
                <li key={String(row.id)}>
                  <Link href={`/proposals/${row.id}`} className="text-blue-700 underline">
                    {row.title}
                  </Link>
                  : quorum reached {row.quorumReachedAt === null ? "never" : formatTimestamp(row.quorumReachedAt)}
                  {row.extendedAt !== null && `, voting extended to ${formatTimestamp(row.voteEnd)}`}
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
    </>
  );
}
