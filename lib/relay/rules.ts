import { parseEther, parseUnits } from "viem";
import { z } from "zod/mini";

/** The relay's limits. Every one is enforced on the server, against the records in the app database. */
export type RelayRules = {
  /** Sponsored votes per signer in the last 30 days. */
  votesPer30Days: number;
  /** Sponsored delegations per signer in the last 30 days. */
  delegationsPer30Days: number;
  /** Wei the sponsor may spend on gas per UTC day (mined transactions at their cost, pending ones at their maximum). */
  dailyBudget: bigint;
  /** Relay requests per client IP per minute, refused ones included. */
  requestsPerMinutePerIp: number;
  /** Below this balance (wei) the sponsor sends nothing. */
  sponsorFloor: bigint;
  /** The least voting power (at the proposal's snapshot) or, for a delegation, balance a signer needs, in PLM wei. */
  minimumVotingPower: bigint;
  /** Proxies in front of the app that append to X-Forwarded-For: the client is that many entries from the right. */
  trustedProxies: number;
};

export const defaultRelayRules: RelayRules = {
  votesPer30Days: 30,
  delegationsPer30Days: 1,
  dailyBudget: parseEther("0.5"),
  requestsPerMinutePerIp: 30,
  sponsorFloor: parseEther("0.1"),
  minimumVotingPower: parseUnits("1", 18),
  trustedProxies: 0,
};

const count = z.optional(z.coerce.number().check(z.int(), z.nonnegative()));
const decimal = z.optional(z.string().check(z.regex(/^\d+(\.\d+)?$/, "a decimal amount")));

const envSchema = z.object({
  RELAY_VOTES_PER_30_DAYS: count,
  RELAY_DELEGATIONS_PER_30_DAYS: count,
  RELAY_DAILY_BUDGET_ETH: decimal,
  RELAY_REQUESTS_PER_MINUTE_PER_IP: count,
  RELAY_SPONSOR_FLOOR_ETH: decimal,
  RELAY_MIN_VOTING_POWER_PLM: decimal,
  RELAY_TRUSTED_PROXIES: count,
});

/** The rules from the server's environment (names in .env.example); each unset one keeps its default. */
export function relayRulesFromEnv(env: Record<string, string | undefined>): RelayRules {
  const parsed = envSchema.parse(env);
  const d = defaultRelayRules;
  return {
    votesPer30Days: parsed.RELAY_VOTES_PER_30_DAYS ?? d.votesPer30Days,
    delegationsPer30Days: parsed.RELAY_DELEGATIONS_PER_30_DAYS ?? d.delegationsPer30Days,
    dailyBudget: parsed.RELAY_DAILY_BUDGET_ETH ? parseEther(parsed.RELAY_DAILY_BUDGET_ETH) : d.dailyBudget,
    requestsPerMinutePerIp: parsed.RELAY_REQUESTS_PER_MINUTE_PER_IP ?? d.requestsPerMinutePerIp,
    sponsorFloor: parsed.RELAY_SPONSOR_FLOOR_ETH ? parseEther(parsed.RELAY_SPONSOR_FLOOR_ETH) : d.sponsorFloor,
    minimumVotingPower: parsed.RELAY_MIN_VOTING_POWER_PLM
      ? parseUnits(parsed.RELAY_MIN_VOTING_POWER_PLM, 18)
      : d.minimumVotingPower,
    trustedProxies: parsed.RELAY_TRUSTED_PROXIES ?? d.trustedProxies,
  };
}

/** The rate-limit key of every request when no proxy is trusted: one bucket for all. */
export const UNTRUSTED_CLIENTS = "all clients (no trusted proxy)";

/**
 * The rate-limit key of a request: the client's address as the nearest trusted proxy appended it to
 * X-Forwarded-For. Next.js fills that header only when a request has none, so with no trusted proxy a client could
 * write its own: then every request shares one key. IPv6 addresses count per /64 (what one host is usually given).
 */
export function clientIp(forwardedFor: string | null, trustedProxies: number): string {
  if (trustedProxies === 0) return UNTRUSTED_CLIENTS;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const hop = (hops[hops.length - trustedProxies] ?? "unknown").slice(0, 64);
  return hop.includes(":") ? `${hop.split(":").slice(0, 4).join(":")}::/64` : hop;
}
