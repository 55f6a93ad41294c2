import type { ProposalStateName } from "./proposal-state";

export type Milestone = { label: "voting starts" | "voting ends" | "ETA"; timestamp: bigint };

/**
 * The next point in time at which the proposal's state changes by time alone: voting opens after the
 * snapshot, closes after the deadline, and a queued proposal becomes executable at its ETA.
 */
export function nextMilestone(proposal: {
  state: ProposalStateName;
  snapshot: bigint;
  deadline: bigint;
  eta: bigint;
}): Milestone | undefined {
  switch (proposal.state) {
    case "Pending":
      return { label: "voting starts", timestamp: proposal.snapshot + 1n };
    case "Active":
      return { label: "voting ends", timestamp: proposal.deadline + 1n };
    case "Queued":
      return proposal.eta > 0n ? { label: "ETA", timestamp: proposal.eta } : undefined;
    default:
      return undefined;
  }
}
