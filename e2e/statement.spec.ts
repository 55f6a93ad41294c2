import type { Address } from "viem";
import { contracts } from "../lib/contracts";
import { statementContentHash } from "../lib/governance/delegates";
import { utf8Length } from "../lib/format";
import { draftStorageKey, formatCount } from "../lib/governance/statement-draft";
import { localRoles } from "../scripts/lib/accounts";
import { anvilAccount, type AnvilClient } from "../scripts/lib/chain";
import { expect, test } from "./fixtures";
import { latestStatement } from "./governance";

const { delegateStatements } = contracts;

async function statementOf(chain: AnvilClient, delegate: Address) {
  const [version, contentHash] = await chain.readContract({
    ...delegateStatements,
    functionName: "statementOf",
    args: [delegate],
  });
  return { version, contentHash };
}

test("a delegate updates their statement from their profile; the profile and the chain show the new version", async ({
  page,
  wallet,
  chain,
}) => {
  const lena = anvilAccount(localRoles.delegates[2]).address;
  const [before, published] = await Promise.all([statementOf(chain, lena), latestStatement(chain, lena)]);
  expect(before.version).toBeGreaterThan(0n);

  await wallet.install(lena);
  await page.goto(`/delegates/${lena}`);
  await expect(page.getByTestId("delegate-title")).toHaveText(published.displayName);
  // Not connected: nobody is known to own this profile, so there is no editor.
  await expect(page.getByTestId("statement-editor")).toHaveCount(0);
  await wallet.connect();

  const editor = page.getByTestId("statement-editor");
  await expect(editor.getByTestId("statement-editor-title")).toHaveText("Update your statement");
  await expect(editor.getByTestId("statement-name")).toHaveValue(published.displayName);
  await expect(editor.getByTestId("statement-text")).toHaveValue(published.statement);
  await expect(editor.getByTestId("statement-focus-area")).toHaveText(
    published.focusAreas.map((area) => new RegExp(area)),
  );
  await expect(editor.getByTestId("statement-publish")).toBeDisabled();

  const name = "Lena Fischer · safety";
  const text = [
    "## How I vote",
    "I review **every** publisher verification and read each model card.",
    "- Weights must match their hash",
    "- Licenses must allow serving",
  ].join("\n\n");
  const focusAreas = ["Model safety", "Data licensing", "Model cards"];

  await editor.getByTestId("statement-name").fill(name);
  await expect(editor.getByTestId("statement-name-bytes")).toHaveText(`${utf8Length(name)} / 64 bytes`);
  await editor.getByTestId("statement-text").fill(text);
  await expect(editor.getByTestId("statement-text-bytes")).toHaveText(`${utf8Length(text)} / 8,192 bytes`);
  const preview = editor.getByTestId("statement-preview");
  await expect(preview.getByRole("heading", { name: "How I vote" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("every");
  await expect(preview.getByRole("listitem")).toHaveText([
    "Weights must match their hash",
    "Licenses must allow serving",
  ]);

  await editor.getByRole("button", { name: "Remove Verified publishers" }).click();
  const suggested = editor.getByRole("group", { name: "Suggested focus areas" });
  await expect(suggested.getByRole("button", { name: "Model safety" })).toHaveAttribute("aria-pressed", "true");
  await suggested.getByRole("button", { name: "Data licensing" }).click();
  await editor.getByTestId("statement-tag").fill("  Model cards ");
  await editor.getByTestId("statement-tag").press("Enter");
  await expect(editor.getByTestId("statement-tag")).toHaveValue("");
  await expect(editor.getByTestId("statement-focus-area")).toHaveText(focusAreas.map((area) => new RegExp(area)));
  await expect(editor.getByTestId("statement-focus-count")).toHaveText("3 / 8");

  await expect(editor.getByTestId("statement-publish")).toHaveText("Update statement");
  await editor.getByTestId("statement-publish").click();
  await expect(editor.getByTestId("transaction-status")).toContainText("Statement updated");

  // The profile shows the new statement, checked against the chain.
  await expect(page.getByTestId("delegate-title")).toHaveText(name);
  const shown = page.getByTestId("delegate-statement");
  await expect(shown.getByRole("heading", { name: "How I vote" })).toBeVisible();
  await expect(shown.locator("strong")).toHaveText("every");
  await expect(shown.getByRole("listitem")).toHaveText([
    "Weights must match their hash",
    "Licenses must allow serving",
  ]);
  await expect(page.getByTestId("focus-area")).toHaveText(focusAreas);
  await expect(page.getByTestId("statement-check")).toHaveText(
    `Version ${before.version + 1n}: matches the hash recorded on chain`,
  );

  // The confirmation stays on screen while the profile reloads its reads.
  await expect(editor.getByTestId("transaction-status")).toContainText("Statement updated");

  // The chain agrees: one version more, with the hash of exactly what was typed.
  const after = await statementOf(chain, lena);
  expect(after.version).toBe(before.version + 1n);
  expect(after.contentHash).toBe(statementContentHash(name, text, focusAreas));
  const event = await latestStatement(chain, lena);
  expect(event).toMatchObject({ version: after.version, displayName: name, statement: text, focusAreas });

  // The editor starts again from the published version; the draft is gone.
  await expect(editor.getByTestId("statement-name")).toHaveValue(name);
  await expect(editor.getByTestId("statement-discard")).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), draftStorageKey(lena))).toBeNull();

  // Another delegate's profile has no editor for this wallet.
  const ada = anvilAccount(localRoles.delegates[0]).address;
  await page.goto(`/delegates/${ada}`);
  await expect(page.getByTestId("delegate-statement")).toBeVisible();
  await expect(page.getByRole("button", { name: `${lena.slice(0, 4)}…${lena.slice(-4)}` })).toBeVisible();
  await expect(page.getByTestId("statement-editor")).toHaveCount(0);
});

test("an account that never published keeps its draft across a reload until it discards it", async ({
  page,
  wallet,
  chain,
}) => {
  const holder = anvilAccount(localRoles.holders[7]).address;
  expect((await statementOf(chain, holder)).version).toBe(0n);
  await wallet.install(holder);
  await page.goto(`/delegates/${holder}`);
  await expect(page.getByTestId("delegate-no-activity")).toBeVisible();
  await wallet.connect();

  const editor = page.getByTestId("statement-editor");
  await expect(editor.getByTestId("statement-editor-title")).toHaveText("Publish your statement");
  await expect(editor.getByTestId("statement-name")).toHaveValue("");
  await expect(editor.getByTestId("statement-publish")).toBeDisabled();
  await expect(editor.getByText("Enter a display name.")).toBeVisible();

  const name = "Noor Haddad";
  const text = "I price **GPU hours** for a living.\n\nI vote for transparent fees.";
  await editor.getByTestId("statement-name").fill(name);
  await editor.getByTestId("statement-text").fill(text);
  await editor.getByRole("group", { name: "Suggested focus areas" }).getByRole("button", { name: "Treasury" }).click();
  await editor.getByTestId("statement-tag").fill("Compute credits");
  await editor.getByTestId("statement-tag-add").click();
  await expect(editor.getByTestId("statement-draft-saved")).toBeVisible();
  await expect(editor.getByTestId("statement-publish")).toBeEnabled();
  await expect(editor.getByTestId("statement-publish")).toHaveText("Publish statement");

  await page.reload();
  await expect(editor.getByTestId("statement-draft-restored")).toBeVisible();
  await expect(editor.getByTestId("statement-name")).toHaveValue(name);
  await expect(editor.getByTestId("statement-text")).toHaveValue(text);
  await expect(editor.getByTestId("statement-preview").locator("strong")).toHaveText("GPU hours");
  await expect(editor.getByTestId("statement-focus-area")).toHaveText([/Treasury/, /Compute credits/]);
  await expect(editor.getByTestId("statement-publish")).toBeEnabled();
  const stored = await page.evaluate((key) => localStorage.getItem(key), draftStorageKey(holder));
  expect(JSON.parse(stored!)).toEqual({
    displayName: name,
    statement: text,
    focusAreas: ["Treasury", "Compute credits"],
  });

  // Discarding forgets it, across a reload too.
  await editor.getByTestId("statement-discard").click();
  await expect(editor.getByTestId("statement-name")).toHaveValue("");
  await expect(editor.getByTestId("statement-discard")).toHaveCount(0);
  await page.reload();
  await expect(editor.getByTestId("statement-editor-title")).toHaveText("Publish your statement");
  await expect(editor.getByTestId("statement-name")).toHaveValue("");
  await expect(editor.getByTestId("statement-draft-restored")).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), draftStorageKey(holder))).toBeNull();
  expect((await statementOf(chain, holder)).version).toBe(0n);
});

test("a statement over 8,192 bytes of multi-byte characters is refused before sending", async ({
  page,
  wallet,
  chain,
}) => {
  const tomas = anvilAccount(localRoles.delegates[3]).address;
  const [before, blockBefore] = await Promise.all([statementOf(chain, tomas), chain.getBlockNumber()]);
  // 2,731 characters, 8,193 bytes: a character count would let it through, the contract would not.
  const tooLong = "€".repeat(2731);
  expect(tooLong.length).toBeLessThan(8192);
  expect(utf8Length(tooLong)).toBe(8193);

  await wallet.install(tomas);
  await page.goto(`/delegates/${tomas}`);
  await wallet.connect();
  const editor = page.getByTestId("statement-editor");
  await editor.getByTestId("statement-text").fill(tooLong);

  await expect(editor.getByTestId("statement-text-bytes")).toHaveText("8,193 / 8,192 bytes");
  await expect(editor.getByTestId("statement-problem")).toHaveText(
    /The statement is 8,193 bytes; the limit is 8,192 bytes.*Shorten it by 1 byte\./,
  );
  const publish = editor.getByTestId("statement-publish");
  await expect(publish).toBeDisabled();
  await expect(editor.getByText(/^The statement is 8,193 bytes; the limit is 8,192 bytes/)).toHaveCount(2);

  // A display name over 64 bytes (33 two-byte letters) is refused the same way.
  await editor.getByTestId("statement-name").fill("é".repeat(33));
  await expect(editor.getByTestId("statement-name-bytes")).toHaveText("66 / 64 bytes");
  await expect(editor.getByText("The display name is 66 bytes; the limit is 64 bytes.")).toHaveCount(2);
  await expect(publish).toBeDisabled();

  // One character less fits.
  await editor.getByTestId("statement-name").fill("é".repeat(32));
  const fits = "€".repeat(2730);
  await editor.getByTestId("statement-text").fill(fits);
  await expect(editor.getByTestId("statement-text-bytes")).toHaveText(`${formatCount(utf8Length(fits))} / 8,192 bytes`);
  await expect(editor.getByTestId("statement-problem")).toHaveCount(0);
  await expect(publish).toBeEnabled();

  // Nothing was sent.
  expect(await chain.getBlockNumber()).toBe(blockBefore);
  expect(await statementOf(chain, tomas)).toEqual(before);
});

test("rejecting in the wallet sends nothing and keeps the draft", async ({ page, wallet, chain }) => {
  const mei = anvilAccount(localRoles.delegates[4]).address;
  const before = await statementOf(chain, mei);
  await wallet.install(mei);
  await page.goto(`/delegates/${mei}`);
  await wallet.connect();

  const editor = page.getByTestId("statement-editor");
  const text = "I changed my mind on **slashing**.";
  await editor.getByTestId("statement-text").fill(text);
  await editor
    .getByRole("group", { name: "Suggested focus areas" })
    .getByRole("button", { name: "Protocol upgrades" })
    .click();
  await expect(editor.getByTestId("statement-publish")).toBeEnabled();

  await wallet.rejectNextRequest();
  await editor.getByTestId("statement-publish").click();
  await expect(editor.getByTestId("transaction-status")).toHaveText("Cancelled in the wallet. Nothing was sent.");
  await expect(editor.getByTestId("statement-text")).toHaveValue(text);
  await expect(editor.getByTestId("statement-focus-area").filter({ hasText: "Protocol upgrades" })).toBeVisible();
  await expect(editor.getByTestId("statement-publish")).toBeEnabled();
  expect(await statementOf(chain, mei)).toEqual(before);

  await page.reload();
  await expect(editor.getByTestId("statement-draft-restored")).toBeVisible();
  await expect(editor.getByTestId("statement-text")).toHaveValue(text);
  await expect(editor.getByTestId("statement-focus-area").filter({ hasText: "Protocol upgrades" })).toBeVisible();
});
