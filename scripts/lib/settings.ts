import { parseEther } from "viem";

const DAY = 86_400;

/** Production governance settings (the local demo uses the same; time moves with anvil instead). */
export const governorSettings = {
  votingDelay: DAY,
  votingPeriod: 5 * DAY,
  proposalThreshold: parseEther("100000"),
  quorumNumerator: 4n,
  lateQuorumExtension: DAY,
} as const;

export const timelockDelay = BigInt(2 * DAY);

/** The guardian's powers end this long after deployment unless governance extends them. */
export const guardianTerm = 365 * DAY;

export const disputeSettings = {
  bond: parseEther("10000"),
  rewardAmount: parseEther("5000"),
  adjudicationPeriod: BigInt(3 * DAY),
  rulingQuorum: 2n,
  expertStake: parseEther("50000"),
} as const;

export const defaultPanelProfiles = [
  "Operates a 2,000-GPU inference cluster; 8 years of datacenter SLA engineering.",
  "ML safety researcher; red-teams open-weight models and audits model licenses.",
  "Protocol economist; designed fee and slashing markets for three compute networks.",
];
