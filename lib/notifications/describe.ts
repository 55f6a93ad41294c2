// What each DAO event says to a person, in plain text: the feeds' entries and the webhooks' `title` and `summary`.
import {
  disputeStatusBadges,
  disputeStatusLabels,
  disputeStatusNames,
  type DisputeStatusName,
} from "../governance/dispute-status";
import { formatTokens } from "../format";
import type { DaoEvent } from "../indexer/types";

const plm = (amount: bigint | null) => `${formatTokens(amount ?? 0n)} PLM`;

/** The event's one line: what happened, to which proposal. */
export function eventTitle(event: DaoEvent): string {
  const proposal = event.proposalTitle ?? `Proposal ${event.proposalId}`;
  switch (event.type) {
    case "proposal.created":
      return `New proposal: ${proposal}`;
    case "proposal.voting_opened":
      return `Voting opened: ${proposal}`;
    case "proposal.ending_soon":
      return `24 hours left to vote: ${proposal}`;
    case "proposal.succeeded":
      return `Succeeded: ${proposal}`;
    case "proposal.defeated":
      return `Defeated: ${proposal}`;
    case "proposal.queued":
      return `Queued: ${proposal}`;
    case "proposal.executable":
      return `Ready to execute: ${proposal}`;
    case "proposal.executed":
      return `Executed: ${proposal}`;
    case "proposal.canceled":
      return `Canceled: ${proposal}`;
    case "dispute.filed":
      return `Dispute filed: ${proposal}`;
    case "dispute.ruling":
      return `Ruling (${event.uphold ? "uphold" : "reject"}): ${proposal}`;
    case "dispute.resolved":
      return `Dispute ${statusIn(disputeStatusBadges, event.text).toLowerCase()}: ${proposal}`;
    case "dispute.payout":
      return `Payout of ${plm(event.amount)} to ${event.account}`;
  }
}

/** A resolved dispute's status (the event's text) as `words` name it. */
function statusIn(words: Record<DisputeStatusName, string>, status: string | null): string {
  return disputeStatusNames.includes(status as DisputeStatusName) ? words[status as DisputeStatusName] : "Resolved";
}

/** A sentence or two with the event's figures (the title names the proposal). */
export function eventSummary(event: DaoEvent): string {
  switch (event.type) {
    case "proposal.created":
      return `Proposed by ${event.account}.`;
    case "proposal.voting_opened":
      return "Voting is open.";
    case "proposal.ending_soon":
      return "Voting ends in 24 hours.";
    case "proposal.succeeded":
    case "proposal.defeated": {
      const outcome = event.type === "proposal.succeeded" ? "Passed." : "Did not pass.";
      const votes = event.votes;
      if (!votes) return outcome;
      return `${outcome} For ${plm(votes.for)}, against ${plm(votes.against)}, abstain ${plm(votes.abstain)}; quorum ${plm(votes.quorum)}.`;
    }
    case "proposal.queued":
      return "Queued in the timelock.";
    case "proposal.executable":
      return "Can be executed now.";
    case "proposal.executed":
      return "Executed.";
    case "proposal.canceled":
      return "Canceled.";
    case "dispute.filed":
      return `${event.account} filed dispute ${event.disputeId} with a bond of ${plm(event.amount)}: execution is frozen until the panel rules.`;
    case "dispute.ruling":
      return `${event.account} ruled to ${event.uphold ? "uphold" : "reject"} dispute ${event.disputeId}: ${event.text ?? ""}`;
    case "dispute.resolved":
      return `Dispute ${event.disputeId}: ${statusIn(disputeStatusLabels, event.text)}.`;
    case "dispute.payout":
      return `${event.account} withdrew ${plm(event.amount)} of bonds and rewards from the dispute module.`;
  }
}

/** The app's page for the event, relative to the site. */
export function eventPath(event: DaoEvent): string {
  if (event.proposalId !== null) return `/proposals/${event.proposalId}`;
  return "/disputes";
}
