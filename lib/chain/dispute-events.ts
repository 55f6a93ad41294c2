import { getContractEvents, multicall } from "viem/actions";
import type { Address, Client } from "viem";
import { contracts } from "../contracts";
import { disputeStatusNames } from "../governance/dispute-status";
import type { DisputeRecord, DisputeSettings, PanelMember } from "../governance/disputes";
import { queryAllBlocks } from "./block-ranges";
import { loadBlockTimes } from "./block-times";
import { multicall3 } from "./multicall3";
import { loadCreatedProposals } from "./proposal-events";

const { disputeModule } = contracts;

/** A dispute with the title of the proposal it challenges. */
export type ListedDispute = DisputeRecord & { proposalTitle: string };

export type DisputesOverview = {
  disputes: ListedDispute[];
  panel: PanelMember[];
  /** The profile each expert was added with, current and former panel members alike. */
  profiles: Map<Address, string>;
  settings: DisputeSettings;
  /** The chain's time (latest block) when this was read. */
  readAt: bigint;
};

/** Each dispute as the module stores it, without its rulings (one Multicall3 batch). */
export async function readStoredDisputes(
  client: Client,
  ids: readonly bigint[],
): Promise<Omit<DisputeRecord, "rulings" | "resolvedAt">[]> {
  const stored = await multicall(client, {
    allowFailure: false,
    contracts: ids.map((id) => ({ ...disputeModule, functionName: "getDispute", args: [id] }) as const),
  });
  return stored.map((dispute, i) => ({ ...dispute, id: ids[i], status: disputeStatusNames[dispute.status] }));
}

/** Each dispute with its rulings (`RulingCast`) and, once resolved, the time of `DisputeResolved`. */
export async function loadDisputeRecords(client: Client, ids: readonly bigint[]): Promise<DisputeRecord[]> {
  if (ids.length === 0) return [];
  const args = { disputeId: [...ids] };
  const [stored, rulingLogs, resolvedLogs] = await Promise.all([
    readStoredDisputes(client, ids),
    queryAllBlocks(client, (range) =>
      getContractEvents(client, { ...disputeModule, eventName: "RulingCast", args, strict: true, ...range }),
    ),
    queryAllBlocks(client, (range) =>
      getContractEvents(client, { ...disputeModule, eventName: "DisputeResolved", args, strict: true, ...range }),
    ),
  ]);
  const [rulingTimes, resolvedTimes] = await Promise.all([
    loadBlockTimes(client, rulingLogs),
    loadBlockTimes(client, resolvedLogs),
  ]);
  return stored.map((dispute) => {
    const resolved = resolvedLogs.findIndex((log) => log.args.disputeId === dispute.id);
    return {
      ...dispute,
      rulings: rulingLogs.flatMap(({ args: { disputeId, expert, uphold, reason } }, i) =>
        disputeId === dispute.id ? [{ expert, uphold, reason, time: rulingTimes[i] }] : [],
      ),
      resolvedAt: resolved === -1 ? undefined : resolvedTimes[resolved],
    };
  });
}

/** Every dispute with its rulings and proposal title, the panel with profiles and stakes, and the settings. */
export async function loadDisputes(client: Client): Promise<DisputesOverview> {
  const [count, panelAddresses, bond, rewardAmount, rewardPool, adjudicationPeriod, rulingQuorum, expertStake, readAt] =
    await multicall(client, {
      allowFailure: false,
      contracts: [
        { ...disputeModule, functionName: "disputeCount" },
        { ...disputeModule, functionName: "panelMembers" },
        { ...disputeModule, functionName: "bond" },
        { ...disputeModule, functionName: "rewardAmount" },
        { ...disputeModule, functionName: "rewardPool" },
        { ...disputeModule, functionName: "adjudicationPeriod" },
        { ...disputeModule, functionName: "rulingQuorum" },
        { ...disputeModule, functionName: "expertStake" },
        { ...multicall3, functionName: "getCurrentBlockTimestamp" },
      ],
    });
  const ids = Array.from({ length: Number(count) }, (_, i) => BigInt(i + 1));
  const [disputes, profiles, stakes, lockedUntil, addedLogs, proposals] = await Promise.all([
    loadDisputeRecords(client, ids),
    multicall(client, {
      allowFailure: false,
      contracts: panelAddresses.map(
        (expert) => ({ ...disputeModule, functionName: "panelProfile", args: [expert] }) as const,
      ),
    }),
    multicall(client, {
      allowFailure: false,
      contracts: panelAddresses.map(
        (expert) => ({ ...disputeModule, functionName: "stakeOf", args: [expert] }) as const,
      ),
    }),
    multicall(client, {
      allowFailure: false,
      contracts: panelAddresses.map(
        (expert) => ({ ...disputeModule, functionName: "stakeLockedUntil", args: [expert] }) as const,
      ),
    }),
    queryAllBlocks(client, (range) =>
      getContractEvents(client, { ...disputeModule, eventName: "PanelMemberAdded", strict: true, ...range }),
    ),
    loadCreatedProposals(client),
  ]);
  const titleOf = new Map(proposals.map((proposal) => [proposal.id, proposal.title]));
  return {
    disputes: disputes.map((dispute) => ({
      ...dispute,
      proposalTitle: titleOf.get(dispute.proposalId) ?? `Proposal ${dispute.proposalId}`,
    })),
    panel: panelAddresses.map((address, i) => ({
      address,
      profile: profiles[i],
      stake: stakes[i],
      stakeLockedUntil: lockedUntil[i],
    })),
    profiles: new Map(addedLogs.map(({ args }) => [args.expert, args.profile])),
    settings: { bond, rewardAmount, rewardPool, adjudicationPeriod, rulingQuorum, expertStake },
    readAt,
  };
}
