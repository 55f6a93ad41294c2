import { contracts } from "../lib/contracts";
import { formatTokens } from "../lib/format";
import { localRoles } from "../scripts/lib/accounts";
import { freePort } from "../scripts/lib/anvil";
import { startApp, type AppServer } from "../scripts/lib/app";
import { anvilAccount } from "../scripts/lib/chain";
import { expect, requiredEnv, test } from "./fixtures";
import { seededActiveProposal } from "./governance";

const { disputeModule } = contracts;

// The same build, served with an RPC URL nobody answers: every page must say what failed and offer a retry.
let app: AppServer;

test.beforeAll(async () => {
  app = await startApp({
    port: await freePort(),
    publicRpcUrl: `http://127.0.0.1:${await freePort()}`,
    indexerUrl: requiredEnv("PLENUM_E2E_INDEXER_URL"),
  });
});

test.afterAll(async () => {
  await app?.stop();
});

// Pages that need the chain for what they show: each says what failed and offers a retry.
const chainRoutes = ["/", `/delegates/${anvilAccount(localRoles.delegates[0]).address}`];

for (const route of chainRoutes) {
  test(`with the RPC down ${route} says what failed and offers a retry`, async ({ page }) => {
    await page.goto(`${app.url}${route}`);
    const alert = page.getByRole("alert").filter({ hasText: "Could not load" }).first();
    await expect(alert).toContainText("HTTP request failed");
    await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
    await expect(page.getByRole("navigation")).toBeVisible();
  });
}

test("with the RPC down the proposal list still shows the indexed proposals and names the chain's failure", async ({
  page,
}) => {
  await page.goto(`${app.url}/proposals`);
  await expect(page.getByTestId("proposal-row").first()).toBeVisible();
  await expect(page.getByTestId("sync-status")).toContainText("The chain's RPC does not answer");
  await expect(page.getByTestId("sync-status")).toContainText("HTTP request failed");
});

test("with the RPC down a proposal page shows its indexed history and the live state's error, with a retry", async ({
  page,
  chain,
}) => {
  const id = await seededActiveProposal(chain);
  await page.goto(`${app.url}/proposals/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("voter").first()).toBeVisible();
  const alert = page.getByRole("alert").filter({ hasText: "this proposal's live state from the chain" });
  await expect(alert).toContainText("HTTP request failed");
  await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
});

test("with the RPC down /disputes still shows the indexed disputes and names the chain's failure, with a retry", async ({
  page,
  chain,
}) => {
  const count = await chain.readContract({ ...disputeModule, functionName: "disputeCount" });
  expect(count).toBeGreaterThan(0n);
  const dispute = await chain.readContract({ ...disputeModule, functionName: "getDispute", args: [count] });
  await page.goto(`${app.url}/disputes`);
  await expect(page.getByTestId("dispute")).toHaveCount(Number(count));
  const card = page.locator(`[data-testid="dispute"][data-dispute-id="${count}"]`);
  await expect(card.getByTestId("dispute-proposal")).toHaveAttribute("href", `/proposals/${dispute.proposalId}`);
  await expect(card.getByTestId("dispute-bond")).toHaveText(`${formatTokens(dispute.bond)} PLM`);
  const alert = page.getByRole("alert").filter({ hasText: "the disputes' live state from the chain" });
  await expect(alert).toContainText("HTTP request failed");
  await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
});

test("with the RPC down /delegates still lists the delegates: the directory reads only the indexer", async ({
  page,
}) => {
  await page.goto(`${app.url}/delegates`);
  await expect(page.getByTestId("delegate-row").first()).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Could not load" })).toHaveCount(0);
});

test("with the RPC down the proposal builder keeps the draft and says the chain reads failed, with a retry", async ({
  page,
}) => {
  await page.goto(`${app.url}/proposals/new`);
  await page.getByTestId("new-draft").click();
  await page.getByTestId("proposal-title").fill("Written while offline");
  const alert = page.getByRole("alert").filter({ hasText: "Could not load the network parameters" });
  await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("proposal-title")).toHaveValue("Written while offline");
});
