"use client";

import { Stat } from "@/components/stat";
import { formatBps, formatTokens } from "@/lib/format";
import { useDelegates } from "@/lib/hooks/use-delegates";

/** Supply that votes: the sum of every delegate's voting power, and its share of the total supply. */
export function DelegatedSupply({ totalSupply }: { totalSupply: bigint }) {
  const delegates = useDelegates();
  const delegated = delegates.data?.delegates.reduce((sum, delegate) => sum + delegate.votes, 0n);
  return (
    <Stat
      label="Delegated supply"
      testId="delegated-supply"
      note={delegated === undefined ? undefined : `${formatBps((delegated * 10_000n) / totalSupply)} of supply votes`}
    >
      {delegates.error ? "unavailable" : delegated === undefined ? "…" : `${formatTokens(delegated, 0)} PLM`}
    </Stat>
  );
}
