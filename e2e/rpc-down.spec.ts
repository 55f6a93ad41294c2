import { localRoles } from "../scripts/lib/accounts";
import { freePort } from "../scripts/lib/anvil";
import { startApp, type AppServer } from "../scripts/lib/app";
import { anvilAccount } from "../scripts/lib/chain";
import { expect, test } from "./fixtures";

// The same build, served with an RPC URL nobody answers: every page must say what failed and offer a retry.
let app: AppServer;

test.beforeAll(async () => {
  app = await startApp({ port: await freePort(), publicRpcUrl: `http://127.0.0.1:${await freePort()}` });
});

test.afterAll(async () => {
  await app?.stop();
});

const routes = [
  "/",
  "/proposals",
  "/proposals/1",
  "/delegates",
  `/delegates/${anvilAccount(localRoles.delegates[0]).address}`,
  "/disputes",
];

for (const route of routes) {
  test(`with the RPC down ${route} says what failed and offers a retry`, async ({ page }) => {
    await page.goto(`${app.url}${route}`);
    const alert = page.getByRole("alert").filter({ hasText: "Could not load" }).first();
    await expect(alert).toContainText("HTTP request failed");
    await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
    await expect(page.getByRole("navigation")).toBeVisible();
  });
}

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
