"use client";

import { Stat } from "@/components/stat";
import { formatBps, formatTokens } from "@/lib/format";
import { useIndexerOverview } from "@/lib/hooks/use-indexer-overview";

/** Supply that votes: the sum of every delegate's voting power, kept by the indexer, and its share of the supply. */
export function DelegatedSupply({ totalSupply }: { totalSupply: bigint }) {
  const overview = useIndexerOverview();
  const delegated = overview.data?.delegatedSupply;
  return (
    <Stat
      label="Delegated supply"
      testId="delegated-supply"
      note={
        delegated === undefined || totalSupply === 0n
          ? undefined
          : `${formatBps((delegated * 10_000n) / totalSupply)} of supply votes`
      }
    >
      {overview.error ? "unavailable" : delegated === undefined ? "…" : `${formatTokens(delegated, 0)} PLM`}
    </Stat>
  );
}
