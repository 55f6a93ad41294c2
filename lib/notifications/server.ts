import "server-only";
import { createPublicClient, http } from "viem";
import { apiResponse, requestClientIp } from "../api/server";
import { chainAt } from "../config";
import { contracts } from "../contracts";
import { appDatabase } from "../database/app-database";
import { serverIndexer } from "../indexer/server";
import { serverRpcUrl, siteUrl } from "../server-config";
import { webhookRulesFromEnv } from "./rules";
import { createWebhookSender, createWebhooks, type Webhooks } from "./webhooks";

let webhooks: Promise<Webhooks> | undefined;

/** The webhook registrations over the app database and the server's RPC. */
export function serverWebhooks(): Promise<Webhooks> {
  webhooks ??= (async () => {
    const rpcUrl = serverRpcUrl();
    return createWebhooks({
      database: await appDatabase(),
      client: createPublicClient({
        chain: chainAt(rpcUrl),
        transport: http(rpcUrl, { timeout: 10_000, retryCount: 1 }),
      }),
      governor: contracts.governor.address,
      rules: webhookRulesFromEnv(process.env),
    });
  })().catch((error: unknown) => {
    webhooks = undefined;
    throw error;
  });
  return webhooks;
}

/** A webhook route: the service and the client's rate-limit key to `work`, its answer as JSON, refusals by name. */
export function webhooksResponse(request: Request, work: (service: Webhooks, ip: string) => Promise<unknown>) {
  return apiResponse(async () => work(await serverWebhooks(), requestClientIp(request)), {
    service: "The webhook server",
    failed: "WebhooksFailed",
    failedMessage: "The webhook server failed unexpectedly; nothing was stored. Try again.",
  });
}

const SENDER_INTERVAL_MS = 5_000;

/** Start the webhook sender in this server process (instrumentation.ts), unless WEBHOOKS=0. */
export async function startWebhookSender(): Promise<void> {
  if (process.env.WEBHOOKS === "0") return;
  const sender = createWebhookSender({
    database: await appDatabase(),
    indexer: serverIndexer(),
    rules: webhookRulesFromEnv(process.env),
    site: siteUrl(),
  });
  sender.start(SENDER_INTERVAL_MS);
}
