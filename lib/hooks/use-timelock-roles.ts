import { isAddressEqual, zeroAddress, type Address, type Client, type Hex } from "viem";
import { multicall } from "viem/actions";
import { useReadContract } from "wagmi";
import { contracts } from "../contracts";
import { timelockPredecessor, timelockSalt, type RoleHolders } from "../governance/timelock-operation";
import { useChainQuery } from "./use-chain-query";

const { governor, timelock } = contracts;

export type TimelockRoles = {
  /** The governor's proposalGuardian() (zero when there is none). */
  guardian: Address;
  executors: RoleHolders;
  cancellers: RoleHolders;
};

/**
 * Who holds the timelock's EXECUTOR_ROLE and CANCELLER_ROLE among the governor, the guardian and the open role
 * (address(0)). Role ids come from the timelock itself; two batched rounds: role ids and guardian, then hasRole.
 */
export function useTimelockRoles() {
  return useChainQuery(["timelock-roles"], readTimelockRoles);
}

async function readTimelockRoles(client: Client): Promise<TimelockRoles> {
  const [executorRole, cancellerRole, guardian] = await multicall(client, {
    allowFailure: false,
    contracts: [
      { ...timelock, functionName: "EXECUTOR_ROLE" },
      { ...timelock, functionName: "CANCELLER_ROLE" },
      { ...governor, functionName: "proposalGuardian" },
    ],
  });
  const hasGuardian = !isAddressEqual(guardian, zeroAddress);
  const accounts = [governor.address, hasGuardian ? guardian : undefined, zeroAddress] as const;
  const holders = async (role: Hex): Promise<RoleHolders> => {
    const [byGovernor, byGuardian, byAnyone] = await multicall(client, {
      allowFailure: false,
      contracts: accounts.map(
        (account) => ({ ...timelock, functionName: "hasRole", args: [role, account ?? zeroAddress] }) as const,
      ),
    });
    return { governor: byGovernor, guardian: hasGuardian && byGuardian, anyone: byAnyone };
  };
  const [executors, cancellers] = await Promise.all([holders(executorRole), holders(cancellerRole)]);
  return { guardian, executors, cancellers };
}

/**
 * The salt and predecessor the governor schedules a proposal's operation with, from the description hash the
 * governor stores (GovernorStorage.proposalDetails).
 */
export function useTimelockSchedule(proposalId: bigint) {
  return useReadContract({
    ...governor,
    functionName: "proposalDetails",
    args: [proposalId],
    query: {
      select: ([, , , descriptionHash]) => ({
        salt: timelockSalt(governor.address, descriptionHash),
        predecessor: timelockPredecessor,
      }),
    },
  });
}
