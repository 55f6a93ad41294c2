// What the browser and the server share about webhooks: the registration a wallet signs (EIP-712), and the
// delivery log's shape.
import { z } from "zod/mini";
import { isAddress, type Address } from "viem";
import { daoEventTypes, type DaoEventType } from "../indexer/types";
import type { pollDomain } from "../polls/typed-data";

export const webhookTypes = {
  WebhookSubscription: [
    { name: "owner", type: "address" },
    { name: "url", type: "string" },
    { name: "events", type: "string" },
    { name: "issuedAt", type: "uint64" },
  ],
} as const;

/** A registration is signed at most this long before or after the chain's time. */
export const REGISTRATION_WINDOW_SECONDS = 600n;
const URL_MAX = 2_000;

export const subscribeRequestSchema = z.object({
  url: z.string().check(z.maxLength(URL_MAX)),
  events: z.array(z.enum(daoEventTypes)).check(z.minLength(1), z.maxLength(daoEventTypes.length)),
  owner: z.string().check(z.refine((value) => isAddress(value, { strict: false }), "an address")),
  issuedAt: z.string().check(z.regex(/^\d{1,20}$/)),
  signature: z.string().check(z.regex(/^0x[0-9a-fA-F]*$/), z.maxLength(20_000)),
});
export type SubscribeRequest = z.infer<typeof subscribeRequestSchema>;

/** What an owner signs: the events as one comma-separated string, in the order given. */
export function webhookTypedData(
  domain: ReturnType<typeof pollDomain>,
  message: { owner: Address; url: string; events: readonly string[]; issuedAt: bigint },
) {
  return {
    domain,
    types: webhookTypes,
    primaryType: "WebhookSubscription" as const,
    message: { ...message, events: message.events.join(",") },
  };
}

export type DeliveryJson = {
  eventId: string;
  eventType: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
};

/** What each event type means, for the subscription form. */
export const daoEventDescriptions: Record<DaoEventType, string> = {
  "proposal.created": "A proposal is created",
  "proposal.voting_opened": "Voting opens on a proposal",
  "proposal.ending_soon": "24 hours are left to vote",
  "proposal.succeeded": "A proposal passes",
  "proposal.defeated": "A proposal is defeated",
  "proposal.queued": "A proposal is queued in the timelock",
  "proposal.executable": "A proposal can be executed",
  "proposal.executed": "A proposal is executed",
  "proposal.canceled": "A proposal is canceled",
  "dispute.filed": "A dispute is filed against a queued proposal",
  "dispute.ruling": "A panel member rules on a dispute",
  "dispute.resolved": "A dispute is resolved",
  "dispute.payout": "Bonds and rewards are paid out",
};
