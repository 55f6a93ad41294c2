import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getAddress, isAddress, type Address } from "viem";
import { FeedLinks, feedAlternates } from "@/components/feed-links";
import { shortAddress } from "@/lib/format";
import { delegateName } from "@/lib/governance/delegates";
import { pageSizes } from "@/lib/indexer/page-sizes";
import { indexedDelegate, renderRead } from "@/lib/indexer/server";
import { markdownExcerpt } from "@/lib/markdown/plain-text";
import { DelegateProfileView } from "./_components/delegate-profile";

type Props = { params: Promise<{ address: string }> };

function parseAddress(raw: string): Address | undefined {
  return isAddress(raw, { strict: false }) ? getAddress(raw) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const address = parseAddress((await params).address);
  if (!address) return { title: "Not an address" };
  const record = await indexedDelegate(address);
  const feeds = (title: string) => feedAlternates(`/feeds/delegates/${address}`, `Votes of ${title}`);
  if (!record?.statement) {
    const title = `Delegate ${shortAddress(address)}`;
    return { title, alternates: feeds(title) };
  }
  const title = delegateName(record);
  const description = markdownExcerpt(record.statement.text);
  return { title, description, openGraph: { title, description, type: "profile" }, alternates: feeds(title) };
}

/**
 * Anything but an address is a 404. An address the indexer has never seen is a page all the same (200): it has no
 * history, yet it can be delegated to and can publish a statement, and the page says so and offers both.
 */
export default async function DelegatePage({ params }: Props) {
  const address = parseAddress((await params).address);
  if (!address) notFound();
  // Rendered from the indexer; with the indexer down the browser loads it and shows what failed.
  const [record, votes, delegators] = await Promise.all([
    indexedDelegate(address),
    renderRead((client) => client.delegateVotes(address, { limit: pageSizes.delegateVotes })),
    renderRead((client) => client.delegators(address, { limit: pageSizes.delegators })),
  ]);
  return (
    <>
      <DelegateProfileView address={address} initial={record} initialVotes={votes} initialDelegators={delegators} />
      <FeedLinks path={`/feeds/delegates/${address}`} what="this delegate's votes and reasons" />
    </>
  );
}
