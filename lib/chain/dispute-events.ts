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

type StoredDispute = Omit<DisputeRecord, "challengers" | "evidence" | "rulings" | "idleMembers" | "resolvedAt">;

/** Each dispute as the module stores it, without what its events add (one Multicall3 batch). */
export async function readStoredDisputes(client: Client, ids: readonly bigint[]): Promise<StoredDispute[]> {
  const stored = await multicall(client, {
    allowFailure: false,
    contracts: ids.map((id) => ({ ...disputeModule, functionName: "getDispute", args: [id] }) as const),
  });
  return stored.map((dispute, i) => ({ ...dispute, id: ids[i], status: disputeStatusNames[dispute.status] }));
}

/**
 * Each dispute with what its events add, from one read of the module's events: its challengers (`DisputeFiled`,
 * `DisputeJoined`), evidence (`EvidenceAdded`), rulings (`RulingCast`), idle members (`PanelMemberIdle`) and, once
 * resolved, the time of `DisputeResolved`.
 */
export async function loadDisputeRecords(client: Client, ids: readonly bigint[]): Promise<DisputeRecord[]> {
  if (ids.length === 0) return [];
  const [stored, logs] = await Promise.all([
    readStoredDisputes(client, ids),
    queryAllBlocks(client, (range) => getContractEvents(client, { ...disputeModule, strict: true, ...range })),
  ]);
  const wanted = new Set(ids);
  const disputeLogs = logs.filter((log) => "disputeId" in log.args && wanted.has(log.args.disputeId));
  const timed = disputeLogs.filter(
    (log) => log.eventName === "EvidenceAdded" || log.eventName === "RulingCast" || log.eventName === "DisputeResolved",
  );
  const times = await loadBlockTimes(client, timed);
  const timeOf = (log: (typeof timed)[number]) => times[timed.indexOf(log)];

  return stored.map((dispute) => {
    const record: DisputeRecord = { ...dispute, challengers: [], evidence: [], rulings: [], idleMembers: [] };
    for (const log of disputeLogs) {
      if (!("disputeId" in log.args) || log.args.disputeId !== dispute.id) continue;
      switch (log.eventName) {
        case "DisputeFiled":
          record.challengers.push({ account: log.args.challenger, bond: log.args.bond });
          break;
        case "DisputeJoined":
          record.challengers.push({ account: log.args.challenger, bond: log.args.bond });
          break;
        case "EvidenceAdded":
          record.evidence.push({ author: log.args.author, text: log.args.evidence, time: timeOf(log) });
          break;
        case "RulingCast": {
          const { expert, uphold, reason } = log.args;
          record.rulings.push({ expert, uphold, reason, time: timeOf(log) });
          break;
        }
        case "PanelMemberIdle":
          record.idleMembers.push(log.args.expert);
          break;
        case "DisputeResolved":
          record.resolvedAt = timeOf(log);
          break;
      }
    }
    return record;
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
  const [disputes, profiles, stakes, lockedUntil, missedTimeouts, addedLogs, proposals] = await Promise.all([
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
    multicall(client, {
      allowFailure: false,
      contracts: panelAddresses.map(
        (expert) => ({ ...disputeModule, functionName: "missedTimeouts", args: [expert] }) as const,
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
      missedTimeouts: missedTimeouts[i],
    })),
    profiles: new Map(addedLogs.map(({ args }) => [args.expert, args.profile])),
    settings: { bond, rewardAmount, rewardPool, adjudicationPeriod, rulingQuorum, expertStake },
    readAt,
  };
}
