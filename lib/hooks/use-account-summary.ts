import { zeroAddress, type Address } from "viem";
import { useAccount, useReadContracts } from "wagmi";
import { contracts } from "../contracts";
import { previewDelegation } from "../governance/delegation";

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

/**
 * Voting power before and after the connected account delegates to `to` (`zeroAddress` removes the delegation;
 * undefined reads nothing): the account summary plus `getVotes` of `to` and of the current delegate.
 */
export function useDelegationPreview(to: Address | undefined) {
  const summary = useAccountSummary();
  const previous = summary.data?.delegate ?? zeroAddress;
  const { token } = contracts;
  const votes = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...token, functionName: "getVotes", args: [to ?? zeroAddress] },
      { ...token, functionName: "getVotes", args: [previous] },
    ],
    query: { enabled: Boolean(summary.account && summary.data && to) },
  });
  const { account, data } = summary;
  return {
    preview:
      account && data && votes.data && to
        ? previewDelegation({ account, ...data }, to, { to: votes.data[0], previousDelegate: votes.data[1] })
        : undefined,
    error: summary.error ?? votes.error,
  };
}
