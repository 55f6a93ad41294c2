import { freePort } from "../scripts/lib/anvil";
import { startApp, type AppServer } from "../scripts/lib/app";
import { expect, requiredEnv, test } from "./fixtures";
import { seededActiveProposal } from "./governance";

// History comes from the indexer, live state from the chain: each fails on its own and the page says which.

test.describe("with the indexer down", () => {
  let app: AppServer;

  test.beforeAll(async () => {
    // The same build, pointed at an indexer nobody answers for, next to the working chain.
    app = await startApp({
      port: await freePort(),
      publicRpcUrl: requiredEnv("PLENUM_E2E_RPC_URL"),
      indexerUrl: `http://127.0.0.1:${await freePort()}`,
    });
  });

  test.afterAll(async () => {
    await app?.stop();
  });

  test("the proposal list says the indexer failed and offers a retry", async ({ page }) => {
    await page.goto(`${app.url}/proposals`);
    const alert = page.getByRole("alert").filter({ hasText: "Could not load proposals from the indexer" });
    await expect(alert).toContainText("The indexer is unreachable");
    await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
    await expect(page.getByTestId("sync-status")).toContainText("The indexer cannot be reached");
  });

  test("the analytics page names the indexer in each section, with a retry; the what-if form still reads its settings", async ({
    page,
  }) => {
    await page.goto(`${app.url}/analytics`);
    for (const label of ["turnout", "delegation"]) {
      const alert = page.getByRole("alert").filter({ hasText: `Could not load ${label} from the indexer` });
      await expect(alert).toContainText("The indexer is unreachable");
      await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
    }
    await page.getByRole("button", { name: "Recount past proposals" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Could not load the recount from the indexer" }),
    ).toBeVisible();
  });

  test("a feed or a voters' CSV answers 503 with a time to retry, naming the indexer", async ({ request }) => {
    for (const path of [
      "/feeds/proposals.atom",
      `/feeds/delegates/0x${"12".repeat(20)}.json`,
      "/proposals/1/votes.csv",
    ]) {
      const response = await request.get(`${app.url}${path}`);
      expect(response.status(), path).toBe(503);
      expect(response.headers()["retry-after"]).toBe("30");
      expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
      expect(await response.text()).toContain("The indexer is unreachable");
    }
  });

  test("a proposal page still shows its live state from the chain, and the history's error", async ({
    page,
    chain,
  }) => {
    const id = await seededActiveProposal(chain);
    const response = await page.goto(`${app.url}/proposals/${id}`);
    expect(response?.status()).toBe(200);
    const alert = page.getByRole("alert").filter({ hasText: "this proposal's history from the indexer" });
    await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
    // The governor's own record: actions decoded, state and totals live.
    await expect(page.getByTestId("actions")).toBeVisible();
    await expect(page.getByTestId("votes")).toBeVisible();
    await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();
  });
});

test("when the indexer falls behind the chain, the page says by how many blocks", async ({ page, chain }) => {
  await page.goto("/");
  await expect(page.getByRole("navigation")).toBeVisible();
  const gate = requiredEnv("PLENUM_E2E_INDEXER_GATE_URL");
  // Hold the indexer's view of the chain while the chain moves on; the indexer itself still answers.
  await fetch(`${gate}/gate/close`, { method: "POST" });
  try {
    await chain.mine({ blocks: 6 });
    await page.reload();
    await expect(page.getByTestId("sync-status")).toContainText("History is 6 blocks behind the chain");
  } finally {
    await fetch(`${gate}/gate/open`, { method: "POST" });
  }
  await expect(page.getByTestId("sync-status")).toHaveCount(0, { timeout: 20_000 });
});
