import {
  encodeFunctionData,
  type Abi,
  type ContractFunctionName,
  type EncodeFunctionDataParameters,
  createWalletClient,
  http,
  publicActions,
  testActions,
  type Account,
  type Address,
  type Hex,
  type TransactionReceipt,
  toHex,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { padGasEstimate } from "../../lib/chain/gas";
import { describeError } from "../../lib/contracts/errors";

export const LOCAL_CHAIN_ID = 31337;
/** anvil's default mnemonic: the local demo's accounts are derived from it (indices in accounts.ts). */
export const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

export function connect(rpcUrl: string) {
  return createWalletClient({ transport: http(rpcUrl, { retryCount: 2 }) }).extend(publicActions);
}

export type Client = ReturnType<typeof connect>;

/** A client with anvil's test actions (time travel, balances); local chain only. */
export function connectAnvil(rpcUrl: string) {
  return connect(rpcUrl).extend(testActions({ mode: "anvil" }));
}

export type AnvilClient = ReturnType<typeof connectAnvil>;

export function anvilAccount(index: number) {
  return mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index });
}

/** The private key of anvil's account `index`: public knowledge, for the local chain only. */
export function anvilPrivateKey(index: number): Hex {
  const key = anvilAccount(index).getHdKey().privateKey;
  if (!key) throw new Error(`No private key for anvil account ${index}.`);
  return toHex(key);
}

export type Sender = Account | Address;

/**
 * Send one transaction and wait for it, its gas estimated at the `pending` block and padded (`padGasEstimate`).
 * A revert is thrown with the contract error's name.
 */
export async function sendTx(
  client: Client,
  from: Sender,
  tx: { to?: Address; data: Hex; value?: bigint },
  label = tx.to ? `call to ${tx.to}` : "deployment",
): Promise<TransactionReceipt> {
  let gas: bigint;
  try {
    gas = await client.estimateGas({ account: from, ...tx, blockTag: "pending" });
  } catch (error) {
    throw new Error(`${label} ${describeError(error)}`);
  }
  const hash = await client.sendTransaction({ account: from, chain: null, ...tx, gas: padGasEstimate(gas) });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${label} reverted in transaction ${hash}`);
  return receipt;
}

/** `sendTx` for a contract call, encoded from its typed ABI. */
export function writeContract<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
>(
  client: Client,
  from: Sender,
  call: { address: Address; label?: string } & EncodeFunctionDataParameters<abi, functionName>,
): Promise<TransactionReceipt> {
  const { address, label, ...encode } = call;
  return sendTx(
    client,
    from,
    { to: address, data: encodeFunctionData(encode as EncodeFunctionDataParameters) },
    label ?? `${call.functionName} on ${address}`,
  );
}
