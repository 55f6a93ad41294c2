import type { Page } from "@playwright/test";
import { parseEther, type Address } from "viem";
import { contracts } from "../lib/contracts";
import { formatTimestamp, formatTokens } from "../lib/format";
import { localRoles } from "../scripts/lib/accounts";
import { anvilAccount, writeContract, type AnvilClient } from "../scripts/lib/chain";
import { expect, test } from "./fixtures";
import { address, disputeEvidence, openProposalAs, undisputedQueuedProposal } from "./governance";

const { disputeModule, governor, token } = contracts;

function bond(chain: AnvilClient) {
  return chain.readContract({ ...disputeModule, functionName: "bond" });
}

function balanceOf(chain: AnvilClient, account: Address) {
  return chain.readContract({ ...token, functionName: "balanceOf", args: [account] });
}

async function openChallengeFormAs(
  page: Page,
  wallet: Parameters<typeof openProposalAs>[1],
  account: Address,
  id: bigint,
) {
  await openProposalAs(page, wallet, account, id);
  return page.getByTestId("file-dispute");
}

test("a holder approves the bond and files a dispute; the page shows the open dispute and the frozen execution", async ({
  page,
  wallet,
  chain,
}) => {
  const id = await undisputedQueuedProposal(chain);
  const holder = address(localRoles.holders[1]);
  const [required, balanceBefore, nonceBefore] = await Promise.all([
    bond(chain),
    balanceOf(chain, holder),
    chain.getTransactionCount({ address: holder }),
  ]);
  const eta = await chain.readContract({ ...governor, functionName: "proposalEta", args: [id] });

  const form = await openChallengeFormAs(page, wallet, holder, id);
  await expect(form.getByTestId("dispute-bond-required")).toHaveText(`${formatTokens(required)} PLM`);
  await expect(form.getByTestId("plm-balance")).toHaveText(`${formatTokens(balanceBefore)} PLM`);
  await expect(form.getByTestId("plm-allowance")).toHaveText("0 PLM");
  await expect(form.getByTestId("challenge-window")).toContainText(`Open until the ETA, ${formatTimestamp(eta)}, in `);
  await expect(form).toContainText("Execution is frozen until the panel rules");
  await expect(form.getByTestId("step-approve")).toContainText("Allow the dispute module to take the");
  await expect(form.getByTestId("file-dispute-button")).toBeDisabled();
  await expect(form).toContainText("Write the evidence for the panel first.");

  // Markdown with a live preview and a byte counter (é is two bytes); the draft survives a reload.
  const evidence =
    "Two thirds of providers is **not enough**: the 99.7% floor would push out the smaller fleets in the café region.";
  await form.getByTestId("evidence").fill(evidence);
  await expect(form.getByTestId("evidence-preview").locator("strong")).toHaveText("not enough");
  const bytes = new TextEncoder().encode(evidence).length;
  expect(bytes).toBe(evidence.length + 1);
  await expect(form.getByTestId("evidence-length")).toContainText(`${bytes} / 4,096 bytes`);
  await page.reload();
  await expect(page.getByTestId("evidence")).toHaveValue(evidence);

  await expect(page.getByTestId("file-dispute-button")).toHaveText("Approve bond and file dispute");
  await page.getByTestId("file-dispute-button").click();

  // The challenge form gives way to the dispute itself.
  const dispute = page.getByTestId("dispute");
  await expect(dispute.getByTestId("dispute-status")).toHaveText("Open: execution frozen");
  await expect(dispute.getByTestId("dispute-bond")).toHaveText(`${formatTokens(required)} PLM`);
  // The evidence is markdown: shown rendered, its emphasis as emphasis.
  const shown = dispute.getByTestId("dispute-evidence-item");
  await expect(shown).toHaveCount(1);
  await expect(shown.getByTestId("dispute-evidence-text")).toHaveText(evidence.replaceAll("**", ""));
  await expect(shown.getByTestId("dispute-evidence-text").locator("strong")).toHaveText("not enough");
  await expect(shown).toContainText("(filed the dispute)");
  await expect(page.getByTestId("challenge")).toHaveCount(0);
  await expect(page.getByTestId("disputed-mark")).toBeVisible();
  await expect(page.getByTestId("status")).toContainText("Execution is frozen while the dispute is open.");
  await expect(page.getByTestId("execute")).toBeDisabled();

  const disputeId = await chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [id] });
  expect(disputeId).not.toBe(0n);
  await expect(page.getByTestId("proposal-actions")).toContainText(`Frozen: dispute #${disputeId} is open`);
  const stored = await chain.readContract({ ...disputeModule, functionName: "getDispute", args: [disputeId] });
  expect(stored.challenger).toBe(holder);
  expect(await disputeEvidence(chain, disputeId)).toEqual([{ disputeId, author: holder, evidence }]);
  expect(await balanceOf(chain, holder)).toBe(balanceBefore - required);
  // Approve, then file: two transactions.
  expect(await chain.getTransactionCount({ address: holder })).toBe(nonceBefore + 2);

  // The draft was cleared with the filing.
  expect(await page.evaluate((key) => localStorage.getItem(key), `plenum:dispute-draft:${id}`)).toBeNull();
});

test("when the allowance already covers the bond, filing takes one transaction", async ({ page, wallet, chain }) => {
  const id = await undisputedQueuedProposal(chain);
  const index = localRoles.holders[2];
  const holder = address(index);
  const required = await bond(chain);
  await writeContract(chain, anvilAccount(index), {
    ...token,
    functionName: "approve",
    args: [disputeModule.address, required],
  });
  const [balanceBefore, nonceBefore] = await Promise.all([
    balanceOf(chain, holder),
    chain.getTransactionCount({ address: holder }),
  ]);

  const form = await openChallengeFormAs(page, wallet, holder, id);
  await expect(form.getByTestId("plm-allowance")).toHaveText(`${formatTokens(required)} PLM`);
  await expect(form.getByTestId("step-approve")).toContainText("Not needed: your allowance already covers");
  await form.getByTestId("evidence").fill("Uptime data for the last quarter is missing from the proposal.");
  await expect(form.getByTestId("file-dispute-button")).toHaveText("File dispute");
  await form.getByTestId("file-dispute-button").click();

  await expect(page.getByTestId("dispute").getByTestId("dispute-status")).toHaveText("Open: execution frozen");
  expect(await chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [id] })).not.toBe(0n);
  expect(await chain.getTransactionCount({ address: holder })).toBe(nonceBefore + 1);
  expect(await balanceOf(chain, holder)).toBe(balanceBefore - required);
});

test("after the ETA the page says the challenge window closed and sends nothing", async ({
  page,
  wallet,
  chain,
  governance,
}) => {
  const id = await undisputedQueuedProposal(chain);
  const holder = address(localRoles.holders[1]);
  const eta = await chain.readContract({ ...governor, functionName: "proposalEta", args: [id] });
  await governance.waitForEta(id);
  const nonceBefore = await chain.getTransactionCount({ address: holder });

  const form = await openChallengeFormAs(page, wallet, holder, id);
  await expect(form.getByTestId("challenge-window")).toHaveText(`Closed at the ETA, ${formatTimestamp(eta)}`);
  await form.getByTestId("evidence").fill("Too late, but on the record.");
  await expect(form).toContainText(`The challenge window closed at the ETA, ${formatTimestamp(eta)}`);
  await expect(form.getByTestId("file-dispute-button")).toBeDisabled();

  expect(await chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [id] })).toBe(0n);
  expect(await chain.getTransactionCount({ address: holder })).toBe(nonceBefore);
});

test("a holder whose balance is short of the bond is told so and sends nothing", async ({ page, wallet, chain }) => {
  const id = await undisputedQueuedProposal(chain);
  const index = localRoles.holders[3];
  const holder = address(index);
  const required = await bond(chain);
  const kept = parseEther("2500");
  await writeContract(chain, anvilAccount(index), {
    ...token,
    functionName: "transfer",
    args: [address(localRoles.holders[4]), (await balanceOf(chain, holder)) - kept],
  });
  const nonceBefore = await chain.getTransactionCount({ address: holder });

  const form = await openChallengeFormAs(page, wallet, holder, id);
  await expect(form.getByTestId("plm-balance")).toHaveText(`${formatTokens(kept)} PLM`);
  await form.getByTestId("evidence").fill("I cannot afford the bond, but the proposal is harmful.");
  await expect(form).toContainText(`You hold ${formatTokens(kept)} PLM; the bond is ${formatTokens(required)} PLM.`);
  await expect(form.getByTestId("file-dispute-button")).toBeDisabled();

  expect(await chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [id] })).toBe(0n);
  expect(await chain.getTransactionCount({ address: holder })).toBe(nonceBefore);
});

test("a balance that drops after the page loaded is refused by name before the wallet opens", async ({
  page,
  wallet,
  chain,
}) => {
  const id = await undisputedQueuedProposal(chain);
  const index = localRoles.holders[5];
  const holder = address(index);
  const account = anvilAccount(index);
  const required = await bond(chain);
  await writeContract(chain, account, { ...token, functionName: "approve", args: [disputeModule.address, required] });

  const form = await openChallengeFormAs(page, wallet, holder, id);
  await form.getByTestId("evidence").fill("The uptime floor ignores maintenance windows.");
  await expect(form.getByTestId("file-dispute-button")).toBeEnabled();
  // Another tool moves the PLM away while the page still shows the old balance.
  await writeContract(chain, account, {
    ...token,
    functionName: "transfer",
    args: [address(localRoles.holders[4]), await balanceOf(chain, holder)],
  });
  const nonceBefore = await chain.getTransactionCount({ address: holder });
  await form.getByTestId("file-dispute-button").click();

  const alert = form.getByTestId("step-file").getByTestId("transaction-status");
  await expect(alert).toContainText("(ERC20InsufficientBalance)");
  await expect(alert).toContainText("Nothing was sent.");
  expect(await chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [id] })).toBe(0n);
  expect(await chain.getTransactionCount({ address: holder })).toBe(nonceBefore);
});
