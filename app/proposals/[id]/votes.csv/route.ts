import { votesCsvResponse } from "@/lib/indexer/votes-csv";

/** Every vote on the proposal as CSV, heaviest first. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return votesCsvResponse((await params).id);
}
