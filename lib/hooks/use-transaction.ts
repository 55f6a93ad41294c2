import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import {
  BaseError,
  TransactionReceiptNotFoundError,
  UserRejectedRequestError,
  type Abi,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hash,
  type TransactionReceipt,
} from "viem";
import { useAccount, useConfig } from "wagmi";
import { describeError } from "../contracts/errors";

/** Where a write stands. `sent` on a failure says whether the transaction reached the chain. */
export type TransactionStatus =
  | { step: "idle" }
  | { step: "checking" }
  | { step: "wallet" }
  | { step: "pending"; hash: Hash }
  | { step: "confirmed"; hash: Hash; blockNumber: bigint }
  | { step: "cancelled" }
  | { step: "failed"; message: string; hash?: Hash };

type Mutability = "nonpayable" | "payable";

export type ContractWrite<
  abi extends Abi = Abi,
  functionName extends ContractFunctionName<abi, Mutability> = ContractFunctionName<abi, Mutability>,
> = {
  address: `0x${string}`;
  abi: abi;
  functionName: functionName;
  args: ContractFunctionArgs<abi, Mutability, functionName>;
  value?: bigint;
};

/** Receipt polling: a failing RPC is reported after this many failures in a row, not after a long timeout. */
const RECEIPT_POLL_MS = 1_000;
const RPC_FAILURES_BEFORE_GIVING_UP = 4;

/** Calls `read` every RECEIPT_POLL_MS until it returns a value; gives up after repeated failures. */
async function pollUntilDefined<T>(read: () => Promise<T | undefined>): Promise<T> {
  let failures = 0;
  for (;;) {
    try {
      const value = await read();
      if (value !== undefined) return value;
      failures = 0;
    } catch (error) {
      if (++failures >= RPC_FAILURES_BEFORE_GIVING_UP) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, RECEIPT_POLL_MS));
  }
}

function rejectedInWallet(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  return Boolean(
    error.walk((cause) => cause instanceof UserRejectedRequestError || (cause as { code?: unknown })?.code === 4001),
  );
}

/**
 * The one path every write takes: connected and on the app's chain, simulated first (a revert is refused by name
 * before the wallet opens), the wallet prompt, the receipt (`reverted` is a failure), then every chain read is
 * refreshed. One write at a time: a second `run` while one is in flight is ignored. Resolves to the receipt of a
 * confirmed transaction, undefined otherwise (the status says why).
 */
export function useTransaction() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const { address, chainId: walletChainId, isConnected } = useAccount();
  const appChain = config.chains[0];
  const [status, setStatus] = useState<TransactionStatus>({ step: "idle" });
  const inFlight = useRef(false);

  const run = useCallback(
    async <const abi extends Abi, functionName extends ContractFunctionName<abi, Mutability>>(
      write: ContractWrite<abi, functionName>,
    ): Promise<TransactionReceipt | undefined> => {
      if (inFlight.current) return undefined;
      if (!address) {
        setStatus({ step: "failed", message: "Connect a wallet first. Nothing was sent." });
        return undefined;
      }
      if (walletChainId !== appChain.id) {
        setStatus({ step: "failed", message: `Switch your wallet to ${appChain.name} first. Nothing was sent.` });
        return undefined;
      }
      inFlight.current = true;
      let hash: Hash | undefined;
      try {
        // Loaded on the first write: the pages' first load stays read-only.
        const { simulateContract, writeContract, getTransactionReceipt } = await import("wagmi/actions");
        setStatus({ step: "checking" });
        const request = { ...write, account: address, chainId: appChain.id } as Parameters<typeof simulateContract>[1];
        const simulation = await simulateContract(config, request);
        setStatus({ step: "wallet" });
        hash = await writeContract(config, simulation.request);
        setStatus({ step: "pending", hash });
        const sent = hash;
        const receipt = await pollUntilDefined(() =>
          getTransactionReceipt(config, { hash: sent }).catch((error: unknown) => {
            if (error instanceof BaseError && error.walk((cause) => cause instanceof TransactionReceiptNotFoundError)) {
              return undefined;
            }
            throw error;
          }),
        );
        if (receipt.status === "reverted") {
          let reason = "";
          await simulateContract(config, request).catch((error: unknown) => (reason = ` ${describeError(error)}`));
          setStatus({
            step: "failed",
            hash,
            message: `The transaction was mined in block ${receipt.blockNumber} but reverted: the chain changed after it was checked.${reason}`,
          });
          return undefined;
        }
        setStatus({ step: "confirmed", hash, blockNumber: receipt.blockNumber });
        await queryClient.invalidateQueries();
        return receipt;
      } catch (error) {
        if (rejectedInWallet(error)) setStatus({ step: "cancelled" });
        else if (hash) {
          setStatus({
            step: "failed",
            hash,
            message: `The transaction was sent, but its receipt could not be read (${describeError(error)}). It may still confirm: check again once the RPC answers.`,
          });
          void queryClient.invalidateQueries();
        } else setStatus({ step: "failed", message: `${describeError(error)} Nothing was sent.` });
        return undefined;
      } finally {
        inFlight.current = false;
      }
    },
    [address, appChain, config, queryClient, walletChainId],
  );

  const inProgress = status.step === "checking" || status.step === "wallet" || status.step === "pending";
  return {
    run,
    status,
    inProgress,
    reset: useCallback(() => setStatus({ step: "idle" }), []),
    account: address,
    isConnected,
    wrongChain: isConnected && walletChainId !== appChain.id,
    appChain,
  };
}

export type Transaction = ReturnType<typeof useTransaction>;
