import "server-only";
import { http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { chainAt } from "../config";
import { contracts } from "../contracts";
import { apiResponse, requestClientIp } from "../api/server";
import { appDatabase } from "../database/app-database";
import { relayerPrivateKey, serverRpcUrl } from "../server-config";
import { createRelay, type Relay } from "./relay";
import { relayRulesFromEnv } from "./rules";

// One relay per bundle: its errors must be this bundle's Refusal for `instanceof` in apiResponse. The database under it
// is shared by the whole process (appDatabase).
let relay: Promise<Relay> | undefined;

function openRelay(): Promise<Relay> {
  relay ??= (async () => {
    const rpcUrl = serverRpcUrl();
    const key = relayerPrivateKey();
    return createRelay({
      chain: chainAt(rpcUrl),
      transport: http(rpcUrl, { timeout: 10_000, retryCount: 1 }),
      sponsor: key ? privateKeyToAccount(key) : undefined,
      rules: relayRulesFromEnv(process.env),
      database: await appDatabase(),
      contracts,
    });
  })().catch((error: unknown) => {
    relay = undefined;
    throw error;
  });
  return relay;
}

/**
 * A relay route: the relay and the client's IP to `work`, its answer as JSON; a refusal as its status with
 * `{ error, message }`; a chain that does not answer as 502 ChainUnavailable.
 */
export async function relayResponse(request: Request, work: (relay: Relay, ip: string) => Promise<unknown>) {
  return apiResponse(async () => work(await openRelay(), requestClientIp(request)), {
    service: "The relay",
    failed: "RelayFailed",
    failedMessage: "The relay failed unexpectedly; nothing was sent. Try again, or use a normal transaction.",
  });
}
