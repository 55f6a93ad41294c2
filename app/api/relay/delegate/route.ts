import { jsonBody } from "@/lib/api/server";
import { relayResponse } from "@/lib/relay/server";

/** A signed Delegation, sent by the DAO's sponsor through the token's delegateBySig: `{ hash }`, or a refusal. */
export async function POST(request: Request) {
  return relayResponse(request, async (relay, ip) => relay.delegate(() => jsonBody(request), ip));
}
