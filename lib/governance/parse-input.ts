/**
 * What a user types into a form, read as a typed value: addresses, whole numbers, token amounts, durations, UTC
 * times and network parameter values. Every parser returns the value or an error to show under the field; numbers
 * never go through a JS number.
 */
import { getAddress, isAddress, parseUnits, type Address } from "viem";

/** The outcome of parsing one user-entered value. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** The text without one pair of matching quotes around it (`"0x…"` or `'0x…'`). */
export function stripQuotes(text: string): string {
  return /^(["']).*\1$/.test(text) && text.length >= 2 ? text.slice(1, -1) : text;
}

/** An address typed by the user: all lowercase, all uppercase or correctly checksummed; returned checksummed. */
export function parseAddress(text: string): Parsed<Address> {
  const trimmed = stripQuotes(text.trim());
  if (trimmed === "") return { ok: false, error: "Enter an address (0x followed by 40 hex digits)" };
  if (!/^0x[0-9a-fA-F]{40}$/.test(trimmed)) {
    return { ok: false, error: `"${trimmed}" is not an address (0x followed by 40 hex digits)` };
  }
  if (!isAddress(trimmed)) {
    return {
      ok: false,
      error: `"${trimmed}" has a wrong checksum (mixed-case letters): check it for a typo, or enter it in lowercase`,
    };
  }
  return { ok: true, value: getAddress(trimmed) };
}

/** Decimal digits, grouped by thousands with commas ("1,000,000") or by underscores anywhere ("1_000_000"). */
const digits = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:_\d+)*)`;

/**
 * A whole number typed in decimal ("1,000", "1_000"), hex ("0xff") or exponent form ("1e18", "2.5e18"). Negative
 * numbers only with `signed` (a Solidity `intN` argument, or an argument whose type's range check follows).
 */
export function parseInteger(text: string, { signed = false }: { signed?: boolean } = {}): Parsed<bigint> {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Enter a whole number" };
  if (trimmed.startsWith("-") && !signed) return { ok: false, error: "The number cannot be negative" };
  const sign = trimmed.startsWith("-") ? -1n : 1n;
  const body = trimmed.replace(/^[-+]/, "");
  if (/^0x[0-9a-fA-F]+$/.test(body)) return { ok: true, value: sign * BigInt(body) };
  const decimal = new RegExp(String.raw`^(${digits})(?:\.(\d+))?(?:e(\d+))?$`, "i").exec(body);
  if (!decimal) return { ok: false, error: `"${trimmed}" is not a whole number` };
  const [, whole, rawFraction = "", exponent] = decimal;
  const shift = exponent === undefined ? 0 : Number(exponent);
  const fraction = rawFraction.replace(/0+$/, "");
  if (fraction.length > shift) return { ok: false, error: `"${trimmed}" is not a whole number` };
  if (shift > 1_000) return { ok: false, error: `${trimmed} is too large` };
  return { ok: true, value: sign * BigInt(whole.replace(/[,_]/g, "") + fraction.padEnd(shift, "0")) };
}

const amountPattern = new RegExp(String.raw`^${digits}(\.\d+)?$`);

/** A token amount typed as a decimal ("1,250.5"), in its smallest unit. */
export function parseTokenAmount(text: string, symbol: string, decimals = 18): Parsed<bigint> {
  const trimmed = text.trim().replace(new RegExp(`\\s*${symbol.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i"), "");
  if (trimmed === "") return { ok: false, error: `Enter an amount of ${symbol}` };
  if (trimmed.startsWith("-")) return { ok: false, error: "The amount cannot be negative" };
  if (!amountPattern.test(trimmed)) return { ok: false, error: `"${text.trim()}" is not an amount (e.g. 1250.5)` };
  const plain = trimmed.replace(/[,_]/g, "");
  const fraction = plain.split(".")[1] ?? "";
  if (fraction.length > decimals) return { ok: false, error: `${symbol} has at most ${decimals} decimals` };
  return { ok: true, value: parseUnits(plain, decimals) };
}

/** An amount of PLM (18 decimals) in wei. */
export function parsePlmAmount(text: string): Parsed<bigint> {
  return parseTokenAmount(text, "PLM", 18);
}

/** An amount of ETH (18 decimals) in wei. */
export function parseEthAmount(text: string): Parsed<bigint> {
  return parseTokenAmount(text, "ETH", 18);
}

export type DurationUnit = "seconds" | "minutes" | "hours" | "days" | "weeks";

const unitSeconds: Record<DurationUnit, bigint> = {
  seconds: 1n,
  minutes: 60n,
  hours: 3_600n,
  days: 86_400n,
  weeks: 7n * 86_400n,
};

const unitAliases: [RegExp, DurationUnit][] = [
  [/^(s|secs?|seconds?)$/i, "seconds"],
  [/^(m|mins?|minutes?)$/i, "minutes"],
  [/^(h|hrs?|hours?)$/i, "hours"],
  [/^(d|days?)$/i, "days"],
  [/^(w|wks?|weeks?)$/i, "weeks"],
];

/**
 * A duration in seconds: "2 days", "1d 12h", "36 hours", "1.5 days", or a bare number in `defaultUnit`. The result
 * must be a whole number of seconds.
 */
export function parseDuration(text: string, defaultUnit: DurationUnit = "days"): Parsed<bigint> {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "") return { ok: false, error: "Enter a duration (e.g. 2 days, 36h)" };
  if (trimmed.startsWith("-")) return { ok: false, error: "A duration cannot be negative" };
  const bare = /^\d+(\.\d+)?$/.test(trimmed);
  const parts = bare ? [[trimmed, trimmed, defaultUnit]] : [...trimmed.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)\s*,?\s*/g)];
  const consumed = bare ? trimmed.length : parts.reduce((total, part) => total + part[0].length, 0);
  if (parts.length === 0 || consumed !== trimmed.length) {
    return { ok: false, error: `"${text.trim()}" is not a duration (e.g. 2 days, 1d 12h, 36 hours)` };
  }
  let micro = 0n; // millionths of a second, so fractions like 1.5 days stay exact
  for (const [, number, unitText] of parts) {
    const unit = unitAliases.find(([pattern]) => pattern.test(unitText))?.[1];
    if (!unit) return { ok: false, error: `Unknown unit "${unitText}": use seconds, minutes, hours, days or weeks` };
    if ((number.split(".")[1] ?? "").length > 6) return { ok: false, error: `Too many decimals in ${number}` };
    micro += parseUnits(number, 6) * unitSeconds[unit];
  }
  if (micro % 1_000_000n !== 0n) return { ok: false, error: "The duration must be a whole number of seconds" };
  return { ok: true, value: micro / 1_000_000n };
}

/**
 * A point in time as chain timestamps count it (seconds since 1970, UTC): "2026-01-01", "2026-01-01 12:30"
 * (UTC, as `formatTimestamp` shows times; a trailing "UTC" or "Z" is allowed) or a number of seconds.
 */
export function parseUtcTime(text: string): Parsed<bigint> {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Enter a date (YYYY-MM-DD, optionally HH:MM UTC)" };
  if (/^\d+$/.test(trimmed)) {
    if (trimmed.length > 11) {
      return { ok: false, error: "That looks like milliseconds: enter the time in seconds, or as a date" };
    }
    return { ok: true, value: BigInt(trimmed) };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(?:UTC|Z)?$/i.exec(trimmed);
  if (!match) return { ok: false, error: `"${trimmed}" is not a date (YYYY-MM-DD, optionally HH:MM UTC)` };
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(millis);
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, error: `"${trimmed}" is not a valid date` };
  }
  if (millis < 0) return { ok: false, error: "The date must be after 1970-01-01" };
  return { ok: true, value: BigInt(millis / 1000) };
}

/**
 * A network parameter's new value typed in its unit, the inverse of `formatParameterNumber`: basis points as a
 * percentage ("12.5" or "12.5%" -> 1250), PLM amounts as decimals ("0.25" -> 0.25e18), anything else whole ("800").
 */
export function parseParameterValue(text: string, unit: string): Parsed<bigint> {
  if (unit === "bps") {
    const trimmed = text.trim().replace(/\s*%$/, "");
    if (trimmed === "") return { ok: false, error: "Enter a percentage" };
    if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, error: `"${text.trim()}" is not a percentage (e.g. 12.5)` };
    if ((trimmed.split(".")[1] ?? "").length > 2) {
      return { ok: false, error: "At most two decimals: the contract counts in basis points (0.01%)" };
    }
    return { ok: true, value: parseUnits(trimmed, 2) };
  }
  if (unit.startsWith("PLM")) return parsePlmAmount(text);
  return parseInteger(text);
}
