import { pollsResponse } from "@/lib/polls/server";

/** Every signed message of the poll and its result, as one JSON file for `npm run verify:poll`, streamed. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return pollsResponse(
    request,
    async (polls) =>
      new Response(await polls.exportPoll(id), {
        headers: {
          "content-type": "application/json",
          "content-disposition": `attachment; filename="poll-${id.slice(2, 14)}.json"`,
          "cache-control": "no-store",
        },
      }),
  );
}
