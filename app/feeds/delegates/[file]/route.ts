import { delegateFeedResponse } from "@/lib/notifications/feed-routes";

/** One delegate's votes with reasons, as Atom or JSON Feed: /feeds/delegates/<address>.atom or .json. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return delegateFeedResponse(request, (await params).file);
}
