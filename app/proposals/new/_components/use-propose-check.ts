import type { Address } from "viem";
import { checkPropose } from "@/lib/chain/check-propose";
import type { ProposalAction } from "@/lib/governance/actions";
import { useChainQuery } from "@/lib/hooks/use-chain-query";

/** Whether the governor would take the draft's actions as a proposal from `proposer`, again whenever they change. */
export function useProposeCheck(actions: readonly ProposalAction[], proposer: Address | undefined) {
  const key = actions.map((action) => `${action.target}:${action.value}:${action.calldata}`);
  return useChainQuery(["propose-check", proposer ?? "", ...key], (client) => checkPropose(client, actions, proposer), {
    enabled: actions.length > 0,
  });
}
