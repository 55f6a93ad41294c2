import { webhooksResponse } from "@/lib/notifications/server";

/** Stop a webhook, with its secret as `Authorization: Bearer <secret>`. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return webhooksResponse(request, (webhooks) => webhooks.unsubscribe(id, request.headers.get("authorization")));
}
