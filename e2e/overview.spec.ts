import { formatEther } from "viem";
import { contracts } from "../lib/contracts";
import { formatDuration, formatParameterValue, formatTokens } from "../lib/format";
import { localRoles } from "../scripts/lib/accounts";
import { freePort } from "../scripts/lib/anvil";
import { startApp } from "../scripts/lib/app";
import { anvilAccount } from "../scripts/lib/chain";
import { expect, test } from "./fixtures";

test("the overview shows the treasury, every network parameter and the governance settings from the chain", async ({
  page,
  chain,
}) => {
  const { token, timelock, networkParameters, governor } = contracts;
  const [treasury, [keys, infos], votingPeriod, ethBalance] = await Promise.all([
    chain.readContract({ ...token, functionName: "balanceOf", args: [timelock.address] }),
    chain.readContract({ ...networkParameters, functionName: "allParameters" }),
    chain.readContract({ ...governor, functionName: "votingPeriod" }),
    chain.getBalance({ address: timelock.address }),
  ]);

  await page.goto("/");
  await expect(page.getByTestId("treasury-plm")).toHaveText(`${formatTokens(treasury, 0)} PLM`);
  await expect(page.getByTestId("treasury-eth")).toHaveText(`${formatEther(ethBalance)} ETH`);
  await expect(page.getByTestId("voting-period")).toHaveText(formatDuration(votingPeriod));
  expect(keys.length).toBeGreaterThanOrEqual(6);
  for (const [i, info] of infos.entries()) {
    const name = Buffer.from(keys[i].slice(2), "hex").toString("utf8").replace(/\0+$/, "");
    await expect(page.getByTestId(`parameter-${name}`).getByTestId("value")).toHaveText(
      formatParameterValue(info.value, info.unit),
    );
  }
});

test("with the RPC down the overview says what failed and offers a retry", async ({ page }) => {
  const deadRpc = `http://127.0.0.1:${await freePort()}`;
  const app = await startApp({ port: await freePort(), rpcUrl: deadRpc });
  try {
    await page.goto(app.url);
    const alert = page.getByRole("alert").filter({ hasText: "Could not load the DAO overview from the chain" });
    await expect(alert).toContainText("HTTP request failed");
    await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
  } finally {
    await app.stop();
  }
});

test("a delegate connects through the wallet modal and sees their voting power", async ({ page, wallet, chain }) => {
  const ada = anvilAccount(localRoles.delegates[0]).address;
  const [balance, votes] = await Promise.all([
    chain.readContract({ ...contracts.token, functionName: "balanceOf", args: [ada] }),
    chain.readContract({ ...contracts.token, functionName: "getVotes", args: [ada] }),
  ]);
  await wallet.install(ada);
  await page.goto("/");
  await expect(page.getByTestId("your-account")).toBeHidden();
  await wallet.connect();
  // RainbowKit's account button shows the connected address, shortened.
  await expect(page.getByRole("button", { name: `${ada.slice(0, 4)}…${ada.slice(-4)}` })).toBeVisible();
  await expect(page.getByTestId("your-voting-power")).toHaveText(`${formatTokens(votes)} PLM`);
  await expect(page.getByTestId("your-balance")).toHaveText(`${formatTokens(balance)} PLM`);
  await expect(page.getByTestId("your-delegate")).toHaveText("yourself");
  await expect(page.getByTestId("delegate-prompt")).toBeHidden();
});

test("a holder who never delegated is prompted to delegate", async ({ page, wallet, chain }) => {
  const holder = anvilAccount(localRoles.holders[7]).address;
  const balance = await chain.readContract({ ...contracts.token, functionName: "balanceOf", args: [holder] });
  expect(balance).toBeGreaterThan(0n);
  await wallet.install(holder);
  await page.goto("/");
  await wallet.connect();
  await expect(page.getByTestId("your-voting-power")).toHaveText("0 PLM");
  await expect(page.getByTestId("delegate-prompt")).toContainText(`${formatTokens(balance)} PLM do not vote`);
});
