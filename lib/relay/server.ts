import "server-only";
import { BaseError, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { chainAt } from "../config";
import { contracts } from "../contracts";
import { describeError } from "../contracts/errors";
import { appDatabase } from "../database/app-database";
import { relayerPrivateKey, serverRpcUrl } from "../server-config";
import type { RelayRefusalBody } from "./api";
import { createRelay, RelayRefusal, type Relay } from "./relay";
import { clientIp, relayRulesFromEnv } from "./rules";

// One relay per bundle: its errors must be this bundle's RelayRefusal for `instanceof` below. The database under it
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

const MAX_BODY_BYTES = 64 * 1024;

function refusal(status: number, body: RelayRefusalBody): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/**
 * A relay route: the relay and the client's IP to `work`, its answer as JSON; a refusal as its status with
 * `{ error, message }`; a chain that does not answer as 502 ChainUnavailable.
 */
export async function relayResponse(request: Request, work: (relay: Relay, ip: string) => Promise<unknown>) {
  try {
    const ip = clientIp(request.headers.get("x-forwarded-for"), relayRulesFromEnv(process.env).trustedProxies);
    const body = await work(await openRelay(), ip);
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof RelayRefusal) return refusal(error.status, error.body);
    if (error instanceof BaseError) {
      return refusal(502, {
        error: "ChainUnavailable",
        message: `The relay could not reach the chain: ${describeError(error)}. Try again.`,
      });
    }
    console.error("relay:", error);
    return refusal(500, {
      error: "RelayFailed",
      message: "The relay failed unexpectedly; nothing was sent. Try again, or use a normal transaction.",
    });
  }
}

/** The JSON body of a POST, at most 64 KiB. */
export async function jsonBody(request: Request): Promise<unknown> {
  const tooLarge = () => new RelayRefusal("InvalidRequest", `The request body is over ${MAX_BODY_BYTES / 1024} KiB.`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  try {
    return JSON.parse(text);
  } catch {
    throw new RelayRefusal("InvalidRequest", "The request body is not JSON.");
  }
}
