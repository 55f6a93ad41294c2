import { z } from "zod/mini";

/** The temperature checks' server-side limits (the message limits are `pollLimits`). */
export type PollRules = {
  /** The least voting power a poll's author needs at its snapshot, in basis points of the proposal threshold. */
  creatorThresholdBps: bigint;
  /** Poll requests (creations, votes, links) per client IP per minute. */
  requestsPerMinutePerIp: number;
  /** Upcoming or open polls one author may have at once. */
  livePollsPerAuthor: number;
};

export const defaultPollRules: PollRules = {
  creatorThresholdBps: 1_000n,
  requestsPerMinutePerIp: 60,
  livePollsPerAuthor: 5,
};

const envSchema = z.object({
  POLL_CREATOR_THRESHOLD_PERCENT: z.optional(z.string().check(z.regex(/^\d{1,3}(\.\d{1,2})?$/, "a percentage"))),
  POLL_REQUESTS_PER_MINUTE_PER_IP: z.optional(z.coerce.number().check(z.int(), z.nonnegative())),
  POLL_LIVE_PER_AUTHOR: z.optional(z.coerce.number().check(z.int(), z.positive())),
});

/** The rules from the server's environment (names in .env.example); each unset one keeps its default. */
export function pollRulesFromEnv(env: Record<string, string | undefined>): PollRules {
  const parsed = envSchema.parse(env);
  const percent = parsed.POLL_CREATOR_THRESHOLD_PERCENT;
  return {
    creatorThresholdBps: percent ? BigInt(Math.round(Number(percent) * 100)) : defaultPollRules.creatorThresholdBps,
    requestsPerMinutePerIp: parsed.POLL_REQUESTS_PER_MINUTE_PER_IP ?? defaultPollRules.requestsPerMinutePerIp,
    livePollsPerAuthor: parsed.POLL_LIVE_PER_AUTHOR ?? defaultPollRules.livePollsPerAuthor,
  };
}
