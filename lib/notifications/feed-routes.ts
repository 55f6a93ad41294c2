import "server-only";
import { isAddress, getAddress } from "viem";
import { config } from "../config";
import { IndexerError } from "../indexer/client";
import { indexerUnavailable, serverIndexer } from "../indexer/server";
import type { DaoEventType } from "../indexer/types";
import { daoEventTypes } from "../indexer/types";
import { siteUrl } from "../server-config";
import { delegateFeed, eventsFeed, FEED_ENTRIES, feedResponse, parseFeedFile } from "./feeds";

const typesOf = (prefix: string) => daoEventTypes.filter((type: DaoEventType) => type.startsWith(prefix)).join(",");

const dao = {
  proposals: {
    title: "Plenum proposals",
    description: "Every proposal of the DAO as it moves: created, voting, outcome, queued, executed or canceled.",
    page: "/proposals",
    types: typesOf("proposal."),
  },
  disputes: {
    title: "Plenum disputes",
    description: "Disputes filed against queued proposals, the panel's rulings, outcomes and payouts.",
    page: "/disputes",
    types: typesOf("dispute."),
  },
};

const notFound = (what: string) =>
  new Response(`${what}\n`, { status: 404, headers: { "content-type": "text/plain" } });

/** A feed's answer, or a plain-text error a reader retries: 503 while the indexer does not answer. */
async function answer(build: () => Promise<Response>): Promise<Response> {
  try {
    return await build();
  } catch (error) {
    if (!(error instanceof IndexerError)) throw error;
    return indexerUnavailable(error);
  }
}

/** GET /feeds/{proposals,disputes}.{atom,json} */
export function daoFeedResponse(request: Request, file: string): Promise<Response> {
  const parsed = parseFeedFile(file);
  const spec = parsed && Object.hasOwn(dao, parsed.name) ? dao[parsed.name as keyof typeof dao] : undefined;
  if (!parsed || !spec)
    return Promise.resolve(notFound("Feeds: proposals.atom, proposals.json, disputes.atom, disputes.json."));
  return answer(async () => {
    const indexer = serverIndexer();
    const until = (await indexer.status())?.timestamp ?? 0n;
    const { items } = await indexer.events({ until, types: spec.types, limit: FEED_ENTRIES });
    const feed = eventsFeed(
      { ...spec, site: siteUrl(request), path: `/feeds/${parsed.name}`, chainId: config.chainId },
      items,
    );
    return feedResponse(feed, parsed.format);
  });
}

/** GET /feeds/delegates/<address>.{atom,json}: the delegate's votes with reasons. */
export function delegateFeedResponse(request: Request, file: string): Promise<Response> {
  const parsed = parseFeedFile(file);
  if (!parsed || !isAddress(parsed.name, { strict: false })) {
    return Promise.resolve(notFound("A delegate's feed is /feeds/delegates/<address>.atom or .json."));
  }
  const address = getAddress(parsed.name);
  return answer(async () => {
    const indexer = serverIndexer();
    const [profile, votes] = await Promise.all([
      indexer.delegate(address),
      indexer.delegateVotes(address, { limit: FEED_ENTRIES }),
    ]);
    const feed = delegateFeed(
      { site: siteUrl(request), path: `/feeds/delegates/${address}`, chainId: config.chainId },
      { address, name: profile?.statement?.displayName || null },
      votes.items,
    );
    return feedResponse(feed, parsed.format);
  });
}
