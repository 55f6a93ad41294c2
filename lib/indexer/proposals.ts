import type { ProposalSummary } from "../chain/proposals";
import { splitDescription } from "../governance/proposal-text";
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
