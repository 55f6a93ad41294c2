import { parseEther } from "viem";
import type { DecodeContext, ParameterInfo } from "./actions";
import type { GuardianState } from "./guardian";

/** Deterministic local addresses for unit tests: the code under test only needs to tell the contracts apart. */
export const testAddresses = {
  token: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
  governor: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
  timelock: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  networkParameters: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9",
  modelRegistry: "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
  grantVesting: "0x0165878A594ca255338adfa4d48449f69242Eb8F",
  delegateStatements: "0xa513E6E4b8f2a923D98304ec87F64353C4D5C853",
  disputeModule: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
} as const satisfies DecodeContext["addresses"];

/** Network parameters as a unit test's chain holds them: values, bounds and units as the seed sets them up. */
export const testParameters = new Map<string, ParameterInfo>([
  [
    "inferenceFee",
    { value: parseEther("0.2"), min: parseEther("0.01"), max: parseEther("2"), unit: "PLM per 1k tokens" },
  ],
  ["providerRewardRate", { value: 8_000n, min: 5_000n, max: 9_500n, unit: "bps" }],
  ["maxLatency", { value: 800n, min: 100n, max: 5_000n, unit: "ms" }],
  ["openModelSubsidy", { value: 0n, min: 0n, max: 5_000n, unit: "bps" }],
]);

/** The guardian as a unit test's chain holds it: term ending 2027-01-01 00:00 UTC, not paused, the default pause. */
export const testGuardian = {
  guardian: "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
  termEnd: 1_798_761_600n,
  maxTerm: 730n * 86_400n,
  pausedUntil: 0n,
  pauseAvailableAt: 0n,
  pauseDuration: 7n * 86_400n,
  minPauseDuration: 86_400n,
  maxPauseDuration: 30n * 86_400n,
} as const satisfies GuardianState;
