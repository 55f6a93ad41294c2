import { multicall } from "viem/actions";
import type { Address, Client } from "viem";
import { contracts } from "../contracts";
import { disputeStatusNames } from "../governance/dispute-status";
import type { DisputeRecord, DisputeSettings, PanelMember } from "../governance/disputes";
import { toListedDispute } from "../indexer/disputes";
import type { DisputesRecord } from "../indexer/types";
import { multicall3 } from "./multicall3";

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
 * The disputes page: each indexed dispute (`history`: challengers, evidence, rulings, idle members, the proposal's
 * title) with the terms the module stored at filing and its status now, the panel with stakes and locks, and the
 * module's settings, read live in one Multicall3 batch.
 */
export async function readDisputes(client: Client, history: DisputesRecord): Promise<DisputesOverview> {
  const ids = history.items.map((dispute) => dispute.id);
  const [
    [panelAddresses, bond, rewardAmount, rewardPool, adjudicationPeriod, rulingQuorum, expertStake, readAt],
    stored,
  ] = await Promise.all([
    multicall(client, {
      allowFailure: false,
      contracts: [
        { ...disputeModule, functionName: "panelMembers" },
        { ...disputeModule, functionName: "bond" },
        { ...disputeModule, functionName: "rewardAmount" },
        { ...disputeModule, functionName: "rewardPool" },
        { ...disputeModule, functionName: "adjudicationPeriod" },
        { ...disputeModule, functionName: "rulingQuorum" },
        { ...disputeModule, functionName: "expertStake" },
        { ...multicall3, functionName: "getCurrentBlockTimestamp" },
      ],
    }),
    readStoredDisputes(client, ids),
  ]);
  const [stakes, lockedUntil, missedTimeouts] = await Promise.all(
    (["stakeOf", "stakeLockedUntil", "missedTimeouts"] as const).map((functionName) =>
      multicall(client, {
        allowFailure: false,
        contracts: panelAddresses.map((expert) => ({ ...disputeModule, functionName, args: [expert] }) as const),
      }),
    ),
  );
  const profiles = new Map(history.panel.map((member) => [member.expert, member.profile]));
  return {
    disputes: history.items.map((indexed, i) => ({ ...toListedDispute(indexed), ...stored[i] })),
    panel: panelAddresses.map((address, i) => ({
      address,
      profile: profiles.get(address) ?? "",
      stake: stakes[i],
      stakeLockedUntil: lockedUntil[i],
      missedTimeouts: missedTimeouts[i],
    })),
    profiles,
    settings: { bond, rewardAmount, rewardPool, adjudicationPeriod, rulingQuorum, expertStake },
    readAt,
  };
}
