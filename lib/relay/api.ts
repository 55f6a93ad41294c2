// The relay's HTTP interface (app/api/relay/*), shared by its route handlers and its clients.
import { isHex, type Address, type Hash, type Hex } from "viem";
import { z } from "zod/mini";
import { addressSchema } from "../contracts/deployment";

const uint256 = z.string().check(z.regex(/^\d{1,78}$/, "a decimal integer"));
const hex = z.custom<Hex>((value) => typeof value === "string" && isHex(value, { strict: true }), "0x-prefixed hex");
/** An ECDSA signature is 65 bytes; ERC-1271 wallets may sign with more, within reason. */
const signature = hex.check(z.maxLength(2 + 2 * 4_096, "a signature of at most 4,096 bytes"));

/** The longest vote reason the relay sponsors, in characters (the app's own limit). */
export const RELAY_MAX_REASON_LENGTH = 2_000;

/** POST /api/relay/vote. The nonce, chain id and verifying contract are optional: the relay reads its own. */
export const voteRequestSchema = z.object({
  proposalId: uint256,
  support: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  voter: addressSchema,
  reason: z
    .string()
    .check(z.maxLength(RELAY_MAX_REASON_LENGTH, `a reason of at most ${RELAY_MAX_REASON_LENGTH} characters`)),
  params: z.optional(hex),
  signature,
  nonce: z.optional(uint256),
  chainId: z.optional(z.number()),
  verifyingContract: z.optional(addressSchema),
});
export type VoteRequest = z.infer<typeof voteRequestSchema>;

/** POST /api/relay/delegate: the arguments of the token's `delegateBySig`, the signature in one piece. */
export const delegateRequestSchema = z.object({
  delegator: addressSchema,
  delegatee: addressSchema,
  nonce: uint256,
  expiry: uint256,
  signature,
  chainId: z.optional(z.number()),
  verifyingContract: z.optional(addressSchema),
});
export type DelegateRequest = z.infer<typeof delegateRequestSchema>;

/** What a relayed request answers once its transaction is sent. */
export type RelaySent = { hash: Hash };

/**
 * Every refusal, by name, with its HTTP status. 400: the request or its signature is wrong. 403: the signer or the
 * relay does not qualify. 409: the chain's state refuses it. 429: a limit is spent.
 */
export const relayRefusalStatus = {
  InvalidRequest: 400,
  WrongDomain: 400,
  InvalidSignature: 400,
  WrongNonce: 400,
  SignatureExpired: 400,
  SignatureUsed: 409,
  ProposalNotActive: 409,
  AlreadyVoted: 409,
  AlreadyDelegated: 409,
  WouldRevert: 409,
  BelowMinimumPower: 403,
  SponsorshipSuspended: 403,
  ContractWalletUnsupported: 403,
  RelayDisabled: 403,
  SponsorBelowFloor: 403,
  VoteQuotaSpent: 429,
  DelegationQuotaSpent: 429,
  DailyBudgetSpent: 429,
  RateLimited: 429,
} as const;
export type RelayRefusalName = keyof typeof relayRefusalStatus;

/** A refusal's body: `{ error, message }`, the message a sentence a user can act on. */
export type RelayRefusalBody = { error: RelayRefusalName | "ChainUnavailable" | "RelayFailed"; message: string };

/** GET /api/relay/status[?address=]: amounts in wei (decimal strings); the address's usage when one is given. */
export type RelayStatus = {
  open: boolean;
  /** Why relaying is closed for everyone, when it is. */
  closed?: RelayRefusalBody;
  chainId: number;
  sponsor: Address | null;
  sponsorBalance: string;
  sponsorFloor: string;
  budget: { daily: string; spentToday: string; leftToday: string };
  minimumVotingPower: string;
  requestsPerMinutePerIp: number;
  windowDays: number;
  votes: { limit: number; used?: number; left?: number };
  delegations: { limit: number; used?: number; left?: number };
};
