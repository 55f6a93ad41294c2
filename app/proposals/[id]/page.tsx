import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseProposalId } from "@/lib/governance/proposal-id";
import { ProposalDetail } from "./_components/proposal-detail";

export const metadata: Metadata = { title: "Proposal" };

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // A malformed id is a 404 here; a well-formed id the governor does not know is reported by the client.
  if (parseProposalId(id) === undefined) notFound();
  return <ProposalDetail id={id} />;
}
