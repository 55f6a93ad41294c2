/** Ascending order of two bigints, for `sort`: pass (b, a) for descending. */
export function compareBigint(a: bigint, b: bigint): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** The largest of the values, or 0 when there are none. */
export function maxBigint(values: readonly bigint[]): bigint {
  return values.reduce((highest, value) => (value > highest ? value : highest), 0n);
}
