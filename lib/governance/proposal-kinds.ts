import { isAddressEqual, type Address } from "viem";
import type { DecodeContext, ProposalAction } from "./actions";

type Addresses = DecodeContext["addresses"];

/** What a proposal's actions touch, for filtering the list. */
export const proposalKinds = {
  parameters: "Network parameters",
  registry: "Publishers and models",
  treasury: "Treasury",
  disputes: "Disputes",
  governance: "Governance",
  custom: "Custom",
} as const;
export type ProposalKind = keyof typeof proposalKinds;

export function isProposalKind(value: string): value is ProposalKind {
  return Object.hasOwn(proposalKinds, value);
}

function kindOf(action: Omit<ProposalAction, "calldata">, deployment: Addresses): ProposalKind {
  const is = (address: Address) => isAddressEqual(action.target, address);
  if (is(deployment.networkParameters)) return "parameters";
  if (is(deployment.modelRegistry)) return "registry";
  if (is(deployment.token) || is(deployment.grantVesting) || action.value > 0n) return "treasury";
  if (is(deployment.disputeModule)) return "disputes";
  if (is(deployment.governor) || is(deployment.timelock)) return "governance";
  return "custom";
}

/** The kinds of a proposal's actions, each once, in the order of `proposalKinds`. */
export function proposalKindsOf(actions: readonly Omit<ProposalAction, "calldata">[], deployment: Addresses) {
  const found = new Set(actions.map((action) => kindOf(action, deployment)));
  return (Object.keys(proposalKinds) as ProposalKind[]).filter((kind) => found.has(kind));
}
