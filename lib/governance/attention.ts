import type { ProposalStateName } from "./proposal-state";

type Attention = { state: ProposalStateName; dispute?: { status: string } };

/** Proposals someone should look at now: voting (Active), waiting in the timelock (Queued), or disputed. */
export function needsAttention(proposal: Attention): boolean {
  return proposal.state === "Active" || proposal.state === "Queued" || proposal.dispute?.status === "Open";
}
