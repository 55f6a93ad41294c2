import { jsonBody } from "@/lib/api/server";
import { pollStates, type PollState } from "@/lib/polls/api";
import { pollsResponse } from "@/lib/polls/server";

/** The DAO's temperature checks, newest first: `?state=upcoming|open|closed|promoted`, `?cursor=` from `next`. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const state = params.get("state");
  return pollsResponse(request, (polls) =>
    polls.list({
      state: pollStates.includes(state as PollState) ? (state as PollState) : undefined,
      cursor: params.get("cursor") ?? undefined,
    }),
  );
}

/** Publish a signed poll: `{ id }`, or a refusal by name. */
export async function POST(request: Request) {
  return pollsResponse(request, async (polls, ip) => polls.create(await jsonBody(request, 512 * 1024), ip));
}
