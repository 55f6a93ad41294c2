import { getAddress, isAddress, isAddressEqual, zeroAddress, type Address } from "viem";

/** What the address field of the delegation form holds: a checksummed address, or why it is not one. */
export type DelegateeInput = { ok: true; address: Address } | { ok: false; error: string };

const addressShape = /^0x[0-9a-fA-F]{40}$/;

/**
 * Read a typed delegatee: 0x and 40 hex digits, in any case (lowercase is common when copied from explorers) or
 * mixed case that matches its EIP-55 checksum; surrounding spaces are ignored. ENS names are not resolved.
 */
export function parseDelegateeInput(text: string): DelegateeInput {
  const value = text.trim();
  if (value === "") return { ok: false, error: "Enter the 0x address to delegate to." };
  if (!value.startsWith("0x") && value.includes(".")) {
    return {
      ok: false,
      error: "ENS names are not supported: paste the 0x address (0x and 40 hexadecimal characters).",
    };
  }
  if (!addressShape.test(value)) {
    return {
      ok: false,
      error: `This is not an address: an address is 0x followed by 40 hexadecimal characters (0–9, a–f); this has ${value.length} characters.`,
    };
  }
  if (!isAddress(value)) {
    return {
      ok: false,
      error:
        "The upper and lower case letters of this address do not match its checksum: it may have a typo. Check it, or paste it in lowercase.",
    };
  }
  const address = getAddress(value);
  if (address === zeroAddress) {
    return { ok: false, error: "This is the zero address: to stop delegating, use “Remove delegation”." };
  }
  return { ok: true, address };
}

/** The connected account as the token sees it: `delegate` is undefined when it never delegated or removed it. */
export type DelegatorState = {
  account: Address;
  balance: bigint;
  /** `getVotes(account)`: the votes delegated to the account, its own included when it delegates to itself. */
  votingPower: bigint;
  delegate: Address | undefined;
};

/** One address's voting power before and after the delegation. */
export type PowerChange = { address: Address; before: bigint; after: bigint };

export type DelegationPreview = {
  /** Who the tokens go to: the account itself, another address, or nobody (the zero address: they stop voting). */
  kind: "self" | "other" | "remove";
  /** The account already delegates so: sending the transaction would change nothing. */
  unchanged: boolean;
  you: { before: bigint; after: bigint };
  /** The new delegate's power, when it is another address. */
  newDelegate?: PowerChange;
  /** The current delegate's power, when it is another address that loses the tokens. */
  previousDelegate?: PowerChange;
};

/**
 * Voting power before and after `state.account` delegates to `to` (`zeroAddress` removes the delegation): the
 * account's balance leaves its current delegate and joins `to`. `toVotes` and `previousDelegateVotes` are
 * `getVotes` of `to` and of the current delegate, read with the state.
 */
export function previewDelegation(
  state: DelegatorState,
  to: Address,
  votes: { to: bigint; previousDelegate?: bigint },
): DelegationPreview {
  const { account, balance, votingPower } = state;
  const from = state.delegate ?? zeroAddress;
  const kind = isAddressEqual(to, zeroAddress) ? "remove" : isAddressEqual(to, account) ? "self" : "other";
  const unchanged = isAddressEqual(from, to);
  const moved = unchanged ? 0n : balance;
  const fromIsYou = isAddressEqual(from, account);
  const fromIsOther = !fromIsYou && !isAddressEqual(from, zeroAddress);
  const you = {
    before: votingPower,
    after: votingPower - (fromIsYou ? moved : 0n) + (kind === "self" ? moved : 0n),
  };
  const preview: DelegationPreview = { kind, unchanged, you };
  if (kind === "other") preview.newDelegate = { address: to, before: votes.to, after: votes.to + moved };
  if (fromIsOther && !unchanged && votes.previousDelegate !== undefined) {
    const before = votes.previousDelegate;
    preview.previousDelegate = { address: from, before, after: before > moved ? before - moved : 0n };
  }
  return preview;
}
