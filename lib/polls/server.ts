import "server-only";
import { createPublicClient, http } from "viem";
import { apiResponse, requestClientIp } from "../api/server";
import { chainAt } from "../config";
import { contracts } from "../contracts";
import { appDatabase } from "../database/app-database";
import { serverRpcUrl } from "../server-config";
import { createPolls, type Polls } from "./polls";
import { pollRulesFromEnv } from "./rules";

// One service per bundle: its errors must be this bundle's Refusal for `instanceof` in apiResponse. The database
// under it is shared by the whole process (appDatabase).
let polls: Promise<Polls> | undefined;

/** The temperature checks over the app database and the server's RPC. */
export function serverPolls(): Promise<Polls> {
  polls ??= (async () => {
    const rpcUrl = serverRpcUrl();
    return createPolls({
      client: createPublicClient({
        chain: chainAt(rpcUrl),
        transport: http(rpcUrl, { timeout: 10_000, retryCount: 1 }),
      }),
      database: await appDatabase(),
      contracts,
      rules: pollRulesFromEnv(process.env),
    });
  })().catch((error: unknown) => {
    polls = undefined;
    throw error;
  });
  return polls;
}

/** A poll route: the service and the client's rate-limit key to `work`, its answer as JSON, refusals by name. */
export function pollsResponse(request: Request, work: (polls: Polls, ip: string) => Promise<unknown>) {
  return apiResponse(async () => work(await serverPolls(), requestClientIp(request)), {
    service: "The poll server",
    failed: "PollsFailed",
    failedMessage: "The poll server failed unexpectedly; nothing was stored. Try again.",
  });
}
