import type { Address } from "viem";
import { useConfig } from "wagmi";
import { contracts } from "../contracts";
import { relayDelegation } from "../relay/client";
import { delegationTypedData, domainFromEip5267 } from "../relay/typed-data";
import { useTransaction } from "./use-transaction";

/** How long a signed delegation stays valid, in seconds of chain time. */
const DELEGATION_SIGNATURE_LIFETIME = 3_600n;

/** Delegate the connected account's voting power to `delegatee` (itself to vote directly): sent, or signed and relayed. */
export function useDelegateVotes() {
  const transaction = useTransaction();
  const config = useConfig();
  const { token } = contracts;

  const delegate = (delegatee: Address) => transaction.run({ ...token, functionName: "delegate", args: [delegatee] });

  /** A Delegation the holder signs and the DAO's relay sends through the token's delegateBySig (EOAs only). */
  const delegateSponsored = (delegatee: Address) =>
    transaction.sponsor(async (delegator) => {
      const { getBlock, readContracts } = await import("wagmi/actions");
      const [[domain, nonce], block] = await Promise.all([
        readContracts(config, {
          allowFailure: false,
          contracts: [
            { ...token, functionName: "eip712Domain" },
            { ...token, functionName: "nonces", args: [delegator] },
          ],
        }),
        getBlock(config),
      ]);
      const expiry = block.timestamp + DELEGATION_SIGNATURE_LIFETIME;
      const signed = domainFromEip5267(domain);
      return {
        typedData: delegationTypedData(signed, { delegatee, nonce, expiry }),
        submit: (signature) =>
          relayDelegation({
            delegator,
            delegatee,
            nonce: nonce.toString(),
            expiry: expiry.toString(),
            signature,
            chainId: signed.chainId,
            verifyingContract: signed.verifyingContract,
          }),
      };
    });

  return { ...transaction, delegate, delegateSponsored };
}
