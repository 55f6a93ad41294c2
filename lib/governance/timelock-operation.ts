import { encodeAbiParameters, keccak256, numberToHex, zeroHash, type Address, type Hex } from "viem";
import type { ProposalAction } from "./actions";

/** Mirrors OpenZeppelin's TimelockController.OperationState (contract enum order). */
export const operationStateNames = ["Unset", "Waiting", "Ready", "Done"] as const;
export type OperationStateName = (typeof operationStateNames)[number];

/** The salt GovernorTimelockControl schedules with: bytes20(governor) ^ descriptionHash. */
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
        zeroHash,
        timelockSalt(governor, descriptionHash),
      ],
    ),
  );
}
