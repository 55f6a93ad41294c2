import { jsonBody } from "@/lib/api/server";
import { pollsResponse } from "@/lib/polls/server";

/** The counting votes, heaviest first (`?cursor=` from `next`). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return pollsResponse(request, (polls) =>
    polls.ballots(id, new URL(request.url).searchParams.get("cursor") ?? undefined),
  );
}

/** Cast a signed vote: `{ digest }`, or a refusal by name. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return pollsResponse(request, async (polls, ip) => polls.vote(id, await jsonBody(request), ip));
}
