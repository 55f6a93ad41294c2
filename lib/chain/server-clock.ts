import "server-only";
import { serverChainClient } from "./server-client";

/** The chain's time (latest block) for a server render; undefined when the RPC does not answer within 2 s. */
export async function serverChainNow(): Promise<bigint | undefined> {
  try {
    return (await serverChainClient().getBlock()).timestamp;
  } catch {
    return undefined;
  }
}
