// The messages behind a temperature check. A poll and each vote are EIP-712 typed data under the domain
// { name "Plenum", version "1", chainId, verifyingContract: the governor }: a signature made for one DAO or chain
// verifies for no other. A poll's id is the EIP-712 digest of its signed Poll, so the id commits to every field.
import { hashTypedData, type Address, type Hash, type Hex } from "viem";
import type { Eip712Domain } from "../relay/typed-data";

export const POLL_DOMAIN_NAME = "Plenum";
export const POLL_DOMAIN_VERSION = "1";

export function pollDomain(chainId: number, governor: Address): Eip712Domain {
  return { name: POLL_DOMAIN_NAME, version: POLL_DOMAIN_VERSION, chainId, verifyingContract: governor };
}

/**
 * basic: For / Against / Abstain, as an on-chain vote; single: one of 2–10 options; approval: any non-empty set of
 * 2–10 options.
 */
export const pollKinds = ["basic", "single", "approval"] as const;
export type PollKind = (typeof pollKinds)[number];
export const basicOptions = ["For", "Against", "Abstain"] as const;

export const pollTypes = {
  Poll: [
    { name: "author", type: "address" },
    { name: "title", type: "string" },
    { name: "body", type: "string" },
    { name: "discussion", type: "string" },
    { name: "kind", type: "string" },
    { name: "options", type: "string[]" },
    { name: "snapshot", type: "uint64" },
    { name: "start", type: "uint64" },
    { name: "end", type: "uint64" },
    { name: "actions", type: "Action[]" },
  ],
  Action: [
    { name: "target", type: "address" },
    { name: "value", type: "uint256" },
    { name: "calldata", type: "bytes" },
  ],
} as const;

/**
 * `choice` is the option's index for basic and single polls, and for approval polls a bit mask of the approved
 * options (bit i approves option i). `timestamp` is when the voter signed, in the chain's seconds: an address's vote
 * with the latest timestamp up to the poll's end is the one that counts.
 */
export const pollVoteTypes = {
  PollVote: [
    { name: "poll", type: "bytes32" },
    { name: "voter", type: "address" },
    { name: "choice", type: "uint256" },
    { name: "reason", type: "string" },
    { name: "timestamp", type: "uint64" },
  ],
} as const;

export type PollAction = { target: Address; value: bigint; calldata: Hex };

/** A poll as signed; times are the chain's seconds (the token's clock is block.timestamp). */
export type Poll = {
  author: Address;
  title: string;
  body: string;
  discussion: string;
  kind: PollKind;
  options: string[];
  snapshot: bigint;
  start: bigint;
  end: bigint;
  actions: PollAction[];
};

export type PollVote = { poll: Hash; voter: Address; choice: bigint; reason: string; timestamp: bigint };

export function pollTypedData(domain: Eip712Domain, poll: Poll) {
  return { domain, types: pollTypes, primaryType: "Poll", message: poll } as const;
}

export function pollVoteTypedData(domain: Eip712Domain, vote: PollVote) {
  return { domain, types: pollVoteTypes, primaryType: "PollVote", message: vote } as const;
}

/** The poll's id: the EIP-712 digest of its message under the DAO's domain. */
export function pollId(domain: Eip712Domain, poll: Poll): Hash {
  return hashTypedData(pollTypedData(domain, poll));
}

/** The options a choice selects, as indexes; empty when the choice is not valid for the poll. */
export function chosenOptions(kind: PollKind, optionCount: number, choice: bigint): number[] {
  if (kind === "approval") {
    if (choice <= 0n || choice >= 1n << BigInt(optionCount)) return [];
    return Array.from({ length: optionCount }, (_, i) => i).filter((i) => (choice >> BigInt(i)) & 1n);
  }
  return choice >= 0n && choice < BigInt(optionCount) ? [Number(choice)] : [];
}
