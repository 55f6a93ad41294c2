import { parseEventLogs } from "viem";
import { contracts } from "../contracts";
import { proposeArgs, type ProposalAction } from "../governance/actions";
import { useTransaction } from "./use-transaction";

/** Submit a proposal; resolves to the new proposal's id once it is on chain, undefined otherwise. */
export function usePropose() {
  const transaction = useTransaction();
  const propose = async (actions: readonly ProposalAction[], description: string) => {
    const receipt = await transaction.run({
      ...contracts.governor,
      functionName: "propose",
      args: proposeArgs(actions, description),
    });
    if (!receipt) return undefined;
    const [created] = parseEventLogs({ abi: contracts.governor.abi, eventName: "ProposalCreated", logs: receipt.logs });
    return created?.args.proposalId;
  };
  return { ...transaction, propose };
}
