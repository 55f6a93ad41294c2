import { useEffect, useState } from "react";
import { useBlock } from "wagmi";

/**
 * The chain's time (seconds), ticking every second: the latest block's timestamp plus the wall-clock time since
 * it was read. Countdowns use it rather than the browser's clock, which a local chain's time travel leaves behind.
 */
export function useChainNow(): bigint | undefined {
  const block = useBlock({ query: { refetchInterval: 15_000 } });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  if (!block.data) return undefined;
  const elapsed = Math.max(0, Math.floor((now - block.dataUpdatedAt) / 1_000));
  return block.data.timestamp + BigInt(elapsed);
}
