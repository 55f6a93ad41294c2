import { formatUnits } from "viem";

const PLM_DECIMALS = 18;

/** "1,234,567.89" from a token amount in wei; `fractionDigits` is the most decimals shown. */
export function formatTokens(amount: bigint, fractionDigits = 2): string {
  const [whole, fraction = ""] = formatUnits(amount, PLM_DECIMALS).split(".");
  const grouped = BigInt(whole).toLocaleString("en-US");
  const shown = fraction.slice(0, fractionDigits).replace(/0+$/, "");
  return shown ? `${grouped}.${shown}` : grouped;
}

/** Basis points as a percentage: 9950 -> "99.5%". */
export function formatBps(bps: bigint): string {
  const percent = Number(bps) / 100;
  return `${percent.toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;
}

/** A network parameter's value in its own unit, as the contract names it. */
export function formatParameterValue(value: bigint, unit: string): string {
  if (unit.startsWith("PLM")) return `${formatTokens(value, 4)} ${unit}`;
  return `${formatParameterNumber(value, unit)}${parameterUnitSuffix(unit)}`;
}

const units: [number, string][] = [
  [86_400, "day"],
  [3_600, "hour"],
  [60, "minute"],
  [1, "second"],
];

/** Seconds in the largest whole units, at most two: 90000 -> "1 day 1 hour". */
export function formatDuration(totalSeconds: bigint | number): string {
  let rest = Number(totalSeconds);
  if (rest <= 0) return "0 seconds";
  const parts: string[] = [];
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    if (count > 0 && parts.length < 2) {
      parts.push(`${count} ${name}${count === 1 ? "" : "s"}`);
      rest -= count * size;
    }
  }
  return parts.join(" ");
}

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/**
 * A network parameter's number without its unit, for "from → to" lines: basis points as a percentage, PLM amounts
 * with at least two decimals (0.2 PLM -> "0.20"), anything else grouped.
 */
export function formatParameterNumber(value: bigint, unit: string): string {
  if (unit === "bps") return formatBps(value);
  if (unit.startsWith("PLM")) {
    const [whole, fraction = ""] = formatTokens(value, 4).split(".");
    return `${whole}.${fraction.padEnd(2, "0")}`;
  }
  return value.toLocaleString("en-US");
}

/** The unit written after `formatParameterNumber`'s number: none for basis points (shown as %). */
export function parameterUnitSuffix(unit: string): string {
  return unit === "bps" ? "" : ` ${unit}`;
}

/** A parameter's hard bounds in its unit: "0.01–2.00 PLM per 1k tokens", "50%–95%". */
export function formatParameterBounds(min: bigint, max: bigint, unit: string): string {
  return `${formatParameterNumber(min, unit)}–${formatParameterNumber(max, unit)}${parameterUnitSuffix(unit)}`;
}

/** A chain timestamp (seconds) in UTC, the same for every viewer: 1767225600 -> "2026-01-01 00:00 UTC". */
export function formatTimestamp(seconds: bigint | number): string {
  const iso = new Date(Number(seconds) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A countdown down to the second: 93784 -> "1d 2h 3m 4s", 59 -> "59s". */
export function formatCountdown(totalSeconds: bigint | number): string {
  const rest = Math.max(0, Math.floor(Number(totalSeconds)));
  const parts: [number, string][] = [
    [Math.floor(rest / 86_400), "d"],
    [Math.floor((rest % 86_400) / 3_600), "h"],
    [Math.floor((rest % 3_600) / 60), "m"],
    [rest % 60, "s"],
  ];
  const first = parts.findIndex(([count]) => count > 0);
  return parts
    .slice(first === -1 ? 3 : first)
    .map(([count, unit]) => `${count}${unit}`)
    .join(" ");
}

const utf8 = new TextEncoder();

/** Length of `text` in UTF-8 bytes, as Solidity's `bytes(text).length` counts it (contracts limit text in bytes). */
export function utf8Length(text: string): number {
  return utf8.encode(text).length;
}
