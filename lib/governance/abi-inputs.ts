/**
 * Custom actions in the proposal builder: a pasted ABI (JSON, a Foundry/Hardhat artifact, or human-readable
 * signatures) becomes a list of callable functions, and the text a proposer types for each argument becomes a typed
 * value, checked against its Solidity type, before the call is encoded.
 *
 * Arguments are entered as text. Scalars are typed as they are (`0x…`, `true`, `1000`, any text for a string);
 * arrays and tuples as JSON-like text: `[1, 2]`, `{"to": "0x…", "amount": "5"}` or `["0x…", "5"]`. Numbers may be
 * quoted to keep their precision, and quotes may be left out around addresses, numbers and hex.
 */
import { encodeFunctionData, parseAbi, type Abi, type AbiFunction, type AbiParameter, type Hex } from "viem";
import { z } from "zod/mini";
import { parseAddress, parseInteger, stripQuotes, type Parsed } from "./parse-input";

/** A function a proposal can call: it changes state (`nonpayable` or `payable`). */
export type CallableFunction = AbiFunction & { stateMutability: "nonpayable" | "payable" };

export type AbiParseResult = { ok: true; functions: CallableFunction[] } | { ok: false; error: string };

export type ArgumentResult = { ok: true; value: unknown } | { ok: false; errors: string[] };

export type CustomCallResult = { ok: true; calldata: Hex } | { ok: false; errors: string[] };

// ---------------------------------------------------------------- ABI parsing

/** One ABI parameter as JSON ABIs write it (also the shape of Safe Transaction Builder's `contractMethod.inputs`). */
export type AbiParameterJson = {
  name?: string;
  type: string;
  internalType?: string;
  components?: AbiParameterJson[];
};

/** A value in an error message: strings quoted, lists and objects named. */
export const showValue = (value: unknown) =>
  typeof value === "string"
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? "a list"
      : typeof value === "object" && value !== null
        ? "an object"
        : String(value);

/**
 * A schema's error message: "missing" for an absent field, else what was expected and what was found. (zod/mini has
 * no messages of its own: it says "Invalid input".)
 */
export const expected = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "missing" : `${what}, got ${showValue(issue.input)}`;

export const abiParameterSchema: z.ZodMiniType<AbiParameterJson> = z.lazy(() =>
  z.object(
    {
      name: z.optional(z.string({ error: expected("text") })),
      type: z.string({ error: expected('a Solidity type ("uint256")') }),
      internalType: z.optional(z.string({ error: expected("text") })),
      components: z.optional(z.array(abiParameterSchema, { error: expected("a list of parameters") })),
    },
    { error: expected("a parameter (an object)") },
  ),
);

const jsonAbiItemSchema = z.object(
  {
    type: z.optional(z.string({ error: expected("text") })),
    name: z.optional(z.string({ error: expected("text") })),
    inputs: z.optional(z.array(abiParameterSchema, { error: expected("a list of parameters") })),
    outputs: z.optional(z.array(abiParameterSchema, { error: expected("a list of parameters") })),
    stateMutability: z.optional(
      z.enum(["pure", "view", "nonpayable", "payable"], { error: expected("pure, view, nonpayable or payable") }),
    ),
    // Before solc 0.5 ABIs said `constant` / `payable` instead of `stateMutability`.
    constant: z.optional(z.boolean({ error: expected("true or false") })),
    payable: z.optional(z.boolean({ error: expected("true or false") })),
  },
  { error: expected("an ABI item (an object)") },
);

/**
 * Parse a pasted ABI and return the functions a proposal can call (view and pure functions, events, errors and
 * constructors are left out). Accepts a JSON array of ABI items, a JSON artifact with an `abi` field (Foundry,
 * Hardhat, Truffle), a JSON array of signatures, or human-readable signatures one per line (`function f(uint256 a)`;
 * `struct` lines are allowed; the leading `function` may be left out).
 */
export function parseAbiText(text: string): AbiParseResult {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Paste an ABI: JSON, or one function signature per line" };
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      return { ok: false, error: `The ABI is not valid JSON: ${errorMessage(error)}` };
    }
    if (Array.isArray(json) && json.length > 0 && json.every((item) => typeof item === "string")) {
      return parseHumanReadable(json);
    }
    return parseJsonAbi(json);
  }
  return parseHumanReadable(trimmed.split(/\r?\n/));
}

function parseJsonAbi(json: unknown): AbiParseResult {
  const items = json && typeof json === "object" && !Array.isArray(json) && "abi" in json ? json.abi : json;
  if (!Array.isArray(items)) {
    return { ok: false, error: "The JSON is neither an ABI (an array of items) nor an artifact with an `abi` array" };
  }
  const functions: CallableFunction[] = [];
  for (const [index, raw] of items.entries()) {
    const parsed = jsonAbiItemSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.path.length ? `.${issue.path.join(".")}` : "";
      return { ok: false, error: `abi[${index}]${where}: ${issue.message}` };
    }
    const item = parsed.data;
    if ((item.type ?? "function") !== "function") continue;
    if (!item.name) return { ok: false, error: `abi[${index}]: a function without a name` };
    const stateMutability = item.stateMutability ?? (item.payable ? "payable" : item.constant ? "view" : "nonpayable");
    if (stateMutability !== "nonpayable" && stateMutability !== "payable") continue;
    const inputs = item.inputs ?? [];
    const typeError = inputs.map((input, i) => checkParameterType(input, inputName(input, i))).find(Boolean);
    if (typeError) return { ok: false, error: `abi[${index}] (${item.name}): ${typeError}` };
    functions.push({
      type: "function",
      name: item.name,
      inputs: inputs.map(toAbiParameter),
      outputs: (item.outputs ?? []).map(toAbiParameter),
      stateMutability,
    });
  }
  return withFunctions(functions);
}

function parseHumanReadable(rawLines: readonly string[]): AbiParseResult {
  const lines = rawLines
    .map((line, index) => ({ number: index + 1, text: normalizeSignature(line) }))
    .filter((line) => line.text !== "");
  if (lines.length === 0) return { ok: false, error: "Paste an ABI: JSON, or one function signature per line" };
  const structs = lines.filter((line) => line.text.startsWith("struct "));
  let abi: Abi;
  try {
    abi = parseAbi(lines.map((line) => line.text));
  } catch (error) {
    // Name the line at fault: parse each signature alone (with the structs it may use).
    for (const line of lines) {
      try {
        parseAbi([...structs.map((struct) => struct.text), line.text]);
      } catch (lineError) {
        return { ok: false, error: `Line ${line.number} ("${line.text}"): ${errorMessage(lineError)}` };
      }
    }
    return { ok: false, error: errorMessage(error) };
  }
  const functions = abi.filter(
    (item): item is CallableFunction =>
      item.type === "function" && (item.stateMutability === "nonpayable" || item.stateMutability === "payable"),
  );
  return withFunctions(functions);
}

/** One line of a human-readable ABI, cleaned: comments, trailing `;` and `,`, and a missing `function` keyword. */
function normalizeSignature(line: string): string {
  const text = line
    .replace(/\/\/.*$/, "")
    .trim()
    .replace(/[;,]+$/, "")
    .trim();
  if (text === "") return "";
  if (/^[A-Za-z_$][\w$]*\s*\(/.test(text) && !/^(function|event|error|constructor|fallback|receive)\b/.test(text)) {
    return `function ${text}`;
  }
  return text;
}

function withFunctions(functions: CallableFunction[]): AbiParseResult {
  if (functions.length === 0) {
    return {
      ok: false,
      error: "The ABI has no function a proposal can call (only view or pure functions, events, errors or none)",
    };
  }
  return { ok: true, functions };
}

/** A JSON ABI parameter as viem's type (a missing name becomes ""). */
export function toAbiParameter(param: AbiParameterJson): AbiParameter {
  const base = { type: param.type, name: param.name ?? "" };
  const withInternal = param.internalType ? { ...base, internalType: param.internalType } : base;
  return param.components ? { ...withInternal, components: param.components.map(toAbiParameter) } : withInternal;
}

// ---------------------------------------------------------------- Solidity types

type ParsedType =
  | { kind: "array"; length?: number; inner: string }
  | { kind: "tuple" }
  | { kind: "address" }
  | { kind: "bool" }
  | { kind: "string" }
  | { kind: "bytes"; size?: number }
  | { kind: "int"; signed: boolean; bits: number }
  | { kind: "unknown" };

function parseType(type: string): ParsedType {
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) return { kind: "array", inner: array[1], length: array[2] === "" ? undefined : Number(array[2]) };
  if (type === "tuple") return { kind: "tuple" };
  if (type === "address") return { kind: "address" };
  if (type === "bool") return { kind: "bool" };
  if (type === "string") return { kind: "string" };
  if (type === "bytes") return { kind: "bytes" };
  const fixedBytes = /^bytes(\d+)$/.exec(type);
  if (fixedBytes) {
    const size = Number(fixedBytes[1]);
    return size >= 1 && size <= 32 ? { kind: "bytes", size } : { kind: "unknown" };
  }
  const integer = /^(u?)int(\d*)$/.exec(type);
  if (integer) {
    const bits = integer[2] === "" ? 256 : Number(integer[2]);
    return bits >= 8 && bits <= 256 && bits % 8 === 0
      ? { kind: "int", signed: integer[1] === "", bits }
      : { kind: "unknown" };
  }
  return { kind: "unknown" };
}

function componentsOf(param: AbiParameter | AbiParameterJson): readonly (AbiParameter | AbiParameterJson)[] {
  return "components" in param && param.components ? param.components : [];
}

/** An error naming the first type in `param` the encoder cannot take, or undefined. */
function checkParameterType(param: AbiParameter | AbiParameterJson, path: string): string | undefined {
  const type = parseType(param.type);
  switch (type.kind) {
    case "unknown":
      return `${path}: unsupported type "${param.type}"`;
    case "array":
      if (type.length === 0) return `${path}: a fixed array needs at least one item ("${param.type}")`;
      return checkParameterType({ ...param, type: type.inner }, `${path}[]`);
    case "tuple": {
      const components = componentsOf(param);
      if (components.length === 0) return `${path}: a tuple without components`;
      return components
        .map((component, i) => checkParameterType(component, `${path}.${inputName(component, i)}`))
        .find(Boolean);
    }
    default:
      return undefined;
  }
}

function inputName(param: { name?: string }, index: number): string {
  return param.name ? param.name : `arg${index}`;
}

// ---------------------------------------------------------------- JSON-like text

type Node =
  | { kind: "list"; items: Node[] }
  | { kind: "object"; entries: { key: string; value: Node }[] }
  | { kind: "text"; text: string; quoted: boolean };

class SyntaxProblem extends Error {}

/** Parse JSON-like text: JSON, plus single quotes, bare words (addresses, numbers, hex) and trailing commas. */
function parseJsonLike(source: string): Node {
  let at = 0;
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at])) at++;
  };
  const fail = (expected: string): never => {
    const found = at < source.length ? `"${source[at]}"` : "the end";
    throw new SyntaxProblem(`expected ${expected} at position ${at + 1}, found ${found}`);
  };

  const quoted = (): string => {
    const quote = source[at];
    let end = at + 1;
    while (end < source.length && source[end] !== quote) end += source[end] === "\\" ? 2 : 1;
    if (end >= source.length) throw new SyntaxProblem(`unterminated string starting at position ${at + 1}`);
    const body = source.slice(at + 1, end);
    at = end + 1;
    try {
      return JSON.parse(`"${quote === "'" ? body.replace(/\\'/g, "'").replace(/"/g, '\\"') : body}"`);
    } catch {
      throw new SyntaxProblem(`bad escape in the string "${body}"`);
    }
  };

  const bare = (stops: string): string => {
    const start = at;
    while (at < source.length && !stops.includes(source[at])) at++;
    return source.slice(start, at).trim();
  };

  const value = (stops: string): Node => {
    skipSpace();
    const char = source[at];
    if (char === "[") {
      at++;
      const items: Node[] = [];
      for (;;) {
        skipSpace();
        if (source[at] === "]") break;
        items.push(value(",]"));
        skipSpace();
        if (source[at] === ",") at++;
        else if (source[at] !== "]") fail(`"," or "]" after item ${items.length}`);
      }
      at++;
      return { kind: "list", items };
    }
    if (char === "{") {
      at++;
      const entries: { key: string; value: Node }[] = [];
      for (;;) {
        skipSpace();
        if (source[at] === "}") break;
        const key = source[at] === '"' || source[at] === "'" ? quoted() : bare(":,}");
        if (key === "") fail("a field name");
        skipSpace();
        if (source[at] !== ":") fail(`":" after the field name "${key}"`);
        at++;
        entries.push({ key, value: value(",}") });
        skipSpace();
        if (source[at] === ",") at++;
        else if (source[at] !== "}") fail(`"," or "}" after the field "${key}"`);
      }
      at++;
      return { kind: "object", entries };
    }
    if (char === '"' || char === "'") return { kind: "text", text: quoted(), quoted: true };
    const text = bare(stops);
    if (text === "") fail("a value");
    if (/[[\]{}]/.test(text)) fail(`"," or a closing bracket after "${text.replace(/[[\]{}].*$/, "").trim()}"`);
    return { kind: "text", text, quoted: false };
  };

  const node = value("");
  skipSpace();
  if (at < source.length) fail("nothing more");
  return node;
}

// ---------------------------------------------------------------- argument values

/**
 * Parse the text of one argument against its ABI parameter. `path` names it in errors (default: its name); every
 * problem inside arrays and tuples is reported with its own path, e.g. `items[1].amount: 2^96 does not fit uint96`.
 */
export function parseArgument(param: AbiParameter | AbiParameterJson, text: string, path?: string): ArgumentResult {
  const name = path ?? inputName(param, 0);
  const typeError = checkParameterType(param, name);
  if (typeError) return { ok: false, errors: [typeError] };
  const type = parseType(param.type);
  let node: Node;
  if (type.kind === "array" || type.kind === "tuple") {
    if (text.trim() === "") {
      return {
        ok: false,
        errors: [
          `${name}: enter ${type.kind === "array" ? "a list like [a, b]" : 'a tuple like [a, b] or {"field": a}'}`,
        ],
      };
    }
    try {
      node = parseJsonLike(text);
    } catch (error) {
      return { ok: false, errors: [`${name}: ${errorMessage(error)}`] };
    }
  } else if (type.kind === "string") {
    node = { kind: "text", text, quoted: true };
  } else {
    node = { kind: "text", text: stripQuotes(text.trim()), quoted: false };
  }
  const errors: string[] = [];
  const value = coerce(param, node, name, errors);
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

function coerce(param: AbiParameter | AbiParameterJson, node: Node, path: string, errors: string[]): unknown {
  const type = parseType(param.type);
  const fail = (message: string) => {
    errors.push(`${path}: ${message}`);
    return undefined;
  };
  if (type.kind === "array") {
    if (node.kind !== "list") return fail(`expected a list like [a, b] for ${param.type}, got ${describeNode(node)}`);
    if (type.length !== undefined && node.items.length !== type.length) {
      return fail(`${param.type} takes exactly ${type.length} items, got ${node.items.length}`);
    }
    const item = { ...param, type: type.inner };
    return node.items.map((child, i) => coerce(item, child, `${path}[${i}]`, errors));
  }
  if (type.kind === "tuple") {
    const components = componentsOf(param);
    if (node.kind === "list") {
      if (node.items.length !== components.length) {
        return fail(`the tuple has ${components.length} fields, got ${node.items.length} values`);
      }
      return components.map((component, i) =>
        coerce(component, node.items[i], `${path}.${inputName(component, i)}`, errors),
      );
    }
    if (node.kind === "object") {
      if (components.some((component) => !component.name)) {
        return fail("this tuple's fields have no names: enter its values as a list [a, b]");
      }
      const keys = new Set(components.map((component) => component.name));
      const unknown = node.entries.filter((entry) => !keys.has(entry.key)).map((entry) => entry.key);
      if (unknown.length) return fail(`unknown field${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}`);
      return components.map((component, i) => {
        const entry = node.entries.find((candidate) => candidate.key === component.name);
        const childPath = `${path}.${inputName(component, i)}`;
        if (!entry) {
          errors.push(`${childPath}: missing`);
          return undefined;
        }
        return coerce(component, entry.value, childPath, errors);
      });
    }
    return fail(`expected a tuple like [a, b] or {"field": a}, got ${describeNode(node)}`);
  }
  if (node.kind !== "text") return fail(`expected a ${param.type}, got ${describeNode(node)}`);
  const scalar = parseScalar(param.type, type, node.text);
  return scalar.ok ? scalar.value : fail(scalar.error);
}

function parseScalar(typeName: string, type: ParsedType, text: string): Parsed<unknown> {
  switch (type.kind) {
    case "string":
      return { ok: true, value: text };
    case "address":
      return parseAddress(text);
    case "bool": {
      const lower = text.trim().toLowerCase();
      if (lower === "true" || lower === "false") return { ok: true, value: lower === "true" };
      return { ok: false, error: `expected true or false, got "${text}"` };
    }
    case "bytes": {
      const hex = text.trim();
      if (!/^0x[0-9a-fA-F]*$/.test(hex)) return { ok: false, error: `expected hex starting with 0x, got "${hex}"` };
      const bytes = (hex.length - 2) / 2;
      if (!Number.isInteger(bytes)) return { ok: false, error: "hex needs an even number of digits (2 per byte)" };
      if (type.size !== undefined && bytes !== type.size) {
        return {
          ok: false,
          error: `${typeName} takes exactly ${type.size} bytes (${type.size * 2} hex digits), got ${bytes}`,
        };
      }
      return { ok: true, value: hex.toLowerCase() };
    }
    case "int":
      return parseIntegerFor(typeName, type.signed, type.bits, text);
    default:
      return { ok: false, error: `unsupported type "${typeName}"` };
  }
}

function parseIntegerFor(typeName: string, signed: boolean, bits: number, text: string): Parsed<bigint> {
  // Negative numbers pass here so that the range check below names the type's bounds.
  const parsed = parseInteger(text, { signed: true });
  if (!parsed.ok) return parsed;
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  if (parsed.value < min || parsed.value > max) {
    return {
      ok: false,
      error: `${showInteger(parsed.value)} does not fit ${typeName} (${showBound(min)} to ${showBound(max)})`,
    };
  }
  return parsed;
}

/** Large powers of two as "2^96" (what they usually are when out of range); anything else in decimal. */
function showInteger(value: bigint): string {
  const magnitude = value < 0n ? -value : value;
  const bits = magnitude.toString(2);
  if (magnitude >= 1n << 16n && /^10*$/.test(bits)) return `${value < 0n ? "-" : ""}2^${bits.length - 1}`;
  return value.toString();
}

function showBound(value: bigint): string {
  const magnitude = value < 0n ? -value : value;
  if (magnitude < 1n << 16n) return value.toString();
  const plusOne = (magnitude + 1n).toString(2);
  if (/^10*$/.test(plusOne)) return `2^${plusOne.length - 1} - 1`;
  return showInteger(value);
}

function describeNode(node: Node): string {
  if (node.kind === "list") return `a list of ${node.items.length}`;
  if (node.kind === "object") return "an object";
  return `"${node.text}"`;
}

// ---------------------------------------------------------------- encoding

/** Encode a call of `fn` from one text per input; every argument's problems come back at once. */
export function encodeCustomCall(fn: AbiFunction, inputs: readonly string[]): CustomCallResult {
  if (inputs.length !== fn.inputs.length) {
    return {
      ok: false,
      errors: [
        `${fn.name} takes ${fn.inputs.length} argument${fn.inputs.length === 1 ? "" : "s"}, got ${inputs.length}`,
      ],
    };
  }
  const errors: string[] = [];
  const args = fn.inputs.map((param, i) => {
    const result = parseArgument(param, inputs[i], inputName(param, i));
    if (result.ok) return result.value;
    errors.push(...result.errors);
    return undefined;
  });
  if (errors.length) return { ok: false, errors };
  try {
    const abi: Abi = [fn];
    return { ok: true, calldata: encodeFunctionData({ abi, functionName: fn.name, args }) };
  } catch (error) {
    return { ok: false, errors: [`${fn.name}: ${errorMessage(error)}`] };
  }
}

/** An example of what to type for `param`, for a placeholder: `{"to": "0x…", "amount": "0"}`, `[1, 2]`. */
export function exampleArgument(param: AbiParameter | AbiParameterJson): string {
  const type = parseType(param.type);
  switch (type.kind) {
    case "array": {
      const item = exampleArgument({ ...param, type: type.inner });
      return `[${Array.from({ length: type.length ?? 2 }, () => item).join(", ")}]`;
    }
    case "tuple": {
      const components = componentsOf(param);
      const named = components.every((component) => component.name);
      const values = components.map((component) => quoteExample(component));
      return named
        ? `{${components.map((component, i) => `"${component.name}": ${values[i]}`).join(", ")}}`
        : `[${values.join(", ")}]`;
    }
    case "address":
      return "0x…";
    case "bool":
      return "true";
    case "string":
      return "text";
    case "bytes":
      return type.size ? `0x${"00".repeat(type.size)}` : "0x";
    case "int":
      return "0";
    default:
      return "";
  }
}

function quoteExample(param: AbiParameter | AbiParameterJson): string {
  const kind = parseType(param.type).kind;
  const example = exampleArgument(param);
  return kind === "array" || kind === "tuple" || kind === "bool" ? example : JSON.stringify(example);
}

// ---------------------------------------------------------------- helpers

/** The short message of a viem/abitype error (their `message` carries docs links and version lines). */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "shortMessage" in error && typeof error.shortMessage === "string") {
    return error.shortMessage;
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0];
}
