import { useCallback, useState } from "react";
import type { Address, Hex, TypedDataDefinition } from "viem";
import { useAccount, useConfig } from "wagmi";
import { ApiRefusedError } from "../api/client";
import { describeError } from "../contracts/errors";
import { rejectedInWallet } from "./use-transaction";

/** Where a signed message stands: the wallet signs (no gas, nothing on chain), then the app's server stores it. */
export type SignedMessageStatus =
  { step: "idle" } | { step: "signing" } | { step: "sending" } | { step: "done" } | { step: "failed"; message: string };

/**
 * Sign typed data with the connected wallet and hand the signature to the app's server: connected and on the app's
 * chain first, a rejection in the wallet reported as such, the server's refusal by name. Resolves to what `send`
 * returned, undefined otherwise (the status says why).
 */
export function useSignedMessage() {
  const config = useConfig();
  const { address, chainId } = useAccount();
  const appChain = config.chains[0];
  const [status, setStatus] = useState<SignedMessageStatus>({ step: "idle" });

  const sign = useCallback(
    async <T>(
      prepare: (account: Address) => TypedDataDefinition,
      send: (signature: Hex, account: Address) => Promise<T>,
    ): Promise<T | undefined> => {
      if (!address) {
        setStatus({ step: "failed", message: "Connect a wallet first. Nothing was signed." });
        return undefined;
      }
      if (chainId !== appChain.id) {
        setStatus({ step: "failed", message: `Switch your wallet to ${appChain.name} first. Nothing was signed.` });
        return undefined;
      }
      try {
        const { signTypedData } = await import("wagmi/actions");
        setStatus({ step: "signing" });
        const signature = await signTypedData(config, { ...prepare(address), account: address });
        setStatus({ step: "sending" });
        const result = await send(signature, address);
        setStatus({ step: "done" });
        return result;
      } catch (error) {
        const message =
          error instanceof ApiRefusedError
            ? `${error.message} Nothing was stored.`
            : rejectedInWallet(error)
              ? "You declined the signature in your wallet. Nothing was stored."
              : `${describeError(error)}. Nothing was stored.`;
        setStatus({ step: "failed", message });
        return undefined;
      }
    },
    [address, appChain, chainId, config],
  );

  return {
    sign,
    status,
    account: address,
    busy: status.step === "signing" || status.step === "sending",
    reset: useCallback(() => setStatus({ step: "idle" }), []),
  };
}
