import { daoFeedResponse } from "@/lib/notifications/feed-routes";

/** The DAO's proposals or disputes as Atom or JSON Feed: /feeds/proposals.atom, /feeds/disputes.json, … */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return daoFeedResponse(request, (await params).file);
}
