import { maxBigint } from "./bigint";

/**
 * An SVG path for a step chart of bigint values over bigint times (token amounts and chain timestamps stay
 * bigint; only the ratios become pixel numbers). Each value holds until the next point.
 */
export function stepPath(
  points: readonly { time: bigint; value: bigint }[],
  { width, height, until }: { width: number; height: number; until?: bigint },
): string {
  if (points.length === 0) return "";
  const start = points[0].time;
  const end = until !== undefined && until > points.at(-1)!.time ? until : points.at(-1)!.time;
  const max = maxBigint(points.map((point) => point.value));
  const x = (time: bigint) => (end === start ? 0 : ratio(time - start, end - start) * width);
  const y = (value: bigint) => height - (max === 0n ? 0 : ratio(value, max) * height);
  const round = (n: number) => Math.round(n * 100) / 100;

  let path = `M${round(x(start))},${round(y(points[0].value))}`;
  for (const point of points.slice(1)) {
    path += ` H${round(x(point.time))} V${round(y(point.value))}`;
  }
  return `${path} H${end === start ? width : round(x(end))}`;
}

/** a / b as a number in [0, 1] with four decimals of precision, computed in bigint. */
function ratio(a: bigint, b: bigint): number {
  return Number((a * 10_000n) / b) / 10_000;
}
