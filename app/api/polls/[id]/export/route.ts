import { pollsResponse } from "@/lib/polls/server";

/** Every signed message of the poll and its result, as one JSON file for `npm run verify:poll`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const response = await pollsResponse(request, (polls) => polls.exportPoll(id));
  if (response.ok) {
    response.headers.set("content-disposition", `attachment; filename="poll-${id.slice(2, 14)}.json"`);
  }
  return response;
}
