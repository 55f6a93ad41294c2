import { anvilAccount } from "../scripts/lib/chain";
import { localRoles } from "../scripts/lib/accounts";
import { expect, test } from "./fixtures";

const ada = anvilAccount(localRoles.delegates[0]).address;
const accountButton = (address: string) => ({ name: `${address.slice(0, 4)}…${address.slice(-4)}` });

test("the wallet modal lists RainbowKit's browser wallets next to the wallets that announce themselves", async ({
  page,
  wallet,
}) => {
  await wallet.install(ada);
  await page.goto("/");
  await page.getByRole("button", { name: "Connect Wallet" }).click();
  const modal = page.getByRole("dialog");
  await expect(modal.getByText("Plenum Test Wallet", { exact: true })).toBeVisible();
  await expect(modal.getByText("MetaMask", { exact: true })).toBeVisible();
  await expect(modal.getByText("Browser Wallet", { exact: true })).toBeVisible();
});

test("a wallet known only as window.ethereum connects as the browser wallet and stays connected on reload", async ({
  page,
  wallet,
}) => {
  await wallet.install(ada, { discovery: "window.ethereum" });
  await page.goto("/");
  await wallet.connect("Browser Wallet");
  await expect(page.getByRole("button", accountButton(ada))).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", accountButton(ada))).toBeVisible();
  await expect(page.getByTestId("your-account")).toBeVisible();
});

test("a wallet announced through EIP-6963 stays connected on reload", async ({ page, wallet }) => {
  await wallet.install(ada);
  await page.goto("/proposals");
  await wallet.connect();
  await page.goto("/");
  await expect(page.getByRole("button", accountButton(ada))).toBeVisible();
  await expect(page.getByTestId("your-account")).toBeVisible();
});
