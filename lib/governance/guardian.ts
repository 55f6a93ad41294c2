import { isAddressEqual, zeroAddress, type Address } from "viem";
import { formatTimestamp } from "../format";

/**
 * The guardian (security council) as the chain holds it: who it is and until when it may act (PlenumGovernor), and
 * the pause it may set on the network parameters (NetworkParameters). Times are chain timestamps in seconds.
 */
export type GuardianState = {
  /** PlenumGovernor.proposalGuardian(); the zero address when there is none. */
  guardian: Address;
  /** PlenumGovernor.guardianTermEnd(): the guardian may cancel and pause strictly before it. */
  termEnd: bigint;
  /** PlenumGovernor.MAX_GUARDIAN_TERM: how far ahead of now governance may set the term's end. */
  maxTerm: bigint;
  /** NetworkParameters.pausedUntil(): paused while the chain's time is before it. */
  pausedUntil: bigint;
  /** NetworkParameters.guardianPauseAvailableAt(). */
  pauseAvailableAt: bigint;
  /** NetworkParameters.pauseDuration(), with its bounds MIN_PAUSE_DURATION and MAX_PAUSE_DURATION. */
  pauseDuration: bigint;
  minPauseDuration: bigint;
  maxPauseDuration: bigint;
};

export function hasGuardian(state: Pick<GuardianState, "guardian">): boolean {
  return !isAddressEqual(state.guardian, zeroAddress);
}

export function isGuardian(state: Pick<GuardianState, "guardian">, account: Address | undefined): boolean {
  return Boolean(account && hasGuardian(state) && isAddressEqual(account, state.guardian));
}

export function guardianTermOver(state: Pick<GuardianState, "termEnd">, now: bigint): boolean {
  return now >= state.termEnd;
}

/** As NetworkParameters.paused(): a pause past its end has lapsed. */
export function parametersPaused(state: Pick<GuardianState, "pausedUntil">, now: bigint): boolean {
  return now < state.pausedUntil;
}

/** "ends 2027-11-25 23:10 UTC", or "ended …" once it has. */
export function describeGuardianTerm(state: Pick<GuardianState, "termEnd">, now: bigint): string {
  return `${guardianTermOver(state, now) ? "ended" : "ends"} ${formatTimestamp(state.termEnd)}`;
}

/** "Paused until …", or "Not paused" (a lapsed pause included). */
export function describePause(state: Pick<GuardianState, "pausedUntil">, now: bigint): string {
  return parametersPaused(state, now) ? `Paused until ${formatTimestamp(state.pausedUntil)}` : "Not paused";
}

/**
 * When the guardian may pause next, as NetworkParameters.pause() decides for the guardian: "now", "from …", or
 * "no longer" once its term is over.
 */
export function describeNextGuardianPause(state: GuardianState, now: bigint): string {
  if (!hasGuardian(state) || guardianTermOver(state, now)) return "no longer";
  if (now >= state.pauseAvailableAt) return "now";
  if (state.pauseAvailableAt >= state.termEnd) return "no longer: its term ends first";
  return `from ${formatTimestamp(state.pauseAvailableAt)}`;
}

/**
 * Why NetworkParameters.pause() would refuse the guardian now (in the order the contract checks), or undefined when
 * it would accept.
 */
export function guardianPauseRefusal(state: GuardianState, now: bigint): string | undefined {
  if (!hasGuardian(state)) return "There is no guardian: only governance can pause the network parameters.";
  if (guardianTermOver(state, now)) {
    return `The guardian's term ended ${formatTimestamp(state.termEnd)}: only governance can pause the network parameters now.`;
  }
  if (parametersPaused(state, now)) {
    return `The network parameters are already paused until ${formatTimestamp(state.pausedUntil)}.`;
  }
  if (now < state.pauseAvailableAt && state.pauseAvailableAt >= state.termEnd) {
    return `The guardian may not pause again before its term ends, ${formatTimestamp(state.termEnd)}.`;
  }
  if (now < state.pauseAvailableAt) {
    return `The guardian may pause again from ${formatTimestamp(state.pauseAvailableAt)}: after a pause ends, as long again must pass.`;
  }
  return undefined;
}

/**
 * Why PlenumGovernor refuses the guardian's cancel of a proposal (its term is over, or the proposal only limits the
 * guardian: `isProtectedFromGuardian`), or undefined when the guardian may cancel it.
 */
export function guardianCancelRefusal(
  state: Pick<GuardianState, "termEnd">,
  protectedFromGuardian: boolean,
  now: bigint,
): string | undefined {
  if (guardianTermOver(state, now)) {
    return `The guardian's term ended ${formatTimestamp(state.termEnd)}: the guardian can no longer cancel proposals.`;
  }
  if (protectedFromGuardian) {
    return "The guardian cannot cancel this proposal: it only replaces or removes the guardian, shortens its term or unpauses the network parameters.";
  }
  return undefined;
}
