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

export const ProposalState = Object.fromEntries(proposalStateNames.map((name, index) => [name, index])) as {
  readonly [name in ProposalStateName]: number;
};
