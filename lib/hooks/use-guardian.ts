import { useAccount, useReadContract, useReadContracts } from "wagmi";
import { contracts } from "../contracts";
import { guardianCancelRefusal, isGuardian, type GuardianState } from "../governance/guardian";
import { useChainNow } from "./use-chain-now";

const { governor, networkParameters } = contracts;

/**
 * The guardian (security council) as the chain holds it: who it is, its term, the pause and its settings, in one
 * Multicall3 batch; with the chain's time and whether the connected account is the guardian.
 */
export function useGuardian() {
  const { address } = useAccount();
  const now = useChainNow();
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...governor, functionName: "proposalGuardian" },
      { ...governor, functionName: "guardianTermEnd" },
      { ...governor, functionName: "MAX_GUARDIAN_TERM" },
      { ...networkParameters, functionName: "pausedUntil" },
      { ...networkParameters, functionName: "guardianPauseAvailableAt" },
      { ...networkParameters, functionName: "pauseDuration" },
      { ...networkParameters, functionName: "MIN_PAUSE_DURATION" },
      { ...networkParameters, functionName: "MAX_PAUSE_DURATION" },
    ],
    query: {
      select: ([
        guardian,
        termEnd,
        maxTerm,
        pausedUntil,
        pauseAvailableAt,
        pauseDuration,
        minPauseDuration,
        maxPauseDuration,
      ]): GuardianState => ({
        guardian,
        termEnd,
        maxTerm,
        pausedUntil,
        pauseAvailableAt,
        pauseDuration,
        minPauseDuration,
        maxPauseDuration,
      }),
    },
  });
  return { ...reads, account: address, now, isGuardian: reads.data ? isGuardian(reads.data, address) : false };
}

/**
 * Whether the connected account, as the guardian, may cancel the proposal: during its term, and not a proposal that
 * only limits the guardian (PlenumGovernor.isProtectedFromGuardian). `refusal` says why not; both wait for the reads.
 */
export function useGuardianCancel(proposalId: bigint) {
  const guardian = useGuardian();
  const protection = useReadContract({
    ...governor,
    functionName: "isProtectedFromGuardian",
    args: [proposalId],
    query: { enabled: guardian.isGuardian },
  });
  const { data: state, now } = guardian;
  const protectedFromGuardian = protection.data;
  const known = state !== undefined && now !== undefined && protectedFromGuardian !== undefined;
  const refusal = known ? guardianCancelRefusal(state, protectedFromGuardian, now) : undefined;
  return {
    account: guardian.account,
    isGuardian: guardian.isGuardian,
    mayCancel: guardian.isGuardian && known && !refusal,
    refusal,
  };
}
