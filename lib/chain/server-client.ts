import "server-only";
import { createPublicClient, http } from "viem";
import { chainAt } from "../config";
import { serverRpcUrl } from "../server-config";

/** The chain as the server reaches it (RPC_URL), for server renders: a read that takes over 2 s fails. */
export function serverChainClient() {
  return createPublicClient({
    chain: chainAt(serverRpcUrl()),
    transport: http(serverRpcUrl(), { timeout: 2_000, retryCount: 0 }),
  });
}
