import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import {
  BaseError,
  UserRejectedRequestError,
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hash,
  type Hex,
  type TransactionReceipt,
  type TypedDataDefinition,
} from "viem";
import { useAccount, useConfig } from "wagmi";
import { describeError } from "../contracts/errors";
import { waitForIndexedBlock } from "../indexer/freshness";
import { indexerQueryKey, useIndexerClient } from "./use-indexer";
import { relayStatusQueryKey } from "./use-relay-status";

/** Where a write stands. `sent` on a failure says whether the transaction reached the chain. */
export type TransactionStatus =
  | { step: "idle" }
  | { step: "checking" }
  | { step: "wallet" }
  /** A sponsored write: the wallet signs a message (no gas), then the DAO's relay checks and sends it. */
  | { step: "signing" }
  | { step: "relaying" }
  | { step: "pending"; hash: Hash }
  | { step: "confirmed"; hash: Hash; blockNumber: bigint }
  | { step: "cancelled" }
  /** After it was sent, the wallet put another transaction in its nonce: a cancellation, or a different call. */
  | { step: "replaced"; hash: Hash; by: Hash; cancelled: boolean }
  /** `retry` sends the same write again (offered when the transaction was not mined in time). */
  | { step: "failed"; message: string; hash?: Hash; retry?: () => void };

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

/**
 * A write the DAO's relay sends: the typed data the account signs, and what hands the signature to the relay
 * (resolving to the hash the relay sent, or throwing the relay's refusal).
 */
export type SponsoredWrite = { typedData: TypedDataDefinition; submit: (signature: Hex) => Promise<Hash> };

export function rejectedInWallet(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  return Boolean(
    error.walk((cause) => cause instanceof UserRejectedRequestError || (cause as { code?: unknown })?.code === 4001),
  );
}

/**
 * The one path every write takes: connected and on the app's chain, simulated first (a revert is refused by name
 * before the wallet opens), the wallet prompt, the receipt (`reverted` is a failure, named by replaying the
 * transaction in its block; a speed-up in the wallet is followed, a cancellation reported; a transaction not
 * mined in time is reported with a retry), then every chain read is refreshed. One write at a time: a second `run`
 * while one is in flight is ignored. Resolves to the receipt of a confirmed transaction, undefined otherwise (the
 * status says why).
 */
export function useTransaction() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const { address, chainId: walletChainId, isConnected } = useAccount();
  const appChain = config.chains[0];
  const [status, setStatus] = useState<TransactionStatus>({ step: "idle" });
  const inFlight = useRef(false);
  const indexer = useIndexerClient();

  /** Live chain reads refresh at once; indexed history once the indexer has the write's block. */
  const refreshAfter = useCallback(
    async (blockNumber: bigint) => {
      const isIndexed = (query: { queryKey: readonly unknown[] }) => query.queryKey[0] === indexerQueryKey[0];
      await queryClient.invalidateQueries({ predicate: (query) => !isIndexed(query) });
      await waitForIndexedBlock(indexer, blockNumber);
      await queryClient.invalidateQueries({ predicate: isIndexed });
    },
    [indexer, queryClient],
  );

  /**
   * Everything after the account and chain checks: `send` produces the hash (moving the status through its own
   * steps), then the receipt is followed. `again` repeats the whole write (offered when it was not mined in time).
   */
  const execute = useCallback(
    async (send: (account: Address) => Promise<Hash>, again: () => void): Promise<TransactionReceipt | undefined> => {
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
        const { RECEIPT_TIMEOUT_MS, revertReason, waitForMined } = await import("../chain/transaction-receipt");
        const client = config.getClient({ chainId: appChain.id });
        hash = await send(address);
        setStatus({ step: "pending", hash });
        const sent = hash;
        const mined = await waitForMined(client, sent);
        if (!mined) {
          setStatus({
            step: "failed",
            hash: sent,
            message: `Transaction ${sent} was not mined within ${RECEIPT_TIMEOUT_MS / 60_000} minutes: the network may have dropped it. If your wallet no longer lists it, send it again.`,
            retry: again,
          });
          return undefined;
        }
        const { receipt, replacement } = mined;
        if (replacement && replacement.reason !== "repriced") {
          setStatus({
            step: "replaced",
            hash: sent,
            by: replacement.transaction.hash,
            cancelled: replacement.reason === "cancelled",
          });
          await queryClient.invalidateQueries();
          return undefined;
        }
        if (receipt.status === "reverted") {
          const reason = await revertReason(client, receipt);
          setStatus({
            step: "failed",
            hash: receipt.transactionHash,
            message: `The transaction was mined in block ${receipt.blockNumber} but reverted: the chain changed after it was checked.${reason ? ` ${reason}` : ""}`,
          });
          return undefined;
        }
        // After a speed-up in the wallet, the same call was mined under another hash.
        setStatus({ step: "confirmed", hash: receipt.transactionHash, blockNumber: receipt.blockNumber });
        await refreshAfter(receipt.blockNumber);
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
    [address, appChain, config, queryClient, refreshAfter, walletChainId],
  );

  const run = useCallback(
    function run<const abi extends Abi, functionName extends ContractFunctionName<abi, Mutability>>(
      write: ContractWrite<abi, functionName>,
    ): Promise<TransactionReceipt | undefined> {
      return execute(
        async (account) => {
          const { simulateContract, writeContract } = await import("wagmi/actions");
          setStatus({ step: "checking" });
          const request = { ...write, account, chainId: appChain.id } as Parameters<typeof simulateContract>[1];
          const simulation = await simulateContract(config, request);
          setStatus({ step: "wallet" });
          return writeContract(config, simulation.request);
        },
        () => void run(write),
      );
    },
    [appChain, config, execute],
  );

  /** A write the DAO pays for: `prepare` builds the message for the account to sign; the relay sends it. */
  const sponsor = useCallback(
    function sponsor(prepare: (account: Address) => Promise<SponsoredWrite>): Promise<TransactionReceipt | undefined> {
      return execute(
        async (account) => {
          const { signTypedData } = await import("wagmi/actions");
          setStatus({ step: "checking" });
          const { typedData, submit } = await prepare(account);
          setStatus({ step: "signing" });
          const signature = await signTypedData(config, { ...typedData, account });
          setStatus({ step: "relaying" });
          try {
            return await submit(signature);
          } catch (error) {
            // A refusal may mean the relay closed or the quota ran out: the sponsored buttons say so next.
            void queryClient.invalidateQueries({ queryKey: relayStatusQueryKey });
            throw error;
          }
        },
        () => void sponsor(prepare),
      );
    },
    [config, execute, queryClient],
  );

  const inProgress = ["checking", "wallet", "signing", "relaying", "pending"].includes(status.step);
  return {
    run,
    sponsor,
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
