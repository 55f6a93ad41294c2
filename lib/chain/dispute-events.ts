import type { Address, PublicClient } from "viem";
import { contracts } from "../contracts";
import { disputeStatusNames } from "../governance/dispute-status";
import type { DisputeRecord, DisputeRuling, DisputeSettings, PanelMember } from "../governance/disputes";
import { queryAllBlocks } from "./block-ranges";
import { loadProposalVotings } from "./proposal-events";

export type DisputesOverview = {
  disputes: DisputeRecord[];
  panel: PanelMember[];
  /** The profile each expert was added with, current and former panel members alike. */
  profiles: Map<Address, string>;
  settings: DisputeSettings;
  /** The chain's time (latest block) when this was read. */
  readAt: bigint;
};

/** Every dispute with its rulings and proposal title, the panel with profiles and stakes, and the settings. */
export async function loadDisputes(client: PublicClient): Promise<DisputesOverview> {
  const { disputeModule } = contracts;
  const [
    [count, panelAddresses, bond, rewardAmount, rewardPool, adjudicationPeriod, rulingQuorum, expertStake],
    latest,
  ] = await Promise.all([
    Promise.all([
      client.readContract({ ...disputeModule, functionName: "disputeCount" }),
      client.readContract({ ...disputeModule, functionName: "panelMembers" }),
      client.readContract({ ...disputeModule, functionName: "bond" }),
      client.readContract({ ...disputeModule, functionName: "rewardAmount" }),
      client.readContract({ ...disputeModule, functionName: "rewardPool" }),
      client.readContract({ ...disputeModule, functionName: "adjudicationPeriod" }),
      client.readContract({ ...disputeModule, functionName: "rulingQuorum" }),
      client.readContract({ ...disputeModule, functionName: "expertStake" }),
    ]),
    client.getBlock(),
  ]);
  const ids = Array.from({ length: Number(count) }, (_, i) => BigInt(i + 1));
  const [stored, profiles, stakes, lockedUntil, rulingLogs, addedLogs, proposals] = await Promise.all([
    Promise.all(ids.map((id) => client.readContract({ ...disputeModule, functionName: "getDispute", args: [id] }))),
    Promise.all(
      panelAddresses.map((expert) =>
        client.readContract({ ...disputeModule, functionName: "panelProfile", args: [expert] }),
      ),
    ),
    Promise.all(
      panelAddresses.map((expert) =>
        client.readContract({ ...disputeModule, functionName: "stakeOf", args: [expert] }),
      ),
    ),
    Promise.all(
      panelAddresses.map((expert) =>
        client.readContract({ ...disputeModule, functionName: "stakeLockedUntil", args: [expert] }),
      ),
    ),
    queryAllBlocks(client, (range) =>
      client.getContractEvents({ ...disputeModule, eventName: "RulingCast", strict: true, ...range }),
    ),
    queryAllBlocks(client, (range) =>
      client.getContractEvents({ ...disputeModule, eventName: "PanelMemberAdded", strict: true, ...range }),
    ),
    loadProposalVotings(client),
  ]);

  const rulingBlocks = [...new Set(rulingLogs.map((log) => log.blockNumber))];
  const blocks = await Promise.all(rulingBlocks.map((blockNumber) => client.getBlock({ blockNumber })));
  const timeOf = new Map(blocks.map((block) => [block.number, block.timestamp]));
  const rulingsOf = new Map<bigint, DisputeRuling[]>();
  for (const { args, blockNumber } of rulingLogs) {
    const ruling = { expert: args.expert, uphold: args.uphold, reason: args.reason, time: timeOf.get(blockNumber)! };
    rulingsOf.set(args.disputeId, [...(rulingsOf.get(args.disputeId) ?? []), ruling]);
  }
  const titleOf = new Map(proposals.map((proposal) => [proposal.id, proposal.title]));

  const disputes = stored.map((dispute, i): DisputeRecord => ({
    id: ids[i],
    proposalId: dispute.proposalId,
    proposalTitle: titleOf.get(dispute.proposalId) ?? `Proposal ${dispute.proposalId}`,
    challenger: dispute.challenger,
    filedAt: dispute.filedAt,
    deadline: dispute.deadline,
    status: disputeStatusNames[dispute.status],
    upholdCount: dispute.upholdCount,
    rejectCount: dispute.rejectCount,
    rulingQuorum: dispute.rulingQuorum,
    recused: dispute.recused,
    bond: dispute.bond,
    reward: dispute.reward,
    evidence: dispute.evidence,
    rulings: rulingsOf.get(ids[i]) ?? [],
  }));
  const panel = panelAddresses.map((address, i): PanelMember => ({
    address,
    profile: profiles[i],
    stake: stakes[i],
    stakeLockedUntil: lockedUntil[i],
  }));
  return {
    disputes,
    panel,
    profiles: new Map(addedLogs.map(({ args }) => [args.expert, args.profile])),
    settings: { bond, rewardAmount, rewardPool, adjudicationPeriod, rulingQuorum, expertStake },
    readAt: latest.timestamp,
  };
}
