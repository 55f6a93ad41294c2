import { simulateProposal } from "@/lib/chain/simulate-proposal";
import type { ProposalAction } from "@/lib/governance/actions";
import { useChainQuery } from "@/lib/hooks/use-chain-query";

/** The draft's actions run as the timelock on the current chain state, again whenever they change. */
export function useProposalSimulation(actions: readonly ProposalAction[]) {
  const key = actions.map((action) => `${action.target}:${action.value}:${action.calldata}`);
  return useChainQuery(["simulation", ...key], (client) => simulateProposal(client, actions), {
    enabled: actions.length > 0,
  });
}
