/**
 * Storage slots of PlenumGovernor that simulations override (`forge inspect PlenumGovernor storageLayout`; a test
 * compares them with the build's layout).
 */
export const governorStorageSlots = {
  /** Governor._governanceCall (a Bytes32Deque: `_begin` and `_end` in this slot, the entries in a mapping at +1). */
  governanceCall: 5n,
  /** GovernorSettings._proposalThreshold (uint256). */
  proposalThreshold: 7n,
} as const;
