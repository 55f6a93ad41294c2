import { encodeAbiParameters, keccak256, numberToHex, zeroHash, type Address, type Hex } from "viem";
import { formatTimestamp } from "../format";
import type { ProposalAction } from "./actions";
import type { ProposalStateName } from "./proposal-state";

/** Mirrors OpenZeppelin's TimelockController.OperationState (contract enum order). */
export const operationStateNames = ["Unset", "Waiting", "Ready", "Done"] as const;
export type OperationStateName = (typeof operationStateNames)[number];

/** GovernorTimelockControl schedules every proposal without a predecessor (bytes32 zero). */
export const timelockPredecessor: Hex = zeroHash;

/**
 * The salt GovernorTimelockControl schedules with, `_timelockSalt`: `bytes20(address(governor)) ^ descriptionHash`.
 * bytes20 of an address fills the high 20 bytes of the bytes32; the low 12 bytes are the description hash's.
 */
export function timelockSalt(governor: Address, descriptionHash: Hex): Hex {
  return numberToHex((BigInt(governor) << 96n) ^ BigInt(descriptionHash), { size: 32 });
}

/** The timelock operation id of a proposal: TimelockController.hashOperationBatch with no predecessor. */
export function timelockOperationId(actions: readonly ProposalAction[], governor: Address, descriptionHash: Hex): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: "address[]" }, { type: "uint256[]" }, { type: "bytes[]" }, { type: "bytes32" }, { type: "bytes32" }],
      [
        actions.map((action) => action.target),
        actions.map((action) => action.value),
        actions.map((action) => action.calldata),
        timelockPredecessor,
        timelockSalt(governor, descriptionHash),
      ],
    ),
  );
}

/** The operation's standing as the panel names it: the timelock's own state, or Canceled. */
export type TimelockStatusName = OperationStateName | "Canceled";

/**
 * OpenZeppelin 5 deletes a canceled operation's timestamp, so the timelock reads it as Unset afterwards: a proposal
 * canceled after it was queued is named Canceled, not Unset (which would read as "never scheduled").
 */
export function timelockStatus(
  operationState: OperationStateName,
  proposalState: ProposalStateName,
  wasQueued: boolean,
): TimelockStatusName {
  return operationState === "Unset" && proposalState === "Canceled" && wasQueued ? "Canceled" : operationState;
}

/** Which of the accounts the panel checks hold a timelock role (`hasRole(role, account)`). */
export type RoleHolders = {
  /** The governor contract. */
  governor: boolean;
  /** The governor's proposalGuardian(), directly on the timelock (false when there is no guardian). */
  guardian: boolean;
  /** The open role, address(0): anyone. */
  anyone: boolean;
};

const nobody = "nobody among the governor, the guardian and the open role";

/** Who may execute a scheduled operation, in words, from the holders of EXECUTOR_ROLE. */
export function describeExecutors(holders: RoleHolders): string {
  const parts = [
    holders.governor && "through the governor (anyone may call execute once ready)",
    holders.guardian && "the guardian, directly on the timelock",
    holders.anyone && "anyone, directly on the timelock once ready (around the governor's dispute freeze)",
  ].filter((part) => part !== false);
  return `Execute: ${parts.length > 0 ? parts.join("; ") : nobody}`;
}

/** Who may cancel a scheduled operation, in words, from the holders of CANCELLER_ROLE. */
export function describeCancellers(holders: RoleHolders): string {
  const parts = [
    holders.governor &&
      "the governor (proposer while pending, the guardian before execution, the dispute module on an upheld dispute)",
    holders.guardian && "the guardian, directly on the timelock",
    holders.anyone && "anyone, directly on the timelock",
  ].filter((part) => part !== false);
  return `Cancel: ${parts.length > 0 ? parts.join("; ") : nobody}`;
}

/** The challenge window of a queued proposal: the timelock delay, up to the ETA. */
export function describeChallengeWindow(eta: bigint): string {
  return `Anyone may file a bonded dispute until the ETA, ${formatTimestamp(eta)}.`;
}

/** An open dispute freezes execution until the panel rules, or its deadline passes and anyone resolves it. */
export function describeFreeze(disputeId: bigint, deadline: bigint, now: bigint | undefined): string {
  const frozen = `Execution is frozen by dispute #${disputeId}`;
  return now !== undefined && now >= deadline
    ? `${frozen}: the panel's deadline (${formatTimestamp(deadline)}) has passed; anyone may resolve it as timed out, which lifts the freeze.`
    : `${frozen} until the panel rules, at the latest ${formatTimestamp(deadline)}.`;
}
