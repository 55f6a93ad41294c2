import { pollsResponse } from "@/lib/polls/server";

/** One poll: its signed message, state at the chain's time and result. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return pollsResponse(request, (polls) => polls.get(id));
}
