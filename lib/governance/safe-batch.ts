/**
 * Import and export of Safe{Wallet} Transaction Builder batch files, so a proposal's actions can be composed or
 * reviewed in the Transaction Builder and moved here, and the other way round.
 *
 * The format (the Transaction Builder's `BatchFile`):
 *   { version: "1.0", chainId: "31337", createdAt: <ms>,
 *     meta: { name, description, txBuilderVersion, createdFromSafeAddress, createdFromOwnerAddress, checksum? },
 *     transactions: [{ to, value: "<wei>", data: "0x…" | null, contractMethod?, contractInputsValues? }] }
 * A transaction written from an ABI has `data: null` and carries `contractMethod` (name, inputs, payable) and
 * `contractInputsValues` (one text per input, by input name); it is encoded here from those.
 *
 * `meta.checksum` is the Transaction Builder's: keccak256 of the file serialized with sorted keys, with
 * `meta.name` set to null and `meta.checksum` left out. A mismatch is a warning (the file was edited by hand or by
 * another tool), not an error. A file for another chain is an error: its addresses mean other contracts there.
 */
import {
  encodeFunctionData,
  getAddress,
  isAddressEqual,
  keccak256,
  stringToHex,
  type Abi,
  type AbiFunction,
  type Address,
  type Hex,
} from "viem";
import { z } from "zod/mini";
import {
  abiParameterSchema,
  errorMessage,
  expected,
  parseArgument,
  showValue,
  toAbiParameter,
  type AbiParameterJson,
} from "./abi-inputs";
import { parseAddress } from "./parse-input";
import type { ProposalAction } from "./actions";

export const SAFE_BATCH_VERSION = "1.0";
/** The Transaction Builder version written into exported files' meta. */
export const TX_BUILDER_VERSION = "1.18.0";

export type SafeBatchContractMethod = { name: string; inputs: AbiParameterJson[]; payable: boolean };

export type SafeBatchTransaction = {
  to: Address;
  /** Wei, as a decimal string. */
  value: string;
  data: Hex | null;
  contractMethod?: SafeBatchContractMethod | null;
  contractInputsValues?: Record<string, string> | null;
};

export type SafeBatchMeta = {
  name: string;
  description?: string;
  txBuilderVersion?: string;
  createdFromSafeAddress?: string;
  createdFromOwnerAddress?: string;
  checksum?: string;
};

export type SafeBatchFile = {
  version: string;
  chainId: string;
  createdAt: number;
  meta: SafeBatchMeta;
  transactions: SafeBatchTransaction[];
};

export type ExportOptions = {
  chainId: number;
  /** The timelock: it executes the actions, so the batch is "created from" it. */
  timelock: Address;
  name: string;
  description?: string;
  /** The connected account, if any. */
  owner?: Address;
  /** Milliseconds since 1970 (default: now). */
  createdAt?: number;
};

export type ImportOptions = {
  /** The app's chain: a file for another chain is refused. */
  chainId: number;
  /** The timelock: a file created from another Safe imports with a warning. */
  timelock?: Address;
};

export type ImportResult =
  | { ok: true; actions: ProposalAction[]; name: string; description: string; warnings: string[] }
  | { ok: false; errors: string[] };

// ---------------------------------------------------------------- export

/** A batch file for `actions`, checksummed as the Transaction Builder does. */
export function exportSafeBatch(actions: readonly ProposalAction[], options: ExportOptions): SafeBatchFile {
  const file: SafeBatchFile = {
    version: SAFE_BATCH_VERSION,
    chainId: String(options.chainId),
    createdAt: options.createdAt ?? Date.now(),
    meta: {
      name: options.name,
      description: options.description ?? "",
      txBuilderVersion: TX_BUILDER_VERSION,
      createdFromSafeAddress: getAddress(options.timelock),
      createdFromOwnerAddress: options.owner ? getAddress(options.owner) : "",
    },
    transactions: actions.map((action) => ({
      to: getAddress(action.target),
      value: action.value.toString(),
      data: action.calldata,
    })),
  };
  return { ...file, meta: { ...file.meta, checksum: safeBatchChecksum(file) } };
}

/** The file as the Transaction Builder writes it (two-space JSON). */
export function safeBatchJson(file: SafeBatchFile): string {
  return JSON.stringify(file, null, 2);
}

// ---------------------------------------------------------------- checksum

// JSON drops undefined values; the Transaction Builder writes them as null in its serialization.
const stringifyReplacer = (_key: string, value: unknown) => (value === undefined ? null : value);

function serialize(json: unknown): string {
  if (Array.isArray(json)) return `[${json.map(serialize).join(",")}]`;
  if (typeof json === "object" && json !== null) {
    const record = json as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${JSON.stringify(keys, stringifyReplacer)}${keys.map((key) => `${serialize(record[key])},`).join("")}}`;
  }
  return `${JSON.stringify(json, stringifyReplacer)}`;
}

/** The Transaction Builder's checksum of a batch file (its `meta.checksum`, when present, is left out). */
export function safeBatchChecksum(file: unknown): Hex {
  const record = typeof file === "object" && file !== null ? file : {};
  const meta = "meta" in record && typeof record.meta === "object" && record.meta !== null ? record.meta : {};
  const withoutChecksum = Object.fromEntries(Object.entries(meta).filter(([key]) => key !== "checksum"));
  return keccak256(stringToHex(serialize({ ...record, meta: { ...withoutChecksum, name: null } })));
}

// ---------------------------------------------------------------- import

const addressSchema = z.string({ error: expected("an address") }).check(
  z.refine((value) => parseAddress(value).ok, {
    error: (issue) => {
      const parsed = typeof issue.input === "string" ? parseAddress(issue.input) : undefined;
      return parsed && !parsed.ok ? parsed.error : `an address, got ${showValue(issue.input)}`;
    },
  }),
);

const weiSchema = z.union([z.string(), z.number()], { error: expected("wei as a decimal string") }).check(
  z.refine((value) => (typeof value === "string" ? /^\d+$/.test(value) : Number.isSafeInteger(value) && value >= 0), {
    error: (issue) => `must be a non-negative whole number of wei (e.g. "0"), got ${showValue(issue.input)}`,
  }),
);

const hexDataSchema = z.string({ error: expected('hex calldata ("0x…") or null') }).check(
  z.refine((value) => /^0x([0-9a-fA-F]{2})*$/.test(value), {
    error: (issue) => `must be hex: 0x followed by an even number of hex digits, got ${showValue(issue.input)}`,
  }),
);

/** Text that may be absent or null. */
const optionalText = z.optional(z.nullable(z.string({ error: expected("text") })));

const transactionSchema = z.object(
  {
    to: addressSchema,
    value: weiSchema,
    data: z.optional(z.nullable(hexDataSchema)),
    contractMethod: z.optional(
      z.nullable(
        z.object(
          {
            name: z.string({ error: expected("a function name") }).check(z.minLength(1, { error: "a function name" })),
            inputs: z.array(abiParameterSchema, { error: expected("a list of inputs") }),
            payable: z.optional(z.boolean({ error: expected("true or false") })),
          },
          { error: expected("an object") },
        ),
      ),
    ),
    contractInputsValues: z.optional(
      z.nullable(
        z.record(z.string(), z.string({ error: expected("text") }), { error: expected("an object of texts") }),
      ),
    ),
  },
  { error: expected("an object") },
);

const batchSchema = z.object(
  {
    version: z.string({ error: expected('a version string ("1.0")') }),
    chainId: z.union([z.string(), z.number()], { error: expected("a chain id") }).check(
      z.refine((value) => /^\d+$/.test(String(value)), {
        error: (issue) => `a chain id, got ${showValue(issue.input)}`,
      }),
    ),
    createdAt: z.number({ error: expected("a time in milliseconds") }),
    meta: z.object(
      {
        name: z.string({ error: expected("a name") }),
        description: optionalText,
        txBuilderVersion: optionalText,
        createdFromSafeAddress: optionalText,
        createdFromOwnerAddress: optionalText,
        checksum: optionalText,
      },
      { error: expected("an object") },
    ),
    transactions: z
      .array(transactionSchema, { error: expected("a list of transactions") })
      .check(z.minLength(1, { error: "the batch has no transactions" })),
  },
  { error: expected("a Transaction Builder batch (an object)") },
);

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    "",
  );
}

/** Read a Transaction Builder batch file: its actions, or every problem found, each naming where it is. */
export function importSafeBatch(text: string, options: ImportOptions): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`The file is not JSON: ${reason}`] };
  }
  const parsed = batchSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const where = formatPath(issue.path);
        return where ? `${where}: ${issue.message}` : issue.message;
      }),
    };
  }
  const batch = parsed.data;
  const errors: string[] = [];
  const warnings: string[] = [];

  if (String(batch.chainId) !== String(options.chainId)) {
    errors.push(
      `chainId: the batch is for chain ${batch.chainId}, the app runs on chain ${options.chainId}; ` +
        `its addresses would mean other contracts here`,
    );
  }
  if (batch.version !== SAFE_BATCH_VERSION) {
    warnings.push(`version: "${batch.version}" (this app knows version "${SAFE_BATCH_VERSION}")`);
  }
  if (batch.meta.checksum && batch.meta.checksum.toLowerCase() !== safeBatchChecksum(json)) {
    warnings.push("meta.checksum does not match: the file was changed after the Transaction Builder wrote it");
  }
  const from = batch.meta.createdFromSafeAddress;
  if (options.timelock && from && parseAddress(from).ok && !isAddressEqual(getAddress(from), options.timelock)) {
    warnings.push(
      `meta.createdFromSafeAddress: the batch was made for ${getAddress(from)}, not the timelock ` +
        `(${getAddress(options.timelock)}) that executes proposals: check each call still makes sense`,
    );
  }

  const actions: ProposalAction[] = [];
  batch.transactions.forEach((transaction, index) => {
    const where = `transactions[${index}]`;
    const calldata = transactionCalldata(transaction, where, errors);
    if (calldata === undefined) return;
    actions.push({ target: getAddress(transaction.to), value: BigInt(transaction.value), calldata });
  });

  if (errors.length) return { ok: false, errors };
  return { ok: true, actions, name: batch.meta.name, description: batch.meta.description ?? "", warnings };
}

type ParsedTransaction = z.infer<typeof transactionSchema>;

function transactionCalldata(transaction: ParsedTransaction, where: string, errors: string[]): Hex | undefined {
  const { data, contractMethod, contractInputsValues } = transaction;
  if (data !== null && data !== undefined) return lowerHex(data);
  if (!contractMethod) return "0x";

  const fn: AbiFunction = {
    type: "function",
    name: contractMethod.name,
    inputs: contractMethod.inputs.map(toAbiParameter),
    outputs: [],
    stateMutability: contractMethod.payable ? "payable" : "nonpayable",
  };
  const values = contractInputsValues ?? {};
  const problems: string[] = [];
  const args = contractMethod.inputs.map((input, i) => {
    // The Transaction Builder keys each value by the input's name.
    const key = input.name || String(i);
    const path = `${where}.contractInputsValues.${key}`;
    const text = values[key];
    if (text === undefined) {
      problems.push(`${path}: missing (${input.type})`);
      return undefined;
    }
    const parsed = parseArgument(input, text, path);
    if (parsed.ok) return parsed.value;
    problems.push(...parsed.errors);
    return undefined;
  });
  if (BigInt(transaction.value) > 0n && !contractMethod.payable) {
    problems.push(`${where}.value: ${contractMethod.name} is not payable: sending ETH with it reverts`);
  }
  if (problems.length) {
    errors.push(...problems);
    return undefined;
  }
  try {
    const abi: Abi = [fn];
    return encodeFunctionData({ abi, functionName: fn.name, args });
  } catch (error) {
    errors.push(`${where}.contractMethod: ${errorMessage(error)}`);
    return undefined;
  }
}

function lowerHex(data: string): Hex {
  const hex = `0x${data.slice(2).toLowerCase()}` as const;
  return hex;
}
