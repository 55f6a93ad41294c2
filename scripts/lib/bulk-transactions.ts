// Many transactions on an anvil with automine off: eth_sendTransaction from impersonated senders with explicit gas,
// nonce and fees, in JSON-RPC batches, then one evm_mine per block's worth. Each block is checked through its logs
// (every transaction of a step emits one known event): anvil's eth_getBlockReceipts is quadratic in the block size.
import { isHex, type Address, type Hex } from "viem";
import { decodeRevertData } from "../../lib/contracts/errors";
import { RpcError, type JsonRpc, type RpcCall } from "./json-rpc";

export type BulkTransaction = { from: Address; to: Address; data: Hex; gas: number; label: string };

/** The event each transaction of a step emits exactly once. */
export type ExpectedEvent = { name: string; address: Address; topic: Hex };

export type RawLog = { address: Address; topics: Hex[]; data: Hex; transactionHash: Hex; blockNumber: Hex };

export type MinedStep = { transactions: number; firstBlock: number; lastBlock: number; lastTimestamp: bigint };

// anvil refuses request bodies over about 2 MiB.
const maxBatchCalls = 500;
const maxBatchBytes = 1_000_000;
// Measured: adding a transaction to anvil's pool slows down with the pool's size (6,000 pending take 7 times as
// long to send as 2,500), while each block costs a fixed ~0.5 s once the state is large; about 2,500 per block is
// the fastest. One such block's logs stay under 5 MB.
const maxBlockTransactions = 2_500;
const maxBlockCalldataBytes = 1_500_000;
const maxBlockGas = 1_500_000_000;
// anvil takes transactions on several threads while this process encodes the next batch; a later nonce that
// arrives first waits in the pool for the earlier one.
const requestsInFlight = 3;
// Fees are never the bottleneck here: a cap far above anvil's base fee, and no tip.
const maxFeePerGas = "0xe8d4a51000"; // 1,000 gwei
const progressEverySeconds = 10;

export type BulkSender = {
  /** Send `transactions` in order, mined in as many blocks as they need; each must emit `expected` once. */
  send: (
    step: string,
    transactions: Iterable<BulkTransaction>,
    expected: ExpectedEvent,
    total?: number,
  ) => Promise<MinedStep>;
  /** Every transaction sent so far. */
  sent: () => number;
};

export function bulkSender(
  rpc: JsonRpc,
  options: {
    /** Next nonce of each sender; a sender not in it has sent nothing yet. */
    nonces: Map<Address, number>;
    onLogs?: (logs: RawLog[]) => void;
    log?: (line: string) => void;
  },
): BulkSender {
  const { nonces } = options;
  const log = options.log ?? (() => {});
  let sentCount = 0;

  async function sendBlock(step: string, transactions: BulkTransaction[], expected: ExpectedEvent) {
    const calls: RpcCall[] = transactions.map((tx) => {
      const nonce = nonces.get(tx.from) ?? 0;
      nonces.set(tx.from, nonce + 1);
      return {
        method: "eth_sendTransaction",
        params: [
          {
            from: tx.from,
            to: tx.to,
            data: tx.data,
            gas: `0x${tx.gas.toString(16)}`,
            nonce: `0x${nonce.toString(16)}`,
            maxFeePerGas,
            maxPriorityFeePerGas: "0x0",
          },
        ],
      };
    });
    const hashes = (await inParallel([...batches(calls)], requestsInFlight, (batch) => rpc.batch<Hex>(batch))).flat();
    sentCount += transactions.length;

    const before = Number(await rpc.call<Hex>("eth_blockNumber"));
    await rpc.call("evm_mine");
    // A block that fills up leaves the rest in the pool for the next one.
    for (let extra = 0; await poolHasTransactions(rpc); extra++) {
      if (extra === 3) throw new Error(`${step}: transactions stay in the pool after ${extra + 1} blocks`);
      await rpc.call("evm_mine");
    }
    const after = Number(await rpc.call<Hex>("eth_blockNumber"));

    let emitted = 0;
    for (let block = before + 1; block <= after; block++) {
      const number = `0x${block.toString(16)}`;
      const logs = await rpc.call<RawLog[]>("eth_getLogs", [{ fromBlock: number, toBlock: number }]);
      emitted += logs.filter(
        (entry) => entry.topics[0] === expected.topic && entry.address.toLowerCase() === expected.address.toLowerCase(),
      ).length;
      options.onLogs?.(logs);
    }
    if (emitted !== transactions.length) {
      throw new Error(
        `${step}: ${transactions.length} transactions emitted ${emitted} ${expected.name} events. ` +
          (await describeFailures(rpc, transactions, hashes)),
      );
    }
    return { firstBlock: before + 1, lastBlock: after };
  }

  return {
    async send(step, transactions, expected, total) {
      const started = performance.now();
      let lastProgress = started;
      let block: BulkTransaction[] = [];
      let blockBytes = 0;
      let blockGas = 0;
      let done = 0;
      let firstBlock = 0;
      let lastBlock = 0;
      const flush = async () => {
        if (block.length === 0) return;
        const mined = await sendBlock(step, block, expected);
        firstBlock ||= mined.firstBlock;
        lastBlock = mined.lastBlock;
        done += block.length;
        block = [];
        blockBytes = 0;
        blockGas = 0;
        if (performance.now() - lastProgress > progressEverySeconds * 1000) {
          lastProgress = performance.now();
          log(`  ${step}: ${done.toLocaleString("en-US")}${total ? ` of ${total.toLocaleString("en-US")}` : ""}`);
        }
      };
      for (const tx of transactions) {
        const bytes = (tx.data.length - 2) / 2;
        if (
          block.length === maxBlockTransactions ||
          blockBytes + bytes > maxBlockCalldataBytes ||
          blockGas + tx.gas > maxBlockGas
        ) {
          await flush();
        }
        block.push(tx);
        blockBytes += bytes;
        blockGas += tx.gas;
      }
      await flush();
      const seconds = (performance.now() - started) / 1000;
      const latest = await rpc.call<{ timestamp: Hex }>("eth_getBlockByNumber", ["latest", false]);
      const blocks = done === 0 ? 0 : lastBlock - firstBlock + 1;
      log(
        `${step}: ${done.toLocaleString("en-US")} transaction${done === 1 ? "" : "s"} in ${blocks} block${blocks === 1 ? "" : "s"}, ` +
          `${seconds.toFixed(1)} s (${Math.round(done / Math.max(seconds, 0.001)).toLocaleString("en-US")}/s)`,
      );
      return { transactions: done, firstBlock, lastBlock, lastTimestamp: BigInt(latest.timestamp) };
    },
    sent: () => sentCount,
  };
}

async function poolHasTransactions(rpc: JsonRpc): Promise<boolean> {
  const { pending, queued } = await rpc.call<{ pending: Hex; queued: Hex }>("txpool_status");
  return Number(pending) + Number(queued) > 0;
}

/** `run` over `items` with at most `width` at a time; results in the order of `items`. */
async function inParallel<T, R>(items: T[], width: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/** Calls grouped under anvil's request size limit. */
function* batches(calls: RpcCall[]): Generator<RpcCall[]> {
  let batch: RpcCall[] = [];
  let bytes = 0;
  for (const call of calls) {
    const size = JSON.stringify(call).length + 40;
    if (batch.length === maxBatchCalls || (batch.length > 0 && bytes + size > maxBatchBytes)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(call);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

/** Which transactions failed and why (their receipts, one by one: this only runs when a check fails). */
async function describeFailures(rpc: JsonRpc, transactions: BulkTransaction[], hashes: Hex[]): Promise<string> {
  type Receipt = { status: Hex; gasUsed: Hex } | null;
  const receipts: Receipt[] = [];
  for (let i = 0; i < hashes.length; i += 100) {
    const calls = hashes.slice(i, i + 100).map((hash) => ({ method: "eth_getTransactionReceipt", params: [hash] }));
    receipts.push(...(await rpc.batch<Receipt>(calls)));
  }
  const failed = transactions
    .map((tx, i) => ({ tx, hash: hashes[i], receipt: receipts[i] }))
    .filter(({ receipt }) => !receipt || receipt.status !== "0x1");
  if (failed.length === 0) return "Every transaction succeeded: the expected event is wrong.";
  const [{ tx, hash, receipt }] = failed;
  const gasUsed = receipt ? Number(receipt.gasUsed) : 0;
  const outcome = !receipt
    ? "was not mined"
    : gasUsed === tx.gas
      ? `ran out of its ${tx.gas.toLocaleString("en-US")} gas`
      : `reverted using ${gasUsed.toLocaleString("en-US")} of ${tx.gas.toLocaleString("en-US")} gas`;
  // The state before the block is pruned; replaying on the latest state often still names the reason.
  let reason = "";
  try {
    await rpc.call("eth_call", [{ from: tx.from, to: tx.to, data: tx.data, gas: `0x${tx.gas.toString(16)}` }]);
  } catch (error) {
    const data = error instanceof RpcError && isHex(error.data) ? error.data : undefined;
    const decoded = data ? decodeRevertData(data) : undefined;
    reason = decoded ? `; replayed now it reverts with ${decoded.name}` : "";
  }
  return `${failed.length} failed, the first: ${tx.label} (${hash}) ${outcome}${reason}.`;
}
