import { encodeAbiParameters, keccak256, type Address, type Hex } from "viem";
import { shortAddress } from "../format";

/** A published delegate statement, as DelegateStatements' `StatementPublished` event carries it. */
export type DelegateStatement = {
  version: bigint;
  displayName: string;
  text: string;
  focusAreas: readonly string[];
};

/** What DelegateStatements keeps of an address's latest statement (`statementOf`). */
export type StatementRecord = { version: bigint; contentHash: Hex };

/**
 * How a statement compares with the contract's record: the same version and content, a newer version published
 * since the statement was read (it is on its way), or different content (not what the contract recorded).
 */
export type StatementCheck = "matches" | "newer-on-chain" | "differs";

export type Participation = {
  /** Proposals whose voting started while the address had voting power (at the proposal's snapshot). */
  eligible: number;
  /** Of those, the ones the address voted on. */
  voted: number;
};

/** The hash DelegateStatements keeps: keccak256(abi.encode(displayName, statement, focusAreas)). */
export function statementContentHash(displayName: string, text: string, focusAreas: readonly string[]): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: "string" }, { type: "string" }, { type: "string[]" }],
      [displayName, text, focusAreas],
    ),
  );
}

/** Whether `statement` is the one the contract records now (same version and content hash). */
export function statementMatchesChain(statement: DelegateStatement, onChain: StatementRecord): boolean {
  return (
    statement.version === onChain.version &&
    statementContentHash(statement.displayName, statement.text, statement.focusAreas) === onChain.contentHash
  );
}

export function checkStatement(statement: DelegateStatement, onChain: StatementRecord): StatementCheck {
  if (statementMatchesChain(statement, onChain)) return "matches";
  return onChain.version > statement.version ? "newer-on-chain" : "differs";
}

/** Participation as a whole percentage, or undefined when the address could not vote on anything yet. */
export function participationPercent({ eligible, voted }: Participation): number | undefined {
  return eligible === 0 ? undefined : Math.round((voted * 100) / eligible);
}

export function delegateName(delegate: { address: Address; statement: { displayName: string } | null }): string {
  return delegate.statement?.displayName ?? shortAddress(delegate.address);
}

export const delegateSorts = {
  votingPower: "Voting power",
  delegators: "Delegators",
  participation: "Participation",
} as const;
export type DelegateSort = keyof typeof delegateSorts;

export function isDelegateSort(value: string): value is DelegateSort {
  return Object.hasOwn(delegateSorts, value);
}

/** Whether the address has done anything a delegate profile shows. */
export function hasDelegateActivity(delegate: {
  votingPower: bigint;
  statement: unknown;
  votesCast: number;
  delegatorCount: number;
  powerHistory: readonly unknown[];
}): boolean {
  return (
    delegate.votingPower > 0n ||
    delegate.statement !== null ||
    delegate.votesCast > 0 ||
    delegate.delegatorCount > 0 ||
    delegate.powerHistory.length > 0
  );
}
