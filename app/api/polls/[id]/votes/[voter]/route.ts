import { isAddress } from "viem";
import { Refusal } from "@/lib/api/refusal";
import { pollsResponse } from "@/lib/polls/server";

/** One address's counting vote on the poll: `{ ballot }`, null when it has not voted. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; voter: string }> }) {
  const { id, voter } = await params;
  return pollsResponse(request, async (polls) => {
    if (!isAddress(voter)) throw new Refusal("InvalidRequest", 400, `${voter.slice(0, 60)} is not an address.`);
    return polls.ballotOf(id, voter);
  });
}
