import { jsonBody } from "@/lib/api/server";
import { webhooksResponse } from "@/lib/notifications/server";

/** Register a webhook: `{ url, events, owner, issuedAt, signature }` signed by the owner; answers `{ id, secret }`. */
export async function POST(request: Request) {
  return webhooksResponse(request, async (webhooks, ip) => webhooks.subscribe(await jsonBody(request, 32 * 1024), ip));
}
