// Atom and JSON Feed documents of the DAO's events and of one delegate's votes, built with the `feed` library. Every
// text from the chain goes in escaped, as HTML that shows it as typed: a feed reader renders it inert.
import { Feed, type Item } from "feed";
import { formatTokens } from "../format";
import type { DaoEvent, DelegateVote } from "../indexer/types";
import { eventPath, eventSummary, eventTitle } from "./describe";

export const feedFormats = { atom: "application/atom+xml", json: "application/feed+json" } as const;
export type FeedFormat = keyof typeof feedFormats;

/** Entries per feed: the newest. */
export const FEED_ENTRIES = 50;

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `text` as HTML that shows it as typed, without the characters XML cannot carry; lines kept. */
export function inertHtml(text: string): string {
  return text
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/[&<>"']/g, (char) => entities[char])
    .replace(/\r?\n/g, "<br>");
}

/** "proposals.atom" → { name: "proposals", format: "atom" }; undefined for another extension. */
export function parseFeedFile(file: string): { name: string; format: FeedFormat } | undefined {
  const match = /^(.+)\.(atom|json)$/.exec(file);
  return match ? { name: match[1], format: match[2] as FeedFormat } : undefined;
}

type FeedSpec = {
  /** The site's origin, for absolute links. */
  site: string;
  /** The feed's path without its extension: "/feeds/proposals". */
  path: string;
  title: string;
  description: string;
  /** The page the feed follows. */
  page: string;
  chainId: number;
  updated: Date;
};

function newFeed(spec: FeedSpec): Feed {
  return new Feed({
    id: `${spec.site}${spec.path}`,
    title: spec.title,
    description: spec.description,
    link: `${spec.site}${spec.page}`,
    updated: spec.updated,
    generator: "Plenum",
    feedLinks: { atom: `${spec.site}${spec.path}.atom`, json: `${spec.site}${spec.path}.json` },
  });
}

const dateOf = (seconds: bigint) => new Date(Number(seconds) * 1000);

/** A feed of DAO events, newest first. */
export function eventsFeed(spec: Omit<FeedSpec, "updated">, events: DaoEvent[]): Feed {
  const feed = newFeed({ ...spec, updated: dateOf(events[0]?.time ?? 0n) });
  for (const event of events) {
    const item: Item = {
      id: `urn:plenum:${spec.chainId}:${event.id}`,
      title: inertHtml(eventTitle(event)),
      link: `${spec.site}${eventPath(event)}`,
      date: dateOf(event.time),
      description: inertHtml(eventSummary(event)),
      category: [{ name: event.type, term: event.type }],
    };
    feed.addItem(item);
  }
  return feed;
}

/** One delegate's votes with their reasons, newest first: the delegate's report. */
export function delegateFeed(
  spec: Omit<FeedSpec, "updated" | "title" | "description" | "page">,
  delegate: { address: string; name: string | null },
  votes: DelegateVote[],
): Feed {
  const who = delegate.name ? `${delegate.name} (${delegate.address})` : delegate.address;
  const feed = newFeed({
    ...spec,
    title: `Votes of ${delegate.name ?? delegate.address}`,
    description: `Every vote ${who} cast in the DAO, with its reason.`,
    page: `/delegates/${delegate.address}`,
    updated: dateOf(votes[0]?.timestamp ?? 0n),
  });
  for (const vote of votes) {
    const weight = `${formatTokens(vote.weight)} PLM`;
    feed.addItem({
      id: `urn:plenum:${spec.chainId}:vote:${vote.proposalId}:${vote.voter.toLowerCase()}`,
      title: inertHtml(`${vote.support} on ${vote.proposalTitle}`),
      link: `${spec.site}/proposals/${vote.proposalId}`,
      date: dateOf(vote.timestamp),
      description: inertHtml(`${who} voted ${vote.support} with ${weight}.`),
      content: vote.reason ? `<p>${inertHtml(vote.reason)}</p>` : undefined,
      author: [{ name: delegate.name ?? delegate.address, link: `${spec.site}/delegates/${delegate.address}` }],
    });
  }
  return feed;
}

/** The feed as its format's document, cached briefly by readers and proxies. */
export function feedResponse(feed: Feed, format: FeedFormat): Response {
  return new Response(format === "atom" ? feed.atom1() : feed.json1(), {
    headers: { "content-type": `${feedFormats[format]}; charset=utf-8`, "cache-control": "public, max-age=60" },
  });
}
