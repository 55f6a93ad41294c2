import "server-only";
import { cache } from "react";
import { governorKnows, readProposalCreated, type CreatedProposal } from "../chain/proposal-created";
import { serverChainClient } from "../chain/server-client";
import { serverChainNow } from "../chain/server-clock";
import { serverIndexerUrl } from "../server-config";
import { indexerClient, type IndexerClient, type IndexerError } from "./client";

/** A plain-text answer for a file the indexer could not give (a feed, a CSV): 503, to be retried in 30 s. */
export function indexerUnavailable(error: IndexerError): Response {
  return new Response(`${error.message} Try again shortly.\n`, {
    status: 503,
    headers: { "content-type": "text/plain", "retry-after": "30" },
  });
}

/** The indexer as the server reaches it, for server renders. */
export function serverIndexer(): IndexerClient {
  return indexerClient(serverIndexerUrl());
}

/**
 * A read for a server render that never fails the render: the indexer's answer, or `undefined` when it is down
 * (the page then loads in the browser, which shows the error with a retry).
 */
export async function renderRead<T>(read: (client: IndexerClient) => Promise<T>): Promise<T | undefined> {
  try {
    return await read(serverIndexer());
  } catch {
    return undefined;
  }
}

/**
 * One proposal's indexed record with its state at the chain's time, shared by the page's metadata and its render
 * (one request per page view).
 */
export const indexedProposal = cache(async (id: bigint) => {
  const now = await serverChainNow();
  return renderRead((client) => client.proposal(id, now));
});

/**
 * A proposal the indexer does not have (`indexedProposal` null) that the governor knows: just created, the indexer not
 * at its block yet. `created` is its text from the chain's ProposalCreated log, when that log is recent enough. Null
 * when the governor does not know the id, or the chain does not answer.
 */
export const unindexedProposal = cache(async (id: bigint): Promise<{ created?: CreatedProposal } | null> => {
  const client = serverChainClient();
  const known = await governorKnows(client, id).catch(() => false);
  if (!known) return null;
  return { created: await readProposalCreated(client, id).catch(() => undefined) };
});

/** One address's indexed profile, shared by the page's metadata and its render. */
export const indexedDelegate = cache((address: string) => renderRead((client) => client.delegate(address)));
