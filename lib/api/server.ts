import "server-only";
import { BaseError } from "viem";
import { describeError } from "../contracts/errors";
import { clientIp, relayRulesFromEnv } from "../relay/rules";
import { Refusal, type RefusalBody } from "./refusal";

const NO_STORE = { "cache-control": "no-store" };

function refusalResponse(status: number, body: RefusalBody): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/**
 * An API route's answer: what `work` returns as JSON (a Response, such as a stream, as it is); a Refusal as its status with `{ error, message }`; a chain
 * that does not answer as 502 ChainUnavailable; anything else as 500 `<failed>` with `failedMessage`. `service`
 * names the route's side in messages ("The relay").
 */
export async function apiResponse(
  work: () => Promise<unknown>,
  { service, failed, failedMessage }: { service: string; failed: string; failedMessage: string },
): Promise<Response> {
  try {
    const answer = await work();
    return answer instanceof Response ? answer : Response.json(answer, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof Refusal) return refusalResponse(error.status, error.body);
    if (error instanceof BaseError) {
      return refusalResponse(502, {
        error: "ChainUnavailable",
        message: `${service} could not reach the chain: ${describeError(error)}. Try again.`,
      });
    }
    console.error(`${service}:`, error);
    return refusalResponse(500, { error: failed, message: failedMessage });
  }
}

/** The JSON body of a POST, at most `maxBytes`; otherwise refused as InvalidRequest. */
export async function jsonBody(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const tooLarge = () => new Refusal("InvalidRequest", 400, `The request body is over ${maxBytes / 1024} KiB.`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal("InvalidRequest", 400, "The request body is not JSON.");
  }
}

/** The client's address for rate limits: the same proxies stand in front of every route (RELAY_TRUSTED_PROXIES). */
export function requestClientIp(request: Request): string {
  return clientIp(request.headers.get("x-forwarded-for"), relayRulesFromEnv(process.env).trustedProxies);
}
