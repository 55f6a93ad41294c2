/** SSTORE of a fresh slot. */
const NEW_SLOT_GAS = 22_100n;

/**
 * A gas limit from an estimate made at the `pending` block: half again, plus one new storage slot. anvil estimates
 * in the latest block but mines in the next, and when that block falls in a later second a vote checkpoint is a new
 * slot instead of an update (a 20% pad missed it now and then).
 */
export function padGasEstimate(estimate: bigint): bigint {
  return (estimate * 3n) / 2n + NEW_SLOT_GAS;
}
