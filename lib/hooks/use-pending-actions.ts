import { zeroAddress, type Address } from "viem";
import { useAccount, useReadContracts } from "wagmi";
import { contracts } from "../contracts";
import { formatTokens } from "../format";
import { useYourDisputeWork } from "./use-dispute-standing";
import { useIndexerQuery } from "./use-indexer";
import { useOpenProposals } from "./use-proposals";

export type PendingAction = {
  kind: "Vote" | "Queue" | "Execute" | "Rule" | "Withdraw";
  /** What it is about: a proposal's title, a dispute, an amount. */
  title: string;
  href: string;
  /** Chain time by which it must be done (a vote's deadline, a ruling's). */
  due?: bigint;
};

/**
 * What needs the connected account now: votes to cast on active proposals it has not voted on (with voting power at
 * their snapshot), succeeded proposals to queue, queued ones to execute (ETA passed, no dispute holding them),
 * disputes awaiting its ruling as a panel member, and dispute payouts to withdraw.
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
  // The open disputes' history (the disputes page's query): which of them await this account's ruling.
  const disputes = useIndexerQuery(["disputes"], (client) => client.disputes({ limit: 100 }), {
    enabled: Boolean(address),
  });
  const disputeWork = useYourDisputeWork(disputes.data?.items ?? [], now);
  if (!address || !proposals.data) return [];
  const toVote = active.filter((_, index) => {
    const hasVoted = standing.data?.[index * 2];
    const power = standing.data?.[index * 2 + 1];
    return hasVoted === false && typeof power === "bigint" && power > 0n;
  });
  const actions: PendingAction[] = toVote.map((proposal) => ({
    kind: "Vote",
    title: proposal.title,
    href: `/proposals/${proposal.id}`,
    due: proposal.deadline,
  }));
  for (const proposal of proposals.data) {
    const href = `/proposals/${proposal.id}`;
    if (proposal.state === "Succeeded") actions.push({ kind: "Queue", title: proposal.title, href });
    const frozen = proposal.dispute?.status === "Open";
    if (proposal.state === "Queued" && !frozen && now !== undefined && now >= proposal.eta) {
      actions.push({ kind: "Execute", title: proposal.title, href });
    }
  }
  for (const dispute of disputeWork.awaiting) {
    actions.push({
      kind: "Rule",
      title: `dispute ${dispute.id} on ${dispute.proposalTitle}`,
      href: `/proposals/${dispute.proposalId}`,
      due: dispute.deadline,
    });
  }
  if (disputeWork.claimable > 0n) {
    actions.push({
      kind: "Withdraw",
      title: `${formatTokens(disputeWork.claimable)} PLM of dispute payouts`,
      href: "/disputes",
    });
  }
  return actions;
}
