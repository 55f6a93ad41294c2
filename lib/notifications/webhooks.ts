// Webhooks: a wallet registers a URL for some DAO events (an EIP-712 message it signs) and gets a secret; the sender
// turns indexed events into one delivery row per event and subscription (the primary key makes it exactly once, also
// across restarts), then POSTs each, signed with HMAC-SHA256 under the secret, retrying with backoff for a day.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { hashTypedData, type Address, type Hex, type PublicClient } from "viem";
import { parseRequest, Refusal } from "../api/refusal";
import { typedDataSigned } from "../chain/signatures";
import type { Database } from "../database/database";
import { countRequest } from "../database/rate-limit";
import type { IndexerClient } from "../indexer/client";
import type { DaoEvent } from "../indexer/types";
import { pollDomain } from "../polls/typed-data";
import {
  REGISTRATION_WINDOW_SECONDS,
  subscribeRequestSchema,
  webhookTypedData,
  type DeliveryJson,
} from "./webhook-message";
import { eventPath, eventSummary, eventTitle } from "./describe";
import type { WebhookRules } from "./rules";
import { webhookUrlProblem } from "./webhook-url";

export type WebhookRefusalName =
  | "InvalidRequest"
  | "InvalidUrl"
  | "InvalidSignature"
  | "SignatureUsed"
  | "StaleRegistration"
  | "TooManySubscriptions"
  | "RateLimited"
  | "Unauthorized"
  | "SubscriptionNotFound";

const statuses: Record<WebhookRefusalName, number> = {
  InvalidRequest: 400,
  InvalidUrl: 400,
  InvalidSignature: 400,
  SignatureUsed: 409,
  StaleRegistration: 400,
  TooManySubscriptions: 429,
  RateLimited: 429,
  Unauthorized: 401,
  SubscriptionNotFound: 404,
};

export class WebhookRefusal extends Refusal<WebhookRefusalName> {
  constructor(name: WebhookRefusalName, message: string) {
    super(name, statuses[name], message);
  }
}

/** `Plenum-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` */
export function webhookSignature(secret: string, body: string, seconds: number): string {
  const mac = createHmac("sha256", secret).update(`${seconds}.${body}`).digest("hex");
  return `t=${seconds},v1=${mac}`;
}

/** The JSON a delivery carries: `id` is the idempotency key (the same on every retry). */
export function webhookBody(event: DaoEvent, site: string): string {
  return JSON.stringify(
    {
      id: event.id,
      type: event.type,
      time: event.time,
      title: eventTitle(event),
      summary: eventSummary(event),
      url: `${site}${eventPath(event)}`,
      data: event,
    },
    (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
  );
}

type WebhooksOptions = {
  database: Database;
  client: PublicClient;
  governor: Address;
  rules: WebhookRules;
};

const PAGE_SIZE = 50;

export function createWebhooks({ database, client, governor, rules }: WebhooksOptions) {
  /** Register `url` for `events`, signed by its owner; answers the id and the secret deliveries are signed with. */
  async function subscribe(input: unknown, ip: string): Promise<{ id: string; secret: string }> {
    if ((await countRequest(database, `webhooks ${ip}`)) > rules.requestsPerMinutePerIp) {
      throw new WebhookRefusal("RateLimited", `At most ${rules.requestsPerMinutePerIp} registrations a minute.`);
    }
    const request = parseRequest(subscribeRequestSchema, input);
    const events = [...new Set(request.events)];
    const problem = await webhookUrlProblem(request.url, rules.allowPrivateUrls);
    if (problem) throw new WebhookRefusal("InvalidUrl", problem);
    const owner = request.owner as Address;
    const issuedAt = BigInt(request.issuedAt);
    const block = await client.getBlock();
    const distance = issuedAt > block.timestamp ? issuedAt - block.timestamp : block.timestamp - issuedAt;
    if (distance > REGISTRATION_WINDOW_SECONDS) {
      throw new WebhookRefusal(
        "StaleRegistration",
        `The registration is signed for time ${issuedAt}; the chain's is ${block.timestamp}: sign again (it holds ${REGISTRATION_WINDOW_SECONDS / 60n} minutes).`,
      );
    }
    const domain = pollDomain(await client.getChainId(), governor);
    const typedData = webhookTypedData(domain, { owner, url: request.url, events: request.events, issuedAt });
    const signed = await typedDataSigned(client, {
      signer: owner,
      signature: request.signature as Hex,
      typedData,
      blockNumber: block.number,
    });
    if (!signed)
      throw new WebhookRefusal("InvalidSignature", `The signature is not ${owner}'s over this registration.`);
    const id = randomUUID();
    const secret = `whsec_${randomBytes(32).toString("hex")}`;
    await database.transaction(async (sql) => {
      await sql.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`webhooks ${owner.toLowerCase()}`]);
      const [{ count }] = await sql.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM webhook_subscriptions WHERE owner = $1 AND deleted_at IS NULL",
        [owner.toLowerCase()],
      );
      if (count >= rules.subscriptionsPerOwner) {
        throw new WebhookRefusal(
          "TooManySubscriptions",
          `${owner} has ${count} webhooks, the most one owner may have: delete one first.`,
        );
      }
      const inserted = await sql.query(
        `INSERT INTO webhook_subscriptions (id, owner, url, events, secret, signature_digest, created_chain_time)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (signature_digest) DO NOTHING RETURNING id`,
        [id, owner.toLowerCase(), request.url, events, secret, hashTypedData(typedData), block.timestamp.toString()],
      );
      if (inserted.length === 0) {
        throw new WebhookRefusal("SignatureUsed", "This signed registration was already used.");
      }
      // The sender reads events from here on at the latest (were its progress ahead of the chain, after a reorg).
      await sql.query(
        `INSERT INTO webhook_progress (chain_time) VALUES ($1)
         ON CONFLICT (id) DO UPDATE SET chain_time = least(webhook_progress.chain_time, excluded.chain_time)`,
        [block.timestamp.toString()],
      );
    });
    return { id, secret };
  }

  /** The subscription `id` when `authorization` is `Bearer <its secret>`. */
  async function authorized(id: string, authorization: string | null) {
    const [row] = await database.query<{ secret: string }>(
      "SELECT secret FROM webhook_subscriptions WHERE id = $1 AND deleted_at IS NULL",
      [id.slice(0, 100)],
    );
    if (!row) throw new WebhookRefusal("SubscriptionNotFound", `There is no webhook ${id.slice(0, 100)}.`);
    const given = Buffer.from(authorization?.match(/^Bearer (\S+)$/)?.[1] ?? "");
    const secret = Buffer.from(row.secret);
    // Compared in constant time: how long a wrong guess takes says nothing about the secret.
    if (given.length !== secret.length || !timingSafeEqual(given, secret)) {
      throw new WebhookRefusal("Unauthorized", "Send the webhook's secret as Authorization: Bearer <secret>.");
    }
  }

  /** Stop deliveries to a subscription; its log stays readable by nobody. */
  async function unsubscribe(id: string, authorization: string | null): Promise<{ id: string }> {
    await authorized(id, authorization);
    await database.query("UPDATE webhook_subscriptions SET deleted_at = now() WHERE id = $1", [id]);
    return { id };
  }

  /** The subscription's deliveries, newest first, a page at a time. */
  async function deliveries(
    id: string,
    authorization: string | null,
    cursor?: string,
  ): Promise<{ items: DeliveryJson[]; next: string | null }> {
    await authorized(id, authorization);
    const params: unknown[] = [id];
    if (cursor && /^\d{1,18}$/.test(cursor)) params.push(cursor);
    const rows = await database.query<{
      seq: string;
      event_id: string;
      event_type: string;
      status: DeliveryJson["status"];
      attempts: number;
      last_status: number | null;
      last_error: string | null;
      next_attempt_at: Date;
      created_at: Date;
      delivered_at: Date | null;
    }>(
      `SELECT seq::text, event_id, event_type, status, attempts, last_status, last_error, next_attempt_at, created_at,
         delivered_at
       FROM webhook_deliveries WHERE subscription_id = $1 ${params.length > 1 ? "AND seq < $2" : ""}
       ORDER BY seq DESC LIMIT ${PAGE_SIZE + 1}`,
      params,
    );
    const page = rows.slice(0, PAGE_SIZE);
    const iso = (value: Date | null) => (value === null ? null : new Date(value).toISOString());
    return {
      items: page.map((row) => ({
        eventId: row.event_id,
        eventType: row.event_type,
        status: row.status,
        attempts: row.attempts,
        lastStatus: row.last_status,
        lastError: row.last_error,
        nextAttemptAt: row.status === "pending" ? iso(row.next_attempt_at) : null,
        createdAt: iso(row.created_at)!,
        deliveredAt: iso(row.delivered_at),
      })),
      next: rows.length > PAGE_SIZE ? page[page.length - 1].seq : null,
    };
  }

  return { subscribe, unsubscribe, deliveries };
}

export type Webhooks = ReturnType<typeof createWebhooks>;

type SenderOptions = {
  database: Database;
  indexer: IndexerClient;
  rules: WebhookRules;
  /** The site's origin, for the links in bodies. */
  site: string;
  log?: (line: string) => void;
};

/** Deliveries sent at once. */
const BATCH = 20;
/** A claimed delivery is someone's for this long: longer than a request may take. */
const LEASE_SECONDS = 60;
const EVENTS_PAGE = 100;
const EVENTS_PER_TICK = 1_000;
const MAX_BACKOFF_MS = 3_600_000;

/**
 * The sender: `enqueue` turns the events the indexer has up to its latest block into delivery rows, `deliver` sends
 * those due. Several app instances may run it: enqueueing is one instance at a time (an advisory lock), and each
 * delivery is claimed (a lease) before it is sent.
 */
export function createWebhookSender({ database, indexer, rules, site, log = console.log }: SenderOptions) {
  /** Events up to the indexer's latest block, each as a delivery to every subscription that wants it. */
  async function enqueue(): Promise<number> {
    const head = await indexer.status();
    if (!head) return 0;
    const [progress] = await database.query<{ chain_time: string }>("SELECT chain_time::text FROM webhook_progress");
    if (!progress) {
      // No subscription yet (registering sets the start): from now on.
      await database.query("INSERT INTO webhook_progress (chain_time) VALUES ($1) ON CONFLICT (id) DO NOTHING", [
        head.timestamp.toString(),
      ]);
      return 0;
    }
    const from = BigInt(progress.chain_time);
    if (head.timestamp < from) {
      // The chain went back (a reorg; a test chain reverted): read on from where it is.
      await database.query("UPDATE webhook_progress SET chain_time = $1 WHERE chain_time = $2", [
        head.timestamp.toString(),
        progress.chain_time,
      ]);
      return 0;
    }
    // Read from the indexer first, then write in one short transaction (PGlite has one connection).
    const events: DaoEvent[] = [];
    let cursor: string | undefined;
    do {
      // From the last second read again: a block with the same time may have come since. The key drops repeats.
      const page = await indexer.events({
        until: head.timestamp,
        since: from - 1n,
        order: "oldest",
        cursor,
        limit: EVENTS_PAGE,
      });
      events.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && events.length < EVENTS_PER_TICK);
    // When the tick's share ends mid-way, the next tick goes on from the last event read.
    const reached = cursor ? events[events.length - 1].time : head.timestamp;
    return database.transaction(async (sql) => {
      await sql.query("SELECT pg_advisory_xact_lock($1)", [WEBHOOK_ENQUEUE_LOCK]);
      const [now] = await sql.query<{ chain_time: string }>("SELECT chain_time::text FROM webhook_progress");
      // Another instance moved on meanwhile: what this one read is theirs too.
      if (now.chain_time !== progress.chain_time) return 0;
      let created = 0;
      for (const event of events) {
        const inserted = await sql.query(
          `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, event_time, body)
           SELECT id, $1, $2, $3, $4 FROM webhook_subscriptions
           WHERE deleted_at IS NULL AND $2 = ANY (events) AND created_chain_time <= $3
           ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING subscription_id`,
          [event.id, event.type, event.time.toString(), webhookBody(event, site)],
        );
        created += inserted.length;
      }
      await sql.query("UPDATE webhook_progress SET chain_time = $1", [reached.toString()]);
      return created;
    });
  }

  type Claimed = {
    subscription_id: string;
    event_id: string;
    seq: number;
    body: string;
    attempts: number;
    url: string;
    secret: string;
    expired: boolean;
  };

  /** Send the deliveries that are due; answers how many were attempted. */
  async function deliver(): Promise<number> {
    const claimed = await database.query<Claimed>(
      `UPDATE webhook_deliveries d SET attempts = d.attempts + 1,
         next_attempt_at = now() + interval '${LEASE_SECONDS} seconds'
       FROM webhook_subscriptions s
       WHERE s.id = d.subscription_id AND (d.subscription_id, d.event_id) IN (
         SELECT subscription_id, event_id FROM webhook_deliveries
         WHERE status = 'pending' AND next_attempt_at <= now()
         ORDER BY event_time, seq LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       RETURNING d.subscription_id, d.event_id, d.seq::int AS seq, d.body, d.attempts, s.url, s.secret,
         d.created_at < now() - make_interval(secs => $1) AS expired`,
      [rules.retryWindowMs / 1000],
    );
    // Each subscription's in event order, one after another; subscriptions side by side.
    const queues = new Map<string, Claimed[]>();
    for (const delivery of claimed.toSorted((a, b) => a.seq - b.seq)) {
      queues.set(delivery.subscription_id, [...(queues.get(delivery.subscription_id) ?? []), delivery]);
    }
    await Promise.all(
      [...queues.values()].map(async (queue) => {
        for (const [i, delivery] of queue.entries()) {
          if (await attempt(delivery)) continue;
          // A receiver that fails (or hangs until the timeout) gets one attempt a tick: the rest of its queue goes
          // back unattempted, due when the failed one is.
          const rest = queue.slice(i + 1).map((later) => later.event_id);
          if (rest.length > 0) {
            await database.query(
              `UPDATE webhook_deliveries SET attempts = attempts - 1, next_attempt_at = (
                 SELECT next_attempt_at FROM webhook_deliveries WHERE subscription_id = $1 AND event_id = $2)
               WHERE subscription_id = $1 AND event_id = ANY ($3)`,
              [delivery.subscription_id, delivery.event_id, rest],
            );
          }
          return;
        }
      }),
    );
    return claimed.length;
  }

  /** Send one delivery and record the outcome; answers whether it was delivered. */
  async function attempt(delivery: Claimed): Promise<boolean> {
    const outcome = await send(delivery.url, delivery.secret, delivery.body);
    const key = [delivery.subscription_id, delivery.event_id];
    if (outcome.ok) {
      await database.query(
        `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), last_status = $3,
           last_error = NULL WHERE subscription_id = $1 AND event_id = $2`,
        [...key, outcome.status],
      );
      return true;
    }
    const backoff = Math.min(rules.retryBaseMs * 2 ** (delivery.attempts - 1), MAX_BACKOFF_MS);
    await database.query(
      `UPDATE webhook_deliveries SET status = $3, last_status = $4, last_error = $5,
         next_attempt_at = now() + make_interval(secs => $6) WHERE subscription_id = $1 AND event_id = $2`,
      [
        ...key,
        delivery.expired ? "failed" : "pending",
        outcome.status ?? null,
        outcome.error.slice(0, 500),
        backoff / 1000,
      ],
    );
    log(
      `webhook ${delivery.subscription_id} ${delivery.event_id}: attempt ${delivery.attempts} failed: ${outcome.error}`,
    );
    return false;
  }

  async function send(
    url: string,
    secret: string,
    body: string,
  ): Promise<{ ok: true; status: number } | { ok: false; status?: number; error: string }> {
    const problem = await webhookUrlProblem(url, rules.allowPrivateUrls);
    if (problem) return { ok: false, error: problem };
    try {
      const response = await fetch(url, {
        method: "POST",
        body,
        // A redirect could lead anywhere, a private address included: it counts as a failure.
        redirect: "manual",
        signal: AbortSignal.timeout(rules.requestTimeoutMs),
        headers: {
          "content-type": "application/json",
          "user-agent": "Plenum-Webhooks/1",
          "plenum-signature": webhookSignature(secret, body, Math.floor(Date.now() / 1000)),
        },
      });
      await response.body?.cancel();
      if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
      return { ok: false, status: response.status, error: `answered ${response.status}` };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }

  async function tick(): Promise<{ enqueued: number; attempted: number }> {
    const enqueued = await enqueue();
    const attempted = await deliver();
    return { enqueued, attempted };
  }

  /** Run `tick` every `intervalMs` until the answer is called. A failed tick is logged and the next one runs. */
  function start(intervalMs: number): () => Promise<void> {
    let stopped = false;
    let running: Promise<unknown> = Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    // A failure that lasts (the indexer down) is logged once, not every tick.
    let lastFailure = "";
    const loop = () => {
      running = tick()
        .then(() => (lastFailure = ""))
        .catch((error: unknown) => {
          const failure = `webhooks: ${error instanceof Error ? error.message : String(error)}`;
          if (failure !== lastFailure) log(failure);
          lastFailure = failure;
        })
        .finally(() => {
          if (!stopped) timer = setTimeout(loop, intervalMs);
        });
    };
    loop();
    return async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    };
  }

  return { enqueue, deliver, tick, start };
}

/** An arbitrary constant: the advisory lock of the enqueue step. */
const WEBHOOK_ENQUEUE_LOCK = 7_215_016;
