import type { Page } from "@playwright/test";
import { zeroAddress, type Address } from "viem";
import { contracts } from "../lib/contracts";
import { formatTokens, shortAddress } from "../lib/format";
import { localRoles } from "../scripts/lib/accounts";
import { anvilAccount, writeContract, type AnvilClient } from "../scripts/lib/chain";
import { expect, test } from "./fixtures";

// holders[7] holds PLM and never delegated in the seed; delegates[1] is a delegate with a statement and votes.
const holder = anvilAccount(localRoles.holders[7]).address;
const delegate = anvilAccount(localRoles.delegates[1]).address;
const { token } = contracts;

const balanceOf = (chain: AnvilClient, address: Address) =>
  chain.readContract({ ...token, functionName: "balanceOf", args: [address] });
const votesOf = (chain: AnvilClient, address: Address) =>
  chain.readContract({ ...token, functionName: "getVotes", args: [address] });
const delegateOf = (chain: AnvilClient, address: Address) =>
  chain.readContract({ ...token, functionName: "delegates", args: [address] });
const plm = (amount: bigint) => `${formatTokens(amount)} PLM`;

async function connectOnOverview(
  page: Page,
  wallet: { install: (a: Address) => Promise<void>; connect: () => Promise<void> },
) {
  await wallet.install(holder);
  await page.goto("/");
  await wallet.connect();
  await expect(page.getByTestId("delegation-form")).toBeVisible();
}

test("a holder delegates to themself from the overview: their voting power goes from 0 to their balance", async ({
  page,
  wallet,
  chain,
}) => {
  const balance = await balanceOf(chain, holder);
  expect(balance).toBeGreaterThan(0n);
  expect(await delegateOf(chain, holder)).toBe(zeroAddress);
  await connectOnOverview(page, wallet);

  await expect(page.getByTestId("your-voting-power")).toHaveText("0 PLM");
  await expect(page.getByTestId("delegate-prompt")).toContainText("do not vote until you delegate");
  await expect(page.getByTestId("delegate-self-preview").getByTestId("your-power-change")).toHaveText(
    `Your voting power: 0 PLM → ${plm(balance)}`,
  );
  await page.getByTestId("delegate-self").click();

  await expect(page.getByTestId("transaction-status")).toContainText("Your votes are now delegated to yourself");
  await expect(page.getByTestId("your-voting-power")).toHaveText(plm(balance));
  await expect(page.getByTestId("your-delegate")).toHaveText("yourself");
  await expect(page.getByTestId("delegate-prompt")).toBeHidden();
  await expect(page.getByTestId("delegate-self")).toBeDisabled();
  expect(await delegateOf(chain, holder)).toBe(holder);
  expect(await votesOf(chain, holder)).toBe(balance);
});

test("a holder delegates to an address typed in lowercase: that delegate's votes grow by the holder's balance", async ({
  page,
  wallet,
  chain,
}) => {
  const [balance, before] = await Promise.all([balanceOf(chain, holder), votesOf(chain, delegate)]);
  await connectOnOverview(page, wallet);

  const input = page.getByTestId("delegatee-input");
  await expect(input).toHaveAttribute("placeholder", /ENS names are not supported/);
  await input.fill(delegate.toLowerCase());
  await expect(page.getByTestId("delegatee-checksummed")).toHaveText(delegate);
  const preview = page.getByTestId("delegate-other-preview");
  await expect(preview.getByTestId("your-power-change")).toHaveText("Your voting power: 0 PLM → 0 PLM");
  await expect(preview.getByTestId("delegatee-power-change")).toHaveText(
    `Voting power of ${shortAddress(delegate)}: ${plm(before)} → ${plm(before + balance)}`,
  );
  await page.getByTestId("delegate-to-address").click();

  await expect(page.getByTestId("transaction-status")).toContainText(`Your votes are now delegated to ${delegate}`);
  await expect(page.getByTestId("your-delegate")).toHaveText(shortAddress(delegate));
  await expect(page.getByTestId("your-voting-power")).toHaveText("0 PLM");
  await expect(input).toHaveValue("");
  expect(await delegateOf(chain, holder)).toBe(delegate);
  expect(await votesOf(chain, delegate)).toBe(before + balance);
});

test("one click on a delegate's profile delegates to them, and the profile's voting power moves", async ({
  page,
  wallet,
  chain,
}) => {
  const [balance, before] = await Promise.all([balanceOf(chain, holder), votesOf(chain, delegate)]);
  await wallet.install(holder);
  await page.goto(`/delegates/${delegate}`);
  await expect(page.getByTestId("delegate-to")).toContainText("Connect a wallet");
  await wallet.connect();

  const name = (await page.getByTestId("delegate-title").textContent())!;
  await expect(page.getByTestId("profile-votes")).toHaveText(formatTokens(before));
  const button = page.getByTestId("delegate-to-button");
  await expect(button).toHaveText(`Delegate my votes to ${name}`);
  await expect(page.getByTestId("delegate-to").getByTestId("delegatee-power-change")).toHaveText(
    `Voting power of ${name}: ${plm(before)} → ${plm(before + balance)}`,
  );
  await button.click();

  // The profile reloads its events after the write (and the button with it), so the confirmation is this line.
  await expect(page.getByTestId("already-delegating")).toHaveText("You delegate to this address.");
  await expect(page.getByTestId("profile-votes")).toHaveText(formatTokens(before + balance));
  await expect(button).toBeHidden();
  expect(await delegateOf(chain, holder)).toBe(delegate);
  expect(await votesOf(chain, delegate)).toBe(before + balance);

  // Back on the overview, the account shows the new delegate without a reload of the chain state.
  await page.goto("/");
  await expect(page.getByTestId("your-delegate")).toHaveText(shortAddress(delegate));
});

test("an invalid address is refused inline, nothing is sent, and the typed text stays", async ({
  page,
  wallet,
  chain,
}) => {
  await connectOnOverview(page, wallet);
  const blockBefore = await chain.getBlockNumber();
  const input = page.getByTestId("delegatee-input");
  const error = page.getByTestId("delegatee-error");

  await input.fill("0x1234abcd");
  await page.getByTestId("delegate-to-address").click();
  await expect(error).toContainText("not an address");
  await expect(input).toHaveValue("0x1234abcd");
  await expect(input).toHaveAttribute("aria-invalid", "true");

  await input.fill("ada.eth");
  await expect(error).toContainText("ENS names are not supported");
  await input.press("Enter");
  await expect(error).toContainText("ENS names are not supported");
  await expect(input).toHaveValue("ada.eth");

  // A mixed-case address whose checksum does not match is a likely typo.
  const badChecksum = `0x${delegate.slice(2).replace(/[a-f]/, (c) => c.toUpperCase())}`;
  await input.fill(badChecksum);
  await expect(error).toContainText("checksum");
  await page.getByTestId("delegate-to-address").click();
  await expect(input).toHaveValue(badChecksum);

  await expect(page.getByTestId("transaction-status")).toBeHidden();
  expect(await chain.getBlockNumber()).toBe(blockBefore);
  expect(await delegateOf(chain, holder)).toBe(zeroAddress);

  // Corrected, the error goes and the address is shown checksummed.
  await input.fill(delegate.toLowerCase());
  await expect(error).toBeHidden();
  await expect(page.getByTestId("delegatee-checksummed")).toHaveText(delegate);
});

test("removing a delegation takes the tokens out of the delegate's votes: they then do not vote", async ({
  page,
  wallet,
  chain,
}) => {
  const [balance, before] = await Promise.all([balanceOf(chain, holder), votesOf(chain, delegate)]);
  await chain.impersonateAccount({ address: holder });
  await writeContract(chain, holder, { ...token, functionName: "delegate", args: [delegate] });
  expect(await votesOf(chain, delegate)).toBe(before + balance);
  await connectOnOverview(page, wallet);

  await expect(page.getByTestId("your-delegate")).toHaveText(shortAddress(delegate));
  await expect(page.getByTestId("remove-delegation-option")).toContainText("they then vote for no one");
  await expect(page.getByTestId("remove-delegation-preview").getByTestId("previous-delegate-power-change")).toHaveText(
    `Voting power of your current delegate ${shortAddress(delegate)}: ${plm(before + balance)} → ${plm(before)}`,
  );
  await page.getByTestId("remove-delegation").click();

  await expect(page.getByTestId("transaction-status")).toContainText("Your delegation was removed");
  await expect(page.getByTestId("your-delegate")).toHaveText("none");
  await expect(page.getByTestId("delegate-prompt")).toBeVisible();
  await expect(page.getByTestId("remove-delegation")).toBeHidden();
  expect(await delegateOf(chain, holder)).toBe(zeroAddress);
  expect(await votesOf(chain, delegate)).toBe(before);
});

test("a wallet on another chain is offered the switch, and then delegates", async ({ page, wallet, chain }) => {
  const balance = await balanceOf(chain, holder);
  await wallet.install(holder);
  await page.goto("/");
  await wallet.connect();
  await expect(page.getByTestId("delegate-self")).toBeVisible();
  // RainbowKit puts the wallet on the app's chain when it connects; the user then moves it in the wallet.
  await wallet.switchChain(1);

  const form = page.getByTestId("delegation-form");
  const switchButton = form.getByRole("button", { name: /^Switch wallet to / });
  await expect(switchButton).toBeVisible();
  await expect(form).toContainText("your wallet must be on");
  await expect(page.getByTestId("delegate-self")).toBeHidden();
  await expect(page.getByTestId("delegatee-input")).toBeHidden();
  await switchButton.click();

  await expect(switchButton).toBeHidden();
  await page.getByTestId("delegate-self").click();
  await expect(page.getByTestId("your-voting-power")).toHaveText(plm(balance));
  expect(await delegateOf(chain, holder)).toBe(holder);
  expect(await votesOf(chain, holder)).toBe(balance);
});
