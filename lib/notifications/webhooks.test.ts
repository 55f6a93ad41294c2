// Webhooks against a real anvil with the contracts deployed, the real indexer (PGlite) and the app database (PGlite in
// memory): registration signed by a wallet and its refusals, then real HTTP receivers on this machine getting the
// DAO's events from the sender: once each, signed; again after failures, with backoff; never twice across a restart
// or two senders at once.
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPublicClient, http, type Address, type LocalAccount, type PublicClient } from "viem";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deploy } from "../../scripts/deploy";
import { startAnvil, type Anvil } from "../../scripts/lib/anvil";
import { anvilAccount, connectAnvil, writeContract, type AnvilClient } from "../../scripts/lib/chain";
import { governanceHelper } from "../../scripts/lib/governance";
import { startIndexer, waitForIndexer, type Indexer } from "../../scripts/lib/indexer";
import { Refusal } from "../api/refusal";
import { contractsFor, type SystemContracts } from "../contracts/bindings";
import { openDatabase, type Database } from "../database/database";
import { indexerClient } from "../indexer/client";
import type { DaoEventType } from "../indexer/types";
import { pollDomain } from "../polls/typed-data";
import { defaultWebhookRules, type WebhookRules } from "./rules";
import { webhookTypedData } from "./webhook-message";
import { createWebhookSender, createWebhooks } from "./webhooks";

const IP = "203.0.113.7";
const SITE = "https://plenum.example";

let anvil: Anvil;
let chain: AnvilClient;
let reader: PublicClient;
let system: SystemContracts;
let deployer: Address;
let indexer: Indexer;
let database: Database;
const owner = anvilAccount(110);
const stranger = anvilAccount(111);

type Received = { headers: IncomingHttpHeaders; body: string };

/** An HTTP receiver on this machine: records each request, answers `status()` (200 unless told). */
async function receiver(status: () => number = () => 200) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function registration(
  signer: LocalAccount,
  fields: { url: string; events: DaoEventType[]; owner?: Address; issuedAt?: bigint },
) {
  const message = {
    owner: fields.owner ?? signer.address,
    url: fields.url,
    events: fields.events,
    issuedAt: fields.issuedAt ?? (await chain.getBlock()).timestamp,
  };
  const signature = await signer.signTypedData(
    webhookTypedData(pollDomain(await chain.getChainId(), system.governor.address), message),
  );
  return { ...message, issuedAt: message.issuedAt.toString(), signature };
}

function service(rules: Partial<WebhookRules> = {}) {
  return createWebhooks({
    database,
    client: reader,
    governor: system.governor.address,
    rules: { ...defaultWebhookRules, allowPrivateUrls: true, ...rules },
  });
}

function sender(rules: Partial<WebhookRules> = {}) {
  return createWebhookSender({
    database,
    indexer: indexerClient(indexer.url),
    rules: { ...defaultWebhookRules, allowPrivateUrls: true, retryBaseMs: 300, ...rules },
    site: SITE,
    log: () => {},
  });
}

const refusalOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => "(no refusal)",
    (error: unknown) => {
      if (error instanceof Refusal) return error.refusal;
      throw error;
    },
  );

const subscriptions = async () =>
  (await database.query<{ count: number }>("SELECT count(*)::int AS count FROM webhook_subscriptions"))[0].count;

/** Propose from the deployer (who holds the threshold); answers the id once the indexer has the block. */
async function propose(title: string): Promise<bigint> {
  const { id } = await governanceHelper(chain, system).propose(
    deployer,
    [{ target: system.token.address, value: 0n, calldata: "0x" }],
    `# ${title}\n\nBody.`,
  );
  await waitForIndexer(indexer.url, anvil.rpcUrl);
  return id;
}

/** Tick `run` until `done` holds (deliveries and retries take a few ticks), at most 15 s. */
async function tickUntil(run: () => Promise<unknown>, done: () => boolean) {
  const deadline = Date.now() + 15_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("the deliveries did not arrive in 15 s");
    await run();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  anvil = await startAnvil();
  chain = connectAnvil(anvil.rpcUrl);
  reader = createPublicClient({ transport: http(anvil.rpcUrl) });
  const deployment = await deploy({
    rpcUrl: anvil.rpcUrl,
    deploymentsDir: mkdtempSync(join(tmpdir(), "plenum-deployments-")),
  });
  system = contractsFor(deployment);
  deployer = deployment.deployer;
  await writeContract(chain, deployer, { ...system.token, functionName: "delegate", args: [deployer] });
  await chain.mine({ blocks: 1 });
  [indexer, database] = await Promise.all([
    startIndexer({ rpcUrl: anvil.rpcUrl, deployment }),
    openDatabase({ pgliteDir: undefined }),
  ]);
}, 240_000);

afterAll(async () => {
  await indexer?.stop();
  await database?.close();
  await anvil?.stop();
});

beforeEach(async () => {
  await database.query("TRUNCATE webhook_deliveries, webhook_subscriptions, webhook_progress, relay_requests");
  // Each test registers in a second of its own: a registration takes the events from its block's second on, and
  // anvil's blocks may share a second.
  await chain.setNextBlockTimestamp({ timestamp: (await chain.getBlock()).timestamp + 1n });
  await chain.mine({ blocks: 1 });
  await waitForIndexer(indexer.url, anvil.rpcUrl);
});

describe("registering", () => {
  it("refuses other schemes, credentials, and private, loopback or link-local hosts unless allowed", async () => {
    const strict = service({ allowPrivateUrls: false });
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://localhost/hook",
      "http://[::1]/hook",
      "http://[::ffff:10.0.0.1]/hook",
      "http://10.1.2.3/hook",
      "http://192.168.1.20/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://0.0.0.0/hook",
      "ftp://93.184.215.14/hook",
      "http://user:pass@93.184.215.14/hook",
      "not a url",
    ]) {
      const refused = await refusalOf(
        strict.subscribe(await registration(owner, { url, events: ["proposal.created"] }), IP),
      );
      expect(refused, url).toBe("InvalidUrl");
    }
    expect(await subscriptions()).toBe(0);
    // A public address is accepted as it is.
    const { id, secret } = await strict.subscribe(
      await registration(owner, { url: "https://93.184.215.14/hook", events: ["proposal.created"] }),
      IP,
    );
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    // The local demo allows its own machine.
    await service().subscribe(
      await registration(owner, { url: "http://127.0.0.1:9/hook", events: ["dispute.filed"] }),
      IP,
    );
    expect(await subscriptions()).toBe(2);
  });

  it("refuses a registration its owner did not sign, a replayed one, a stale one, and too many", async () => {
    const webhooks = service({ subscriptionsPerOwner: 2 });
    const url = "http://127.0.0.1:9/hook";
    const forged = await registration(stranger, { url, events: ["proposal.created"], owner: owner.address });
    expect(await refusalOf(webhooks.subscribe(forged, IP))).toBe("InvalidSignature");
    const signed = await registration(owner, { url, events: ["proposal.created"] });
    await webhooks.subscribe(signed, IP);
    expect(await refusalOf(webhooks.subscribe(signed, IP))).toBe("SignatureUsed");
    const old = (await chain.getBlock()).timestamp - 3_600n;
    expect(
      await refusalOf(
        webhooks.subscribe(await registration(owner, { url, events: ["proposal.created"], issuedAt: old }), IP),
      ),
    ).toBe("StaleRegistration");
    // The signed events are the ones stored: another list under the same signature does not verify.
    expect(await refusalOf(webhooks.subscribe({ ...signed, events: ["dispute.filed"] }, IP))).toBe("InvalidSignature");
    expect(await refusalOf(webhooks.subscribe({ ...signed, events: ["no.such_event"] }, IP))).toBe("InvalidRequest");
    await webhooks.subscribe(await registration(owner, { url, events: ["dispute.filed"] }), IP);
    expect(
      await refusalOf(webhooks.subscribe(await registration(owner, { url, events: ["proposal.queued"] }), IP)),
    ).toBe("TooManySubscriptions");
    expect(await subscriptions()).toBe(2);
  });
});

describe("delivering", () => {
  it("delivers each event once, signed; retries a failing receiver with backoff; no repeats across a restart", async () => {
    const good = await receiver();
    let failures = 2;
    const flaky = await receiver(() => (failures-- > 0 ? 500 : 204));
    try {
      const webhooks = service();
      const a = await webhooks.subscribe(
        await registration(owner, { url: good.url, events: ["proposal.created", "proposal.voting_opened"] }),
        IP,
      );
      const b = await webhooks.subscribe(
        await registration(owner, { url: flaky.url, events: ["proposal.created"] }),
        IP,
      );
      const first = sender();
      await first.tick();

      const id = await propose("Raise the provider reward rate");
      await governanceHelper(chain, system).waitForSnapshot(id);
      await waitForIndexer(indexer.url, anvil.rpcUrl);
      await tickUntil(first.tick, () => good.received.length >= 2 && flaky.received.length >= 3);

      // The good receiver: each event once, in order, signed with its secret over "<t>.<body>".
      const bodies = good.received.map((request) => JSON.parse(request.body) as Record<string, unknown>);
      expect(bodies.map((body) => body.id)).toEqual([`proposal.created:${id}`, `proposal.voting_opened:${id}`]);
      expect(bodies[0]).toMatchObject({
        type: "proposal.created",
        title: "New proposal: Raise the provider reward rate",
        url: `${SITE}/proposals/${id}`,
        data: { proposalId: id.toString(), account: deployer },
      });
      for (const request of good.received) {
        const header = String(request.headers["plenum-signature"]);
        const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
        expect(createHmac("sha256", a.secret).update(`${t}.${request.body}`).digest("hex")).toBe(v1);
        expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
        expect(request.headers["content-type"]).toBe("application/json");
      }
      // The flaky one: two failures, then the same body again (the same id: the receiver can tell a retry).
      expect(flaky.received.map((request) => JSON.parse(request.body).id)).toEqual(
        Array(3).fill(`proposal.created:${id}`),
      );
      expect(new Set(flaky.received.map((request) => request.body)).size).toBe(1);
      const log = await webhooks.deliveries(b.id, `Bearer ${b.secret}`);
      expect(log.items).toEqual([
        expect.objectContaining({
          eventId: `proposal.created:${id}`,
          status: "delivered",
          attempts: 3,
          lastStatus: 204,
        }),
      ]);
      expect(await refusalOf(webhooks.deliveries(b.id, `Bearer ${a.secret}`))).toBe("Unauthorized");
      expect(await refusalOf(webhooks.deliveries(b.id, null))).toBe("Unauthorized");

      // A restarted sender, and two running at once, deliver nothing twice.
      const restarted = sender();
      await restarted.tick();
      await restarted.tick();
      expect(good.received).toHaveLength(2);
      expect(flaky.received).toHaveLength(3);
      const next = await propose("Lower the slashing rate");
      const other = sender();
      await tickUntil(
        () => Promise.all([restarted.tick(), other.tick()]),
        () => good.received.length >= 3 && flaky.received.length >= 4,
      );
      await Promise.all([restarted.tick(), other.tick()]);
      expect(good.received.map((request) => JSON.parse(request.body).id)).toEqual([
        `proposal.created:${id}`,
        `proposal.voting_opened:${id}`,
        `proposal.created:${next}`,
      ]);
      expect(flaky.received).toHaveLength(4);

      // Unsubscribed: no more deliveries.
      expect(await refusalOf(webhooks.unsubscribe(a.id, `Bearer ${b.secret}`))).toBe("Unauthorized");
      await webhooks.unsubscribe(a.id, `Bearer ${a.secret}`);
      await propose("Verify a model publisher");
      await restarted.tick();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(good.received).toHaveLength(3);
    } finally {
      await good.close();
      await flaky.close();
    }
  });

  it("gives a receiver that hangs one attempt a tick, holding up nobody else", async () => {
    const hanging: Received[] = [];
    // Reads each request and never answers.
    const server = createServer((request) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => hanging.push({ headers: request.headers, body }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const good = await receiver();
    try {
      const webhooks = service();
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      await webhooks.subscribe(await registration(owner, { url, events: ["proposal.created"] }), IP);
      await webhooks.subscribe(await registration(owner, { url: good.url, events: ["proposal.created"] }), IP);
      const impatient = sender({ requestTimeoutMs: 300, retryBaseMs: 60_000 });
      await impatient.tick();
      await propose("Raise the inference fee");
      await propose("Lower the inference fee");
      await impatient.tick();
      expect(good.received).toHaveLength(2);
      expect(hanging).toHaveLength(1);
      // The second waits for the first: nothing is due before the backoff.
      await impatient.tick();
      expect(hanging).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await good.close();
    }
  });

  it("gives up on a delivery once its retry window has passed, marking it failed", async () => {
    const dead = await receiver(() => 503);
    try {
      const webhooks = service();
      const { id, secret } = await webhooks.subscribe(
        await registration(owner, { url: dead.url, events: ["proposal.created"] }),
        IP,
      );
      const giving = sender({ retryWindowMs: 0 });
      await giving.tick();
      const proposal = await propose("Fund a latency study");
      await tickUntil(giving.tick, () => dead.received.length >= 1);
      await giving.tick();
      expect((await webhooks.deliveries(id, `Bearer ${secret}`)).items).toEqual([
        expect.objectContaining({ eventId: `proposal.created:${proposal}`, status: "failed", lastStatus: 503 }),
      ]);
      expect(dead.received).toHaveLength(1);
    } finally {
      await dead.close();
    }
  });
});
