import "server-only";
import { stringify } from "csv-stringify/sync";
import { formatUnits } from "viem";
import { IndexerError } from "./client";
import { indexerUnavailable, serverIndexer } from "./server";
import type { IndexedVote } from "./types";

const PAGE = 100;
const columns = ["voter", "voter_name", "support", "weight_plm", "reason", "time_utc", "transaction"];

/** Rows as CSV; a cell that a spreadsheet would run as a formula (=, +, -, @ …) is quoted inert. */
function csvRows(votes: IndexedVote[], header: boolean): string {
  return stringify(
    votes.map((vote) => [
      vote.voter,
      vote.voterName ?? "",
      vote.support,
      formatUnits(vote.weight, 18),
      vote.reason,
      new Date(Number(vote.timestamp) * 1000).toISOString(),
      vote.transactionHash,
    ]),
    { header, columns, escape_formulas: true },
  );
}

/**
 * GET /proposals/<id>/votes.csv: every vote on the proposal, heaviest first, read from the indexer a page at a time
 * and streamed. 404 for an id that is not a number; 503 while the indexer does not answer before the first row.
 */
export async function votesCsvResponse(rawId: string): Promise<Response> {
  if (!/^\d{1,78}$/.test(rawId)) return new Response("Not a proposal id.\n", { status: 404 });
  const id = BigInt(rawId);
  const indexer = serverIndexer();
  let first;
  try {
    first = await indexer.proposalVotes(id, { limit: PAGE });
  } catch (error) {
    if (!(error instanceof IndexerError)) throw error;
    return indexerUnavailable(error);
  }
  let cursor = first.nextCursor;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRows(first.items, true)));
      if (!cursor) controller.close();
    },
    async pull(controller) {
      if (!cursor) return;
      const page = await indexer.proposalVotes(id, { cursor, limit: PAGE });
      controller.enqueue(encoder.encode(csvRows(page.items, false)));
      cursor = page.nextCursor;
      if (!cursor) controller.close();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="proposal-${rawId.slice(0, 12)}-votes.csv"`,
      "cache-control": "no-store",
    },
  });
}
