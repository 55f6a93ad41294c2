import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readProposalDetail } from "@/lib/chain/proposals";
import { serverChainClient } from "@/lib/chain/server-client";
import { readTimelockRoles } from "@/lib/chain/timelock-roles";
import { parseProposalId } from "@/lib/governance/proposal-id";
import { pageSizes } from "@/lib/indexer/page-sizes";
import { indexedProposal, renderRead, unindexedProposal } from "@/lib/indexer/server";
import { markdownExcerpt } from "@/lib/markdown/plain-text";
import { splitDescription } from "@/lib/governance/proposal-text";
import { serverPolls } from "@/lib/polls/server";
import { ProposalDetail } from "./_components/proposal-detail";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseProposalId((await params).id);
  if (id === undefined) return { title: "Proposal not found" };
  const record = await indexedProposal(id);
  if (record === null) {
    const unindexed = await unindexedProposal(id);
    if (unindexed === null) return { title: "Proposal not found" };
    return { title: unindexed.created ? splitDescription(unindexed.created.description).title : "Proposal" };
  }
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
  // Rendered from the indexer, with the live state read from the chain: the browser then reads neither again at
  // once. With the indexer down the browser loads the history and shows what failed; with the RPC down, the live
  // state.
  const chain = serverChainClient();
  const [record, votes, roles, poll] = await Promise.all([
    indexedProposal(proposalId),
    renderRead((client) => client.proposalVotes(proposalId, { limit: pageSizes.proposalVotes })),
    readTimelockRoles(chain).catch(() => undefined),
    // The temperature check it came from; the page goes on without it when the app database does not answer.
    serverPolls()
      .then((polls) => polls.forProposal(proposalId))
      .catch(() => undefined),
  ]);
  // Not indexed yet but known to the governor (just created, the indexer not at its block yet): shown from the chain
  // until indexed.
  const unindexed = record === null ? await unindexedProposal(proposalId) : undefined;
  if (unindexed === null) notFound();
  const live = await readProposalDetail(chain, proposalId, record ?? undefined).catch(() => undefined);
  return (
    <ProposalDetail
      id={proposalId}
      initial={record}
      created={unindexed?.created}
      initialVotes={votes}
      initialLive={live}
      initialRoles={roles}
      poll={poll}
    />
  );
}
