import { jsonBody } from "@/lib/api/server";
import { relayResponse } from "@/lib/relay/server";

/** A signed ExtendedBallot, sent by the DAO's sponsor: `{ hash }`, or a refusal by name. */
export async function POST(request: Request) {
  return relayResponse(request, async (relay, ip) => relay.vote(() => jsonBody(request), ip));
}
