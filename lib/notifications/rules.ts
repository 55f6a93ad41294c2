import { z } from "zod/mini";

/** The webhooks' server-side limits and timings. */
export type WebhookRules = {
  /** Deliver to loopback and private addresses too (the local demo); never in production. */
  allowPrivateUrls: boolean;
  /** Registrations per client IP per minute. */
  requestsPerMinutePerIp: number;
  /** Live subscriptions per owner. */
  subscriptionsPerOwner: number;
  /** The first retry's delay; each next one doubles, up to an hour. */
  retryBaseMs: number;
  /** A delivery is retried for this long after its event, then marked failed. */
  retryWindowMs: number;
  /** One delivery's request times out after this. */
  requestTimeoutMs: number;
};

export const defaultWebhookRules: WebhookRules = {
  allowPrivateUrls: false,
  requestsPerMinutePerIp: 20,
  subscriptionsPerOwner: 10,
  retryBaseMs: 30_000,
  retryWindowMs: 24 * 3_600_000,
  requestTimeoutMs: 10_000,
};

const envSchema = z.object({
  WEBHOOK_ALLOW_PRIVATE_URLS: z.optional(z.enum(["0", "1"])),
  WEBHOOK_SUBSCRIPTIONS_PER_OWNER: z.optional(z.coerce.number().check(z.int(), z.positive())),
});

/** The rules from the server's environment (names in .env.example); each unset one keeps its default. */
export function webhookRulesFromEnv(env: Record<string, string | undefined>): WebhookRules {
  const parsed = envSchema.parse(env);
  return {
    ...defaultWebhookRules,
    allowPrivateUrls: parsed.WEBHOOK_ALLOW_PRIVATE_URLS === "1",
    subscriptionsPerOwner: parsed.WEBHOOK_SUBSCRIPTIONS_PER_OWNER ?? defaultWebhookRules.subscriptionsPerOwner,
  };
}
