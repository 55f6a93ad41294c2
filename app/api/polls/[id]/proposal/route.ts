import { jsonBody } from "@/lib/api/server";
import { pollsResponse } from "@/lib/polls/server";

/** Link a closed poll to the on-chain proposal its author submitted from it (checked against the chain). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return pollsResponse(request, async (polls, ip) => polls.linkProposal(id, await jsonBody(request, 128 * 1024), ip));
}
