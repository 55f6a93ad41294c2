import { webhooksResponse } from "@/lib/notifications/server";

/** A webhook's delivery log, newest first (`?cursor=`), with its secret as `Authorization: Bearer <secret>`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  return webhooksResponse(request, (webhooks) => webhooks.deliveries(id, request.headers.get("authorization"), cursor));
}
