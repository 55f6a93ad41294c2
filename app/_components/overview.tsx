"use client";

import { formatEther } from "viem";
import { QueryState } from "@/components/query-state";
import { Stat } from "@/components/stat";
import { DelegatedSupply } from "./delegated-supply";
import { GuardianStatus } from "./guardian-status";
import {
  formatBps,
  formatDuration,
  formatParameterBounds,
  formatParameterValue,
  formatTimestamp,
  formatTokens,
} from "@/lib/format";
import type { DaoOverview } from "@/lib/chain/dao-overview";
import { parametersPaused } from "@/lib/governance/guardian";
import { useDaoOverview } from "@/lib/hooks/use-dao-overview";
import { useGuardian } from "@/lib/hooks/use-guardian";
import { ScrollBox } from "@/components/scroll-box";

export function Overview({ initial }: { initial?: DaoOverview }) {
  const overview = useDaoOverview(initial);
  const guardian = useGuardian();
  const pausedUntil =
    guardian.data && guardian.now !== undefined && parametersPaused(guardian.data, guardian.now)
      ? guardian.data.pausedUntil
      : undefined;
  return (
    <QueryState query={overview} label="the DAO overview">
      {() => {
        const data = overview.data!;
        const { settings } = data;
        return (
          <div className="space-y-8">
            <section className="grid grid-cols-2 gap-4 md:grid-cols-5">
              <Stat label="Treasury" testId="treasury-plm">
                {formatTokens(data.treasuryTokens, 0)} PLM
              </Stat>
              <Stat label="Treasury ETH" testId="treasury-eth">
                {formatEther(data.treasuryEth)} ETH
              </Stat>
              <Stat label="Total supply" testId="total-supply">
                {formatTokens(data.totalSupply, 0)} PLM
              </Stat>
              <DelegatedSupply totalSupply={data.totalSupply} />
              <Stat
                label={`Quorum (${formatBps((data.quorumNumerator * 10_000n) / data.quorumDenominator)} of supply)`}
                testId="quorum"
              >
                {formatTokens(data.quorum, 0)} PLM
              </Stat>
            </section>

            <section>
              <h2 className="text-lg font-semibold">
                Network parameters{" "}
                {pausedUntil !== undefined ? (
                  <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-sm text-red-800">
                    Paused until {formatTimestamp(pausedUntil)}
                  </span>
                ) : (
                  guardian.data && (
                    <span className="ml-2 rounded bg-emerald-100 px-2 py-0.5 text-sm text-emerald-800">Live</span>
                  )
                )}
              </h2>
              <ScrollBox label="Network parameters" className="mt-3 rounded-lg border border-slate-200 bg-white">
                <table className="w-full text-sm">
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
                          <p className="text-slate-600">{parameter.description}</p>
                        </td>
                        <td className="px-4 py-2 font-mono" data-testid="value">
                          {formatParameterValue(parameter.value, parameter.unit)}
                        </td>
                        <td className="px-4 py-2 text-slate-600">
                          {formatParameterBounds(parameter.min, parameter.max, parameter.unit)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            </section>

            <GuardianStatus />

            <section className="grid grid-cols-2 gap-4 md:grid-cols-5">
              <Stat label="Voting delay" testId="voting-delay">
                {formatDuration(settings.votingDelay)}
              </Stat>
              <Stat label="Voting period" testId="voting-period">
                {formatDuration(settings.votingPeriod)}
              </Stat>
              <Stat label="Proposal threshold" testId="proposal-threshold">
                {formatTokens(settings.proposalThreshold, 0)} PLM
              </Stat>
              <Stat label="Timelock delay" testId="timelock-delay">
                {formatDuration(settings.timelockDelay)}
              </Stat>
              <Stat label="Late-quorum extension" testId="late-quorum-extension">
                {formatDuration(settings.lateQuorumExtension)}
              </Stat>
            </section>

            <section className="grid grid-cols-3 gap-4">
              <Stat label="Verified publishers" testId="publisher-count">
                {String(data.publisherCount)}
              </Stat>
              <Stat label="Registered models" testId="model-count">
                {data.modelCount.toString()}
              </Stat>
              <Stat label="Grants" testId="grant-count">
                {data.grantCount.toString()}
              </Stat>
            </section>
          </div>
        );
      }}
    </QueryState>
  );
}
