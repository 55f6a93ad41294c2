"use client";

import { QueryState } from "@/components/query-state";
import { formatBps, formatDuration, formatParameterValue, formatTokens } from "@/lib/format";
import { useDaoOverview } from "@/lib/hooks/use-dao-overview";
import { formatEther } from "viem";

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-xs uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-1 text-xl font-semibold" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

export function Overview() {
  const overview = useDaoOverview();
  return (
    <QueryState query={overview} label="the DAO overview">
      {() => {
        const data = overview.data!;
        const { settings } = data;
        return (
          <div className="space-y-8">
            <section className="grid grid-cols-2 gap-4 md:grid-cols-4">
              <Stat label="Treasury" value={`${formatTokens(data.treasuryTokens, 0)} PLM`} testId="treasury-plm" />
              <Stat
                label="Treasury ETH"
                value={overview.treasuryEth === undefined ? "…" : `${formatEther(overview.treasuryEth)} ETH`}
                testId="treasury-eth"
              />
              <Stat label="Total supply" value={`${formatTokens(data.totalSupply, 0)} PLM`} testId="total-supply" />
              <Stat
                label={`Quorum (${formatBps((data.quorumNumerator * 10_000n) / data.quorumDenominator)} of supply)`}
                value={`${formatTokens(data.quorum, 0)} PLM`}
                testId="quorum"
              />
            </section>

            <section>
              <h2 className="text-lg font-semibold">
                Network parameters{" "}
                {data.paused ? (
                  <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-sm text-red-800">Paused</span>
                ) : (
                  <span className="ml-2 rounded bg-emerald-100 px-2 py-0.5 text-sm text-emerald-800">Live</span>
                )}
              </h2>
              <table className="mt-3 w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
                <thead className="bg-slate-100 text-left text-slate-600">
                  <tr>
                    <th className="px-4 py-2">Parameter</th>
                    <th className="px-4 py-2">Value</th>
                    <th className="px-4 py-2">Bounds</th>
                  </tr>
                </thead>
                <tbody>
                  {data.parameters.map((parameter) => (
                    <tr
                      key={parameter.key}
                      className="border-t border-slate-100"
                      data-testid={`parameter-${parameter.key}`}
                    >
                      <td className="px-4 py-2">
                        <p className="font-medium">{parameter.key}</p>
                        <p className="text-slate-500">{parameter.description}</p>
                      </td>
                      <td className="px-4 py-2 font-mono" data-testid="value">
                        {formatParameterValue(parameter.value, parameter.unit)}
                      </td>
                      <td className="px-4 py-2 text-slate-600">
                        {formatParameterValue(parameter.min, parameter.unit)} –{" "}
                        {formatParameterValue(parameter.max, parameter.unit)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>

            <section className="grid grid-cols-2 gap-4 md:grid-cols-5">
              <Stat label="Voting delay" value={formatDuration(settings.votingDelay)} testId="voting-delay" />
              <Stat label="Voting period" value={formatDuration(settings.votingPeriod)} testId="voting-period" />
              <Stat
                label="Proposal threshold"
                value={`${formatTokens(settings.proposalThreshold, 0)} PLM`}
                testId="proposal-threshold"
              />
              <Stat label="Timelock delay" value={formatDuration(settings.timelockDelay)} testId="timelock-delay" />
              <Stat
                label="Late-quorum extension"
                value={formatDuration(settings.lateQuorumExtension)}
                testId="late-quorum-extension"
              />
            </section>

            <section className="grid grid-cols-3 gap-4">
              <Stat label="Verified publishers" value={String(data.publisherCount)} testId="publisher-count" />
              <Stat label="Registered models" value={data.modelCount.toString()} testId="model-count" />
              <Stat label="Grants" value={data.grantCount.toString()} testId="grant-count" />
            </section>
          </div>
        );
      }}
    </QueryState>
  );
}
