import { BaseError, decodeErrorResult, isHex, type Abi, type Hex } from "viem";
import * as abis from "./abis.generated";
import { revertSentence } from "./revert-messages";

type AbiError = Extract<Abi[number], { type: "error" }>;

const systemAbis: readonly Abi[] = Object.values(abis);

/** Every custom error of the system, across all ABIs, so a Timelock error inside a Governor call gets its name. */
const systemErrors: AbiError[] = systemAbis
  .flat()
  .filter((item): item is AbiError => item.type === "error")
  .filter((item, index, all) => all.findIndex((other) => sameSignature(other, item)) === index);

function sameSignature(a: AbiError, b: AbiError): boolean {
  return a.name === b.name && a.inputs.map((input) => input.type).join() === b.inputs.map((input) => input.type).join();
}

type DecodedRevert = { name: string; args: readonly unknown[] };

/** Name a revert from its raw data (custom error, Error(string) or Panic(uint256)); undefined when unknown. */
export function decodeRevertData(data: Hex): DecodedRevert | undefined {
  try {
    const { errorName, args } = decodeErrorResult({ abi: systemErrors, data });
    return { name: errorName, args: args ?? [] };
  } catch {
    return undefined;
  }
}

/** The raw revert data inside a viem error tree, when the node returned any. */
export function findRevertData(error: unknown): Hex | undefined {
  if (!(error instanceof BaseError)) return undefined;
  let found: Hex | undefined;
  error.walk((cause) => {
    const data = cause && typeof cause === "object" && "data" in cause ? cause.data : undefined;
    if (isHex(data, { strict: false }) && data.length >= 10) found = data;
    else if (data && typeof data === "object" && "data" in data && isHex(data.data, { strict: false })) {
      found = data.data;
    }
    return false;
  });
  return found;
}

function formatRevert({ name, args }: DecodedRevert): string {
  const shown = args.map((arg) => (typeof arg === "bigint" ? arg.toString() : JSON.stringify(arg)));
  return `${name}(${shown.join(", ")})`;
}

/**
 * A one-line explanation of a failed call or transaction: a contract error as a sentence followed by its name
 * ("You need 10,000 PLM of voting power to propose; you have 2,500 PLM. (GovernorInsufficientProposerVotes)"),
 * or by name and arguments when it has no sentence.
 */
export function describeError(error: unknown): string {
  const data = findRevertData(error);
  const decoded = data ? decodeRevertData(data) : undefined;
  const sentence = decoded && revertSentence(decoded.name, decoded.args);
  if (sentence) return `${sentence} (${decoded.name})`;
  if (decoded) return `reverted with ${formatRevert(decoded)}`;
  if (data) return `reverted with unknown error ${data.slice(0, 10)} (selector not in any Plenum ABI)`;
  if (error instanceof BaseError) return error.shortMessage;
  return error instanceof Error ? error.message : String(error);
}
