/** Mirrors OpenZeppelin's IGovernor.ProposalState (the order is the contract's enum order). */
export const proposalStateNames = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;

export type ProposalStateName = (typeof proposalStateNames)[number];

/** The enum value of each state, to compare with what the governor's `state()` returns. */
export const ProposalState = {
  Pending: 0,
  Active: 1,
  Canceled: 2,
  Defeated: 3,
  Succeeded: 4,
  Queued: 5,
  Expired: 6,
  Executed: 7,
} as const satisfies Record<ProposalStateName, number>;
