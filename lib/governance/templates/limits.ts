const DAY = 86_400n;
const PLM = 10n ** 18n;
const maxUint = (bits: number) => (1n << BigInt(bits)) - 1n;

/** The contracts' limits, mirrored (the tests compare them with the Solidity sources). */
export const contractLimits = {
  /** ModelRegistry.MAX_FIELD_LENGTH: publisher names (and model fields), in UTF-8 bytes. */
  publisherNameBytes: 256,
  /** GrantVesting.MAX_MEMO_LENGTH, in UTF-8 bytes. */
  grantMemoBytes: 1_024,
  /** DisputeModule's bounds. */
  minBond: 100n * PLM,
  maxBond: 1_000_000n * PLM,
  maxReward: 1_000_000n * PLM,
  minAdjudicationPeriod: 1n * DAY,
  maxAdjudicationPeriod: 14n * DAY,
  minExpertStake: 1_000n * PLM,
  maxExpertStake: 10_000_000n * PLM,
  maxPanelSize: 15,
  panelProfileBytes: 512,
  /** DisputeModule.MAX_REASON_LENGTH: a ruling's or a slash's reason, in UTF-8 bytes. */
  reasonBytes: 2_048,
  /** Argument widths of the governor's setters (GovernorSettings, GovernorPreventLateQuorum). */
  maxVotingDelay: maxUint(48),
  maxVotingPeriod: maxUint(32),
  maxLateQuorumExtension: maxUint(48),
  /** GrantVesting stores start, cliff and duration as uint64. */
  maxUint64: maxUint(64),
} as const;
