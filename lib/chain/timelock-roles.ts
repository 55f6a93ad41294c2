import { isAddressEqual, keccak256, toHex, zeroAddress, type Address, type Client, type Hex } from "viem";
import { multicall } from "viem/actions";
import { contracts } from "../contracts";
import type { RoleHolders } from "../governance/timelock-operation";

const { governor, timelock } = contracts;

/** OpenZeppelin's TimelockController role ids: constants, `keccak256("EXECUTOR_ROLE")` and so on. */
const executorRole = keccak256(toHex("EXECUTOR_ROLE"));
const cancellerRole = keccak256(toHex("CANCELLER_ROLE"));

export type TimelockRoles = {
  /** The governor's proposalGuardian() (zero when there is none). */
  guardian: Address;
  executors: RoleHolders;
  cancellers: RoleHolders;
};

/**
 * Who holds the timelock's EXECUTOR_ROLE and CANCELLER_ROLE among the governor, the guardian and the open role
 * (address(0)): the guardian and the governor's and open role's holdings in one batch, the guardian's in a second
 * when there is a guardian.
 */
export async function readTimelockRoles(client: Client): Promise<TimelockRoles> {
  const hasRole = (role: Hex, account: Address) =>
    ({ ...timelock, functionName: "hasRole", args: [role, account] }) as const;
  const [guardian, executorGovernor, executorAnyone, cancellerGovernor, cancellerAnyone] = await multicall(client, {
    allowFailure: false,
    contracts: [
      { ...governor, functionName: "proposalGuardian" },
      hasRole(executorRole, governor.address),
      hasRole(executorRole, zeroAddress),
      hasRole(cancellerRole, governor.address),
      hasRole(cancellerRole, zeroAddress),
    ],
  });
  const hasGuardian = !isAddressEqual(guardian, zeroAddress);
  const [executorGuardian, cancellerGuardian] = hasGuardian
    ? await multicall(client, {
        allowFailure: false,
        contracts: [hasRole(executorRole, guardian), hasRole(cancellerRole, guardian)],
      })
    : [false, false];
  return {
    guardian,
    executors: { governor: executorGovernor, guardian: executorGuardian, anyone: executorAnyone },
    cancellers: { governor: cancellerGovernor, guardian: cancellerGuardian, anyone: cancellerAnyone },
  };
}
