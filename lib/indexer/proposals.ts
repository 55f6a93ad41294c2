import type { ProposalSummary } from "../chain/proposals";
import { splitDescription } from "../governance/proposal-text";
import type { IndexerClient } from "./client";
import type { IndexedProposal } from "./types";

/** What the proposal list and cards show of an indexed proposal. */
export function toProposalSummary(proposal: IndexedProposal): ProposalSummary {
  return {
    id: proposal.id,
    proposer: proposal.proposer,
    description: proposal.description,
    title: proposal.title,
    body: splitDescription(proposal.description).body,
    state: proposal.state,
    snapshot: proposal.voteStart,
    deadline: proposal.voteEnd,
    eta: proposal.eta,
    votes: { against: proposal.againstVotes, for: proposal.forVotes, abstain: proposal.abstainVotes },
    voterCount: proposal.voterCount,
    quorum: proposal.quorum,
    quorumIsEstimate: proposal.quorumIsEstimate,
    createdAt: proposal.createdAt,
    dispute: proposal.dispute ?? undefined,
  };
}

/** Proposals still in motion (pending, active, succeeded, queued) with their states at `now`, newest first. */
export async function readOpenProposals(client: IndexerClient, now: bigint | undefined): Promise<ProposalSummary[]> {
  const page = await client.proposals({ state: "Pending,Active,Succeeded,Queued", now, limit: 100 });
  return page.items.map(toProposalSummary);
}
