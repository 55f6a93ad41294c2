import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { contracts } from "../lib/contracts";
import { localRoles } from "../scripts/lib/accounts";
import { freePort } from "../scripts/lib/anvil";
import { startApp, type AppServer } from "../scripts/lib/app";
import { expect, indexerCaughtUp, requiredEnv, test } from "./fixtures";
import { address } from "./governance";

const ada = address(localRoles.delegates[0]);

// The same build with its webhook sender on (the shared app runs without it), allowed to post to this machine.
let app: AppServer;
test.beforeAll(async () => {
  app = await startApp({
    port: await freePort(),
    publicRpcUrl: requiredEnv("PLENUM_E2E_RPC_URL"),
    indexerUrl: requiredEnv("PLENUM_E2E_INDEXER_URL"),
    appDataDir: mkdtempSync(join(tmpdir(), "plenum-e2e-webhooks-")),
    env: { WEBHOOK_ALLOW_PRIVATE_URLS: "1" },
  });
});
test.afterAll(async () => {
  await app?.stop();
});

test("a wallet registers a webhook on the notifications page; its receiver gets the next proposal signed; the log shows it; it stops", async ({
  page,
  wallet,
  governance,
}) => {
  test.setTimeout(120_000);
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/plenum`;
  try {
    await wallet.install(ada);
    await page.goto(`${app.url}/notifications`);
    await wallet.connect();
    await expect(page.getByTestId("feeds").getByRole("link", { name: "Atom" }).first()).toHaveAttribute(
      "href",
      "/feeds/proposals.atom",
    );
    const form = page.getByTestId("webhook-form");
    await form.getByTestId("webhook-url").fill(url);
    await form.getByTestId("webhook-event-proposal.ending_soon").uncheck();
    await expect(form.getByTestId("webhook-event-proposal.created")).toBeChecked();
    await form.getByTestId("webhook-register").click();
    await expect(form.getByTestId("signed-status")).toHaveText("The webhook is registered.");
    const id = (await form.getByTestId("webhook-id").textContent())!;
    const secret = (await form.getByTestId("webhook-secret").textContent())!;
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);

    const { id: proposalId } = await governance.propose(
      ada,
      [{ target: contracts.token.address, value: 0n, calldata: "0x" }],
      "# Webhook check\n\nA proposal for the receiver.",
    );
    await indexerCaughtUp();
    // The app's sender reads the indexer every 5 s. (An event of the registration block's second, from before it,
    // may come too: blocks can share a second.)
    const ids = () => received.map((request) => (JSON.parse(request.body) as { id: string }).id);
    await expect.poll(ids, { timeout: 30_000 }).toContain(`proposal.created:${proposalId}`);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(new Set(ids()).size, "no event delivered twice").toBe(received.length);
    const delivery = received.find((request) => request.body.includes(`"proposal.created:${proposalId}"`))!;
    const body = JSON.parse(delivery.body) as { id: string; type: string; title: string };
    expect(received.every((request) => JSON.parse(request.body).type === "proposal.created")).toBe(true);
    expect(body).toMatchObject({
      id: `proposal.created:${proposalId}`,
      type: "proposal.created",
      title: "New proposal: Webhook check",
    });
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(delivery.headers["plenum-signature"]))!;
    expect(createHmac("sha256", secret).update(`${t}.${delivery.body}`).digest("hex")).toBe(v1);

    const log = page.getByTestId("delivery-log");
    await log.getByTestId("log-id").fill(id);
    await log.getByTestId("log-secret").fill("whsec_wrong");
    await log.getByTestId("log-load").click();
    await expect(log.getByTestId("log-error")).toContainText("(Unauthorized)");
    await log.getByTestId("log-secret").fill(secret);
    await log.getByTestId("log-load").click();
    await expect(log.getByTestId("log-row")).toHaveCount(received.length);
    const row = log.getByTestId("log-row").filter({ hasText: `proposal.created:${proposalId}` });
    await expect(row).toContainText("Delivered");
    await log.getByTestId("log-stop").click();
    await expect(log.getByTestId("log-status")).toHaveText("The webhook is stopped: nothing more will be sent to it.");
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
