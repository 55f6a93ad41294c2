import { isAddressEqual, zeroAddress, type Address } from "viem";
import { useAccount, useReadContracts } from "wagmi";
import { contracts } from "../contracts";
import { deadlinePhase, satAtFiling, type DisputeRecord } from "../governance/disputes";

const { disputeModule } = contracts;

/** Mirrors DisputeModule.Ruling (contract enum order). */
export const rulingNames = ["None", "Uphold", "Reject"] as const;
export type RulingName = (typeof rulingNames)[number];

/**
 * The connected account's standing on one dispute, read from the module in one batch: panel membership, seat and
 * profile, its ruling so far, its stake, what it may withdraw, and the module's reward and reason limit (the
 * consequence of a ruling depends on them). Nothing is read while no wallet is connected.
 */
export function useDisputeStanding(disputeId: bigint) {
  const { address } = useAccount();
  const account = address ?? zeroAddress;
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...disputeModule, functionName: "isPanelMember", args: [account] },
      { ...disputeModule, functionName: "panelProfile", args: [account] },
      { ...disputeModule, functionName: "rulingOf", args: [disputeId, account] },
      { ...disputeModule, functionName: "stakeOf", args: [account] },
      { ...disputeModule, functionName: "panelSeat", args: [account] },
      { ...disputeModule, functionName: "claimable", args: [account] },
      { ...disputeModule, functionName: "rewardAmount" },
      { ...disputeModule, functionName: "rewardPool" },
      { ...disputeModule, functionName: "MAX_REASON_LENGTH" },
      { ...disputeModule, functionName: "STAKE_LOCK_AFTER_RULING" },
    ],
    query: {
      enabled: Boolean(address),
      select: ([
        isPanelMember,
        profile,
        ruling,
        stake,
        [seatedSince, seatedUntil],
        claimable,
        rewardAmount,
        rewardPool,
        maxReasonLength,
        stakeLockAfterRuling,
      ]) => ({
        isPanelMember,
        profile,
        ruling: rulingNames[ruling] ?? "None",
        stake,
        seat: { since: seatedSince, until: seatedUntil },
        claimable,
        // What an upheld ruling pays on top of the bond: the module pays min(rewardAmount, pool) and never reverts.
        upheldReward: rewardAmount < rewardPool ? rewardAmount : rewardPool,
        maxReasonLength: Number(maxReasonLength),
        stakeLockAfterRuling,
      }),
    },
  });
  return { account: address, ...reads };
}

export type DisputeStanding = NonNullable<ReturnType<typeof useDisputeStanding>["data"]>;

/**
 * The connected account's dispute work: whether it sits on the panel, what it may withdraw, and which of the
 * open disputes still wait for its ruling (the members seated when a dispute was filed rule on it until its
 * deadline inclusive; never on a dispute they have a bond in).
 */
export function useYourDisputeWork<
  T extends Pick<DisputeRecord, "id" | "status" | "deadline" | "filedAt"> & { challengers: { account: Address }[] },
>(disputes: readonly T[], now: bigint | undefined) {
  const { address } = useAccount();
  const account = address ?? zeroAddress;
  const standing = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...disputeModule, functionName: "isPanelMember", args: [account] },
      { ...disputeModule, functionName: "claimable", args: [account] },
      { ...disputeModule, functionName: "panelSeat", args: [account] },
    ],
    query: {
      enabled: Boolean(address),
      select: ([isPanelMember, claimable, [since, until]]) => ({ isPanelMember, claimable, seat: { since, until } }),
    },
  });
  const seat = standing.data?.seat;
  const candidates =
    address && seat && seat.since !== 0n && now !== undefined
      ? disputes.filter(
          (dispute) =>
            deadlinePhase(dispute, now).phase === "adjudicating" &&
            satAtFiling(seat, dispute) &&
            !dispute.challengers.some((challenger) => isAddressEqual(challenger.account, address)),
        )
      : [];
  const rulings = useReadContracts({
    allowFailure: false,
    contracts: candidates.map(
      (dispute) => ({ ...disputeModule, functionName: "rulingOf", args: [dispute.id, account] }) as const,
    ),
    query: { enabled: candidates.length > 0 },
  });
  const ruled = rulings.data;
  const awaiting =
    candidates.length > 0 && ruled?.length === candidates.length
      ? candidates.filter((_, i) => rulingNames[ruled[i]] === "None")
      : [];
  return {
    account: address as Address | undefined,
    isPanelMember: standing.data?.isPanelMember ?? false,
    claimable: standing.data?.claimable ?? 0n,
    awaiting,
    error: standing.error ?? rulings.error,
    refetch: () => {
      void standing.refetch();
      void rulings.refetch();
    },
  };
}
