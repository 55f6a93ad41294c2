import { zeroAddress, type Address } from "viem";
import { useAccount, useReadContracts } from "wagmi";
import { contracts } from "../contracts";
import type { ProposalSummary } from "../chain/proposals";
import { useOpenProposals } from "./use-proposals";

export type PendingAction = { kind: "Vote" | "Queue" | "Execute"; proposal: ProposalSummary };

/**
 * What the connected account can do now: vote on active proposals it has not voted on (with voting power at
 * their snapshot), queue succeeded ones, execute queued ones whose ETA has passed and no dispute holds.
 */
export function usePendingActions(now: bigint | undefined) {
  const { address } = useAccount();
  const proposals = useOpenProposals();
  const active = (proposals.data ?? []).filter((proposal) => proposal.state === "Active");
  const account: Address = address ?? zeroAddress;
  const standing = useReadContracts({
    allowFailure: false,
    contracts: active.flatMap(
      (proposal) =>
        [
          { ...contracts.governor, functionName: "hasVoted", args: [proposal.id, account] },
          { ...contracts.governor, functionName: "getVotes", args: [account, proposal.snapshot] },
        ] as const,
    ),
    query: { enabled: Boolean(address) && active.length > 0 },
  });
  if (!address || !proposals.data) return [];
  const toVote = active.filter((_, index) => {
    const hasVoted = standing.data?.[index * 2];
    const power = standing.data?.[index * 2 + 1];
    return hasVoted === false && typeof power === "bigint" && power > 0n;
  });
  const actions: PendingAction[] = toVote.map((proposal) => ({ kind: "Vote", proposal }));
  for (const proposal of proposals.data) {
    if (proposal.state === "Succeeded") actions.push({ kind: "Queue", proposal });
    const frozen = proposal.dispute?.status === "Open";
    if (proposal.state === "Queued" && !frozen && now !== undefined && now >= proposal.eta) {
      actions.push({ kind: "Execute", proposal });
    }
  }
  return actions;
}
