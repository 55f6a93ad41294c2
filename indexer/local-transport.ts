import { custom } from "viem";

/**
 * The local chain (anvil) answers one request at a time, and Ponder asks for up to 100 full blocks at once while its
 * own thread is busy writing what it fetched: past Ponder's 10 s timeout the blocks were fetched again (273 times in
 * one scale backfill). A few requests at a time, without a timeout or a response size limit (a local node's block
 * of thousands of votes is tens of MB), fetch every block once.
 */
export function localTransport(url: string, maxInFlight = 4) {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  return custom({
    async request({ method, params }) {
      while (inFlight >= maxInFlight) await new Promise<void>((resolve) => waiting.push(resolve));
      inFlight += 1;
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
        });
        if (!response.ok) throw new Error(`${url} answered HTTP ${response.status} to ${method}`);
        const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string } };
        // With its code, viem turns the error into its JSON-RPC error class, which Ponder reads.
        if (body.error) throw Object.assign(new Error(body.error.message), body.error);
        return body.result;
      } finally {
        inFlight -= 1;
        waiting.shift()?.();
      }
    },
  });
}
