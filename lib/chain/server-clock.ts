import "server-only";
import { createPublicClient, http } from "viem";
import { chainAt } from "../config";
import { serverRpcUrl } from "../server-config";

/** The chain's time (latest block) for a server render; undefined when the RPC does not answer within 2 s. */
export async function serverChainNow(): Promise<bigint | undefined> {
  const client = createPublicClient({
    chain: chainAt(serverRpcUrl()),
    transport: http(serverRpcUrl(), { timeout: 2_000, retryCount: 0 }),
  });
  try {
    return (await client.getBlock()).timestamp;
  } catch {
    return undefined;
  }
}
