import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseProposalId } from "@/lib/governance/proposal-id";
import { pageSizes } from "@/lib/indexer/page-sizes";
import { indexedProposal, renderRead } from "@/lib/indexer/server";
import { markdownExcerpt } from "@/lib/markdown/plain-text";
import { splitDescription } from "@/lib/governance/proposal-text";
import { ProposalDetail } from "./_components/proposal-detail";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseProposalId((await params).id);
  const record = id === undefined ? null : await indexedProposal(id);
  if (record === null) return { title: "Proposal not found" };
  if (record === undefined) return { title: "Proposal" };
  const description = markdownExcerpt(splitDescription(record.description).body);
  return {
    title: record.title,
    description,
    openGraph: { title: record.title, description, type: "article" },
  };
}

export default async function ProposalPage({ params }: Props) {
  const { id } = await params;
  const proposalId = parseProposalId(id);
  if (proposalId === undefined) notFound();
  // Rendered from the indexer; with the indexer down the browser loads it and shows what failed.
  const [record, votes] = await Promise.all([
    indexedProposal(proposalId),
    renderRead((client) => client.proposalVotes(proposalId, { limit: pageSizes.proposalVotes })),
  ]);
  if (record === null) notFound();
  return <ProposalDetail id={proposalId} initial={record} initialVotes={votes} />;
}
