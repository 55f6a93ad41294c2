import type { ProposalStateName } from "./proposal-state";

type MilestoneKey = "created" | "votingStarts" | "votingEnds" | "extended" | "queued" | "eta" | "executed" | "canceled";

type Milestone = { key: MilestoneKey; label: string; time: bigint };

/** When each step of a proposal's life happened or is due (chain timestamps; the governor's clock is a timestamp). */
export type TimelineInput = {
  state: ProposalStateName;
  createdAt: bigint;
  /** proposalSnapshot: voting opens right after it. */
  voteStart: bigint;
  /** proposalDeadline: with any late-quorum extension. */
  deadline: bigint;
  /** When ProposalExtended was emitted, if it was. */
  extendedAt?: bigint;
  queuedAt?: bigint;
  /** proposalEta: 0 when not queued. */
  eta: bigint;
  executedAt?: bigint;
  canceledAt?: bigint;
};

/**
 * The milestones of a proposal in time order: what happened, and what is still due. A canceled proposal keeps
 * only what happened before its cancellation; one that was not queued has no ETA.
 */
export function proposalTimeline(input: TimelineInput): Milestone[] {
  const milestones: Milestone[] = [
    { key: "created", label: "Created", time: input.createdAt },
    { key: "votingStarts", label: "Voting starts", time: input.voteStart },
    { key: "votingEnds", label: "Voting ends", time: input.deadline },
  ];
  if (input.extendedAt !== undefined) {
    milestones.push({ key: "extended", label: "Voting extended (late quorum)", time: input.extendedAt });
  }
  if (input.queuedAt !== undefined)
    milestones.push({ key: "queued", label: "Queued in the timelock", time: input.queuedAt });
  if (input.eta > 0n) milestones.push({ key: "eta", label: "Executable (ETA)", time: input.eta });
  if (input.executedAt !== undefined) milestones.push({ key: "executed", label: "Executed", time: input.executedAt });
  if (input.canceledAt !== undefined) {
    const canceledAt = input.canceledAt;
    milestones.splice(0, milestones.length, ...milestones.filter((milestone) => milestone.time <= canceledAt), {
      key: "canceled",
      label: "Canceled",
      time: canceledAt,
    });
  }
  // A stable sort: at equal times the order above (the lifecycle's) stands.
  return milestones.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

const finalStates: readonly ProposalStateName[] = ["Canceled", "Defeated", "Expired", "Executed"];

/** The next milestone still ahead at `now`, or undefined when the proposal has nothing left to wait for. */
export function nextMilestone(input: TimelineInput, now: bigint): Milestone | undefined {
  if (finalStates.includes(input.state)) return undefined;
  return proposalTimeline(input).find((milestone) => milestone.time > now);
}

/** A moment at which a proposal's state changes by time alone: where the dev panel can move the clock. */
type TimedStateChange = { label: "voting starts" | "voting ends" | "ETA"; timestamp: bigint };

/**
 * The next point in time at which the proposal's state changes by time alone: voting opens after the
 * snapshot, closes after the deadline, and a queued proposal becomes executable at its ETA.
 */
export function nextTimedStateChange(proposal: {
  state: ProposalStateName;
  snapshot: bigint;
  deadline: bigint;
  eta: bigint;
}): TimedStateChange | undefined {
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
