const MAX_UINT256 = 2n ** 256n - 1n;

/** A proposal id from a URL segment: a decimal uint256, else undefined (a malformed id). */
export function parseProposalId(segment: string): bigint | undefined {
  if (!/^\d{1,78}$/.test(segment)) return undefined;
  const id = BigInt(segment);
  return id <= MAX_UINT256 ? id : undefined;
}
