import {
  BaseError,
  ExecutionRevertedError,
  type Client,
  type Hash,
  type ReplacementReturnType,
  type TransactionReceipt,
  WaitForTransactionReceiptTimeoutError,
} from "viem";
import { call, getTransaction, waitForTransactionReceipt, watchBlockNumber } from "viem/actions";
import { describeError } from "../contracts/errors";

/**
 * How long a sent transaction is watched before the page says it was not mined and offers to send it again. On
 * Ethereum mainnet that is 25 blocks: a transaction priced for the current base fee is mined in a few, and one
 * underpriced after a fee spike is better sped up in the wallet (which the wait follows) than waited on longer.
 */
export const RECEIPT_TIMEOUT_MS = 5 * 60_000;
const RECEIPT_POLL_MS = 1_000;
/** Failed block polls (each already retried by the transport) with no new block between them: the RPC is down. */
const RPC_FAILURES_BEFORE_GIVING_UP = 3;

export type MinedTransaction = {
  /** The receipt of what was mined: the replacement's when the wallet replaced the transaction. */
  receipt: TransactionReceipt;
  replacement?: ReplacementReturnType;
};

/**
 * Wait for `hash` to be mined, following a replacement sent from the wallet (sped up, cancelled or another call in
 * its nonce). Undefined when nothing was mined within RECEIPT_TIMEOUT_MS (a dropped transaction never is); rejects
 * with the RPC's error once it stops answering.
 */
export async function waitForMined(client: Client, hash: Hash): Promise<MinedTransaction | undefined> {
  // viem's wait skips failed polls silently until its timeout: a dead RPC is noticed here instead.
  const rpcDown = new AbortController();
  let failures = 0;
  const unwatch = watchBlockNumber(client, {
    poll: true,
    pollingInterval: RECEIPT_POLL_MS,
    onBlockNumber: () => (failures = 0),
    onError: (error) => {
      if (++failures >= RPC_FAILURES_BEFORE_GIVING_UP) rpcDown.abort(error);
    },
  });
  let replacement: ReplacementReturnType | undefined;
  try {
    const receipt = await waitForTransactionReceipt(client, {
      hash,
      timeout: RECEIPT_TIMEOUT_MS,
      pollingInterval: RECEIPT_POLL_MS,
      onReplaced: (replaced) => (replacement = replaced),
      signal: rpcDown.signal,
    });
    return { receipt, replacement };
  } catch (error) {
    if (error instanceof WaitForTransactionReceiptTimeoutError) return undefined;
    throw error;
  } finally {
    unwatch();
  }
}

/**
 * Why a mined transaction reverted, named from every ABI of the system: the transaction is replayed as sent, in the
 * state of its block. Undefined when the replay does not revert or the RPC does not answer.
 */
export async function revertReason(client: Client, receipt: TransactionReceipt): Promise<string | undefined> {
  const sent = await getTransaction(client, { hash: receipt.transactionHash }).catch(() => undefined);
  if (!sent) return undefined;
  try {
    // At block N (the state after it), not N - 1: that state holds what ran before this transaction in its block,
    // the usual cause of a revert the check before sending did not see, and the call runs at N's timestamp. What
    // ran after it in the block is there too, which rarely matters; the transaction itself reverted, so it left
    // nothing but its sender's nonce and balance, which a call without fees does not check.
    await call(client, {
      account: sent.from,
      to: sent.to,
      data: sent.input,
      value: sent.value,
      gas: sent.gas,
      blockNumber: receipt.blockNumber,
    });
    return undefined;
  } catch (error) {
    const reverted = error instanceof BaseError && error.walk((cause) => cause instanceof ExecutionRevertedError);
    return reverted ? describeError(error) : undefined;
  }
}
