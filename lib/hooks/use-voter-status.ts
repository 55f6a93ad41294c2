import { zeroAddress } from "viem";
import { useAccount, useReadContracts } from "wagmi";
import { contracts } from "../contracts";

/**
 * The connected account's standing on one proposal: whether it has voted, its voting power at the snapshot
 * (its current power while the snapshot is still ahead).
 */
export function useVoterStatus(proposalId: bigint, snapshot: bigint, snapshotPassed: boolean) {
  const { address } = useAccount();
  const { governor, token } = contracts;
  const account = address ?? zeroAddress;
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...governor, functionName: "hasVoted", args: [proposalId, account] },
      snapshotPassed
        ? { ...governor, functionName: "getVotes", args: [account, snapshot] }
        : { ...token, functionName: "getVotes", args: [account] },
    ],
    query: {
      enabled: Boolean(address),
      select: ([hasVoted, votingPower]) => ({ hasVoted, votingPower }),
    },
  });
  return { account: address, ...reads };
}
