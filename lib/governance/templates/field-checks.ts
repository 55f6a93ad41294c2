import { isAddress, isAddressEqual, zeroAddress, type Address } from "viem";
import { formatTokens, utf8Length } from "../../format";
import type { FieldError } from "./types";

export function checkAddress(
  errors: FieldError[],
  field: string,
  value: Address,
  what: string,
  options: { allowZero?: boolean } = {},
) {
  if (typeof value !== "string" || !isAddress(value)) {
    errors.push({ field, message: `Enter the ${what}'s address (0x followed by 40 hex digits)` });
    return false;
  }
  if (!options.allowZero && isAddressEqual(value, zeroAddress)) {
    errors.push({ field, message: `The ${what} cannot be the zero address` });
    return false;
  }
  return true;
}

export function checkText(
  errors: FieldError[],
  field: string,
  text: string,
  what: string,
  maxBytes: number,
  source: string,
) {
  const bytes = utf8Length(text.trim());
  if (bytes === 0) errors.push({ field, message: `Enter the ${what}` });
  else if (bytes > maxBytes) {
    errors.push({
      field,
      message:
        `The ${what} is ${bytes.toLocaleString("en-US")} bytes; ${source} allows ${maxBytes.toLocaleString("en-US")} ` +
        `(UTF-8: accented letters and symbols take 2 to 4 bytes)`,
    });
  }
}

export function checkRange(
  errors: FieldError[],
  field: string,
  value: bigint,
  range: { min?: bigint; max?: bigint },
  message: string,
) {
  if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
    errors.push({ field, message });
  }
}

export function checkPositiveAmount(errors: FieldError[], field: string, amount: bigint, what: string) {
  if (amount <= 0n) {
    errors.push({ field, message: `The ${what} must be more than 0` });
    return false;
  }
  return true;
}

export function checkTreasury(
  errors: FieldError[],
  field: string,
  amount: bigint,
  held: bigint | undefined,
  symbol: string,
) {
  if (held !== undefined && amount > held) {
    const shown = (value: bigint) => `${formatTokens(value, 4)} ${symbol}`;
    errors.push({ field, message: `The treasury holds ${shown(held)}, less than ${shown(amount)}` });
  }
}

export const plm = (amount: bigint) => `${formatTokens(amount, 4)} PLM`;
export const trim = (text: string) => text.trim();

/** `source` names the contract's bounds, e.g. "DisputeModule MIN_BOND / MAX_BOND". */
export function boundsErrors(
  field: string,
  value: bigint,
  min: bigint,
  max: bigint,
  show: (value: bigint) => string,
  what: string,
  source: string,
): FieldError[] {
  if (value >= min && value <= max) return [];
  return [
    {
      field,
      message: `${what} must be between ${show(min)} and ${show(max)} (${source}), got ${show(value)}`,
    },
  ];
}
