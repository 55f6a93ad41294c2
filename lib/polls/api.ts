// The temperature checks' HTTP interface (app/api/polls/*), shared by its route handlers, its clients and the
// verify script. Amounts, times and choices travel as decimal strings.
import { isHex, type Address, type Hash, type Hex } from "viem";
import { z } from "zod/mini";
import { addressSchema } from "../contracts/deployment";
import { pollKinds, type Poll, type PollVote } from "./typed-data";

const uint = z.string().check(z.regex(/^\d{1,78}$/, "a decimal integer"));
const hex = z.custom<Hex>((value) => typeof value === "string" && isHex(value, { strict: true }), "0x-prefixed hex");
const bytes32 = z.custom<Hash>((value) => typeof value === "string" && /^0x[0-9a-fA-F]{64}$/.test(value), "32 bytes");
const signature = hex.check(z.maxLength(2 + 2 * 4_096, "a signature of at most 4,096 bytes"));

/** What the server stores, and the most a request may carry. */
export const pollLimits = {
  title: 200,
  body: 20_000,
  discussion: 500,
  option: 100,
  options: 10,
  actions: 10,
  calldataBytes: 10_000,
  reason: 2_000,
  /** Longest voting window, and how far ahead a poll may start. */
  maxDurationSeconds: 30n * 86_400n,
  maxStartDelaySeconds: 30n * 86_400n,
  /** How long before publication the snapshot may be. */
  maxSnapshotAgeSeconds: 7n * 86_400n,
  /** How far a vote's signed timestamp may be from the chain's time when it arrives. */
  timestampSkewSeconds: 600n,
  /** Signed votes kept per address and poll: changing one's mind is allowed, flooding is not. */
  votesPerVoter: 20,
} as const;

export const pollMessageSchema = z.object({
  author: addressSchema,
  title: z.string(),
  body: z.string(),
  discussion: z.string(),
  kind: z.enum(pollKinds),
  options: z.array(z.string()).check(z.maxLength(pollLimits.options, `at most ${pollLimits.options} options`)),
  snapshot: uint,
  start: uint,
  end: uint,
  actions: z
    .array(z.object({ target: addressSchema, value: uint, calldata: hex }))
    .check(z.maxLength(pollLimits.actions, `at most ${pollLimits.actions} actions`)),
});
export type PollMessageJson = z.infer<typeof pollMessageSchema>;

export const pollVoteMessageSchema = z.object({
  poll: bytes32,
  voter: addressSchema,
  choice: uint,
  reason: z.string(),
  timestamp: uint,
});
export type PollVoteMessageJson = z.infer<typeof pollVoteMessageSchema>;

const domainClaim = { chainId: z.optional(z.number()), verifyingContract: z.optional(addressSchema) };

/** POST /api/polls. The chain id and verifying contract are optional: when given they must be this DAO's. */
export const createPollRequestSchema = z.object({ poll: pollMessageSchema, signature, ...domainClaim });
export type CreatePollRequest = z.infer<typeof createPollRequestSchema>;

/** POST /api/polls/{id}/votes. */
export const pollVoteRequestSchema = z.object({ vote: pollVoteMessageSchema, signature, ...domainClaim });
export type PollVoteRequest = z.infer<typeof pollVoteRequestSchema>;

/**
 * POST /api/polls/{id}/proposal: the on-chain proposal the poll's author submitted from it, with its description, which
 * must name the poll (anyone may ask for the link; the description is the author's word on which poll it was).
 */
export const linkProposalRequestSchema = z.object({ proposalId: uint, description: z.string() });

export function pollFromJson(poll: PollMessageJson): Poll {
  return {
    ...poll,
    snapshot: BigInt(poll.snapshot),
    start: BigInt(poll.start),
    end: BigInt(poll.end),
    actions: poll.actions.map((action) => ({ ...action, value: BigInt(action.value) })),
  };
}

export function pollToJson(poll: Poll): PollMessageJson {
  return {
    ...poll,
    snapshot: poll.snapshot.toString(),
    start: poll.start.toString(),
    end: poll.end.toString(),
    actions: poll.actions.map((action) => ({ ...action, value: action.value.toString() })),
  };
}

export function voteFromJson(vote: PollVoteMessageJson): PollVote {
  return { ...vote, choice: BigInt(vote.choice), timestamp: BigInt(vote.timestamp) };
}

export function voteToJson(vote: PollVote): PollVoteMessageJson {
  return { ...vote, choice: vote.choice.toString(), timestamp: vote.timestamp.toString() };
}

/**
 * Every refusal, by name, with its HTTP status. 400: the request or its signature is wrong. 403: the signer does not
 * qualify. 404: no such poll or proposal. 409: the poll's state refuses it. 429: a limit is spent.
 */
export const pollRefusalStatus = {
  InvalidRequest: 400,
  WrongDomain: 400,
  InvalidSignature: 400,
  TextTooLong: 400,
  InvalidOptions: 400,
  InvalidSchedule: 400,
  SnapshotNotPast: 400,
  InvalidChoice: 400,
  WrongPoll: 400,
  TimestampOutOfRange: 400,
  BelowPollThreshold: 403,
  NoVotingPower: 403,
  NotPollAuthor: 403,
  PollNotFound: 404,
  ProposalNotFound: 404,
  PollExists: 409,
  PollNotOpen: 409,
  PollClosed: 409,
  SignatureUsed: 409,
  StaleVote: 409,
  PollStillOpen: 409,
  AlreadyPromoted: 409,
  ActionsDiffer: 409,
  PollNotNamed: 409,
  TooManyVotes: 429,
  TooManyPolls: 429,
  RateLimited: 429,
} as const;
export type PollRefusalName = keyof typeof pollRefusalStatus;

export type PollState = "upcoming" | "open" | "closed" | "promoted";
export const pollStates: readonly PollState[] = ["upcoming", "open", "closed", "promoted"];

/** A poll's totals: weight per option (for approval, the weight approving it), amounts in PLM wei. */
export type PollResultJson = {
  options: { label: string; weight: string }[];
  voters: number;
  /** Sum of the counted voters' weights, each voter once. */
  totalWeight: string;
  /** The token's total supply and the governor's quorum at the poll's snapshot. */
  supply: string;
  quorum: string;
};

/** A poll in a list: its message's summary, its state at the chain's time and its result. */
export type PollSummaryJson = {
  id: Hash;
  author: Address;
  title: string;
  kind: Poll["kind"];
  snapshot: string;
  start: string;
  end: string;
  state: PollState;
  proposalId: string | null;
  result: PollResultJson;
};

/** GET /api/polls/{id}: the signed poll, its signature, state and result. */
export type PollViewJson = PollSummaryJson & {
  poll: PollMessageJson;
  signature: Hex;
  domain: { name: string; version: string; chainId: number; verifyingContract: Address };
  now: string;
};

/** A voter's counting vote. */
export type BallotJson = { voter: Address; choice: string; weight: string; reason: string; timestamp: string };

export type PageJson<T> = { items: T[]; next: string | null };

/** GET /api/polls/{id}/export: everything needed to re-verify the poll from the chain alone. */
export type PollExportJson = {
  format: "plenum-poll/1";
  id: Hash;
  domain: PollViewJson["domain"];
  poll: PollMessageJson;
  signature: Hex;
  /**
   * The block at which the server checked the poll's signature, and each vote's: a contract wallet's signature is
   * checked there again.
   */
  block: string;
  /** Every accepted signed vote, superseded ones included, with the weight the server counted. */
  votes: { vote: PollVoteMessageJson; signature: Hex; weight: string; block: string }[];
  result: PollResultJson;
};
