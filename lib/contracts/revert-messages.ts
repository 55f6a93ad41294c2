import { hexToString, type Hex } from "viem";
import { formatDuration, formatTimestamp, formatTokens, shortAddress } from "../format";
import { slashGroundNames } from "../governance/disputes";
import { proposalStateNames } from "../governance/proposal-state";

/** The TimelockController's OperationState enum, in order. */
const timelockStateNames = ["Unset", "Waiting", "Ready", "Done"] as const;

const plm = (amount: unknown) => `${formatTokens(amount as bigint)} PLM`;

/** Two amounts with as many decimals as it takes to tell them apart (40,000,000 vs 40,000,000.000000000000000001). */
function plmPair(have: unknown, need: unknown): [string, string] {
  for (const digits of [2, 6, 18]) {
    const shown = [formatTokens(have as bigint, digits), formatTokens(need as bigint, digits)];
    if (shown[0] !== shown[1] || digits === 18) return [`${shown[0]} PLM`, `${shown[1]} PLM`];
  }
  return [plm(have), plm(need)];
}
const who = (account: unknown) => shortAddress(account as string);
const days = (seconds: unknown) => formatDuration(seconds as bigint);
const at = (seconds: unknown) => formatTimestamp(seconds as bigint);

/** The names whose bit is set in an OpenZeppelin state bitmap (bit i stands for enum value i). */
function statesInBitmap(bitmap: unknown, names: readonly string[]): string {
  const bits = BigInt(bitmap as Hex);
  return names.filter((_, index) => (bits >> BigInt(index)) & 1n).join(" or ");
}

function bytes32Name(value: unknown): string {
  return hexToString(value as Hex, { size: 32 }).replace(/\0+$/, "");
}

type Explain = (args: readonly unknown[]) => string;

/**
 * What each custom error of the system means for the user, in a sentence built from its arguments. Errors
 * missing here are still shown by name and arguments.
 */
const sentences: Record<string, Explain> = {
  // Governor
  GovernorInsufficientProposerVotes: ([, votes, threshold]) => {
    const [have, need] = plmPair(votes, threshold);
    return `You need ${need} of voting power to propose; you have ${have}.`;
  },
  GovernorAlreadyCastVote: ([voter]) => `${who(voter)} has already voted on this proposal; a vote cannot be changed.`,
  GovernorUnexpectedProposalState: ([, current, expected]) =>
    `The proposal is ${proposalStateNames[Number(current)]}; this needs it to be ${statesInBitmap(expected, proposalStateNames)}.`,
  GovernorUnableToCancel: ([, account]) =>
    `${who(account)} cannot cancel this proposal: only its proposer while it is Pending, or the guardian before it executes.`,
  GovernorNonexistentProposal: ([id]) => `There is no proposal ${String(id)}.`,
  GovernorInvalidVoteType: () => "That is not a vote this governor counts: choose For, Against or Abstain.",
  GovernorRestrictedProposer: ([proposer]) =>
    `The description ends with #proposer=${String(proposer)}: only that account can submit it.`,
  GovernorAlreadyQueuedProposal: () => "This proposal is already queued.",
  GovernorOnlyExecutor: ([account]) => `Only governance, through the timelock, can do this; ${who(account)} cannot.`,
  ProposalDisputed: () =>
    "Execution is frozen: a dispute on this proposal is open until the panel rules or its deadline passes.",
  MixedPanelProposal: ([panelCalls, calls]) =>
    `${String(panelCalls)} of the ${String(calls)} actions change the dispute panel, which may not judge them: put them in a proposal of their own.`,
  GuardianTermTooLong: ([, max]) => `The guardian's term can end at the latest ${at(max)} (two years from now).`,
  DisputeModuleOfAnotherGovernor: ([module]) => `The dispute module ${who(module)} was built for another governor.`,
  InvalidDisputeModule: ([module]) =>
    `${who(module)} is not a dispute module: it does not declare the module interface (ERC-165).`,
  DisputesStillOpen: ([count]) =>
    `The current dispute module has ${String(count)} open dispute(s); it can be replaced once they are resolved.`,
  // Timelock
  TimelockUnexpectedOperationState: ([, expected]) => {
    const states = statesInBitmap(expected, timelockStateNames);
    return `The timelock operation must be ${states}${states === "Ready" ? " (its ETA reached)" : ""} for this.`;
  },
  AccessControlUnauthorizedAccount: ([account]) => `${who(account)} does not hold the role this needs.`,
  // Token
  ERC20InsufficientBalance: ([sender, balance, needed]) => {
    const [have, need] = plmPair(balance, needed);
    return `${who(sender)} holds ${have}; this needs ${need}.`;
  },
  ERC20InsufficientAllowance: ([spender, allowance, needed]) => {
    const [have, need] = plmPair(allowance, needed);
    return `${who(spender)} may spend ${have} of your PLM; this needs ${need}: approve it first.`;
  },
  // Delegate statements
  InvalidDisplayName: ([length, max]) =>
    `A display name needs 1 to ${String(max)} bytes; this one has ${String(length)}.`,
  StatementTooLong: ([length, max]) => `The statement has ${String(length)} bytes; the limit is ${String(max)}.`,
  EmptyStatement: () => "The statement is empty.",
  TooManyFocusAreas: ([count, max]) => `${String(count)} focus areas chosen; at most ${String(max)} are allowed.`,
  InvalidFocusArea: ([index, length, max]) =>
    `Focus area ${Number(index) + 1} has ${String(length)} bytes; each needs 1 to ${String(max)}.`,
  // Network parameters
  ParameterOutOfBounds: ([key, value, min, max]) =>
    `${bytes32Name(key)} cannot be ${String(value)}: its bounds are ${String(min)} to ${String(max)}.`,
  UnknownParameter: ([key]) => `There is no network parameter named ${bytes32Name(key)}.`,
  ParametersPaused: ([until]) =>
    `The network parameters are paused until ${at(until)}; changes wait until then or until governance unpauses.`,
  NotGuardian: ([caller]) => `Only the guardian can do this; ${who(caller)} is not the guardian.`,
  GuardianTermOver: ([termEnd]) => `The guardian's term ended at ${at(termEnd)}; only governance can extend it.`,
  GuardianPauseTooSoon: ([availableAt]) =>
    `The guardian may pause again from ${at(availableAt)}: after a pause ends, as long again must pass.`,
  PauseDurationOutOfBounds: ([duration, min, max]) =>
    `A pause cannot last ${days(duration)}: its bounds are ${days(min)} to ${days(max)}.`,
  OwnableUnauthorizedAccount: ([account]) =>
    `Only the owner (the timelock, through a passed proposal) can do this; ${who(account)} cannot.`,
  // Disputes
  ChallengeWindowClosed: ([, eta]) => `The challenge window closed at the proposal's ETA, ${at(eta)}.`,
  DisputeAlreadyFiled: ([, disputeId]) =>
    `This proposal already has dispute #${String(disputeId)}: join it with your bond and evidence instead.`,
  PanelConflicted: () =>
    "This proposal changes the dispute panel, so the panel cannot judge it: the vote, the timelock delay and the guardian are its checks.",
  AlreadyChallenger: ([disputeId, account]) => `${who(account)} already has a bond in dispute #${String(disputeId)}.`,
  PanelMemberCannotChallenge: ([account]) =>
    `${who(account)} sits on the expert panel: panel members rule on disputes and do not file or join them.`,
  NotOnPanelAtFiling: ([disputeId, account]) =>
    `${who(account)} was not on the panel when dispute #${String(disputeId)} was filed: the members seated then rule on it.`,
  ModuleReplaced: ([current]) =>
    `This dispute module has been replaced: governance now uses ${who(current)}, where disputes are filed.`,
  ProposalNotQueued: ([, state]) =>
    `A dispute can only be filed on a Queued proposal; this one is ${proposalStateNames[Number(state)]}.`,
  AdjudicationClosed: ([, deadline]) => `The panel's deadline passed at ${at(deadline)}.`,
  AdjudicationNotOver: ([, deadline]) => `The panel has until ${at(deadline)}; the dispute times out only after that.`,
  AlreadyRuled: ([disputeId, expert]) => `${who(expert)} has already ruled on dispute #${String(disputeId)}.`,
  ChallengerCannotRule: ([disputeId]) =>
    `A challenger of dispute #${String(disputeId)} (a bond posted on it) cannot rule on it.`,
  NotPanelMember: ([account]) => `${who(account)} is not on the expert panel.`,
  NothingToWithdraw: ([account]) => `${who(account)} has nothing to withdraw.`,
  NoGroundToSlash: ([expert, ground, disputeId]) =>
    `${who(expert)} cannot be slashed for ${slashGroundNames[Number(ground)] ?? "that"} on dispute #${String(disputeId)}: the module has no such record.`,
};

/** A sentence for a decoded revert, or undefined when the error has none. */
export function revertSentence(name: string, args: readonly unknown[]): string | undefined {
  return sentences[name]?.(args);
}
