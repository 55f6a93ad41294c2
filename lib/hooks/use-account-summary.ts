import { zeroAddress } from "viem";
import { useAccount, useReadContracts } from "wagmi";
import { contracts } from "../contracts";

/** The connected account's PLM balance, voting power and delegate; `account` is undefined when disconnected. */
export function useAccountSummary() {
  const { address } = useAccount();
  const { token } = contracts;
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...token, functionName: "balanceOf", args: [address ?? zeroAddress] },
      { ...token, functionName: "getVotes", args: [address ?? zeroAddress] },
      { ...token, functionName: "delegates", args: [address ?? zeroAddress] },
    ],
    query: {
      enabled: Boolean(address),
      select: ([balance, votingPower, delegate]) => ({
        balance,
        votingPower,
        delegate: delegate === zeroAddress ? undefined : delegate,
      }),
    },
  });
  return { account: address, ...reads };
}
