import type { Page } from "@playwright/test";
import { contracts } from "../lib/contracts";
import { formatParameterValue, formatTokens } from "../lib/format";
import { ProposalState } from "../lib/governance/proposal-state";
import { localRoles } from "../scripts/lib/accounts";
import { expect, test } from "./fixtures";
import { address, proposalState, proposeParameterChange, readParameter } from "./governance";

const [adaIndex, raviIndex] = localRoles.delegates;

/** The dev panel moves anvil's clock to the proposal's next milestone, as a newcomer would. */
async function moveToNextMilestone(page: Page, id: bigint, milestone: string) {
  const toggle = page.getByRole("button", { name: "Dev panel" });
  await toggle.click();
  const panel = page.getByRole("complementary", { name: "Dev panel" });
  await panel.getByRole("combobox").selectOption(id.toString());
  await panel.getByRole("button", { name: `Move time to: ${milestone}` }).click();
  await expect(panel.getByRole("button", { name: /Move time to/ })).toBeEnabled();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
}

test("a proposal goes from delegation and vote to execution in the app, and the overview shows the new parameter", async ({
  page,
  wallet,
  chain,
  openAs,
}) => {
  // A holder who never delegated delegates to itself first: only power delegated before the snapshot votes.
  const holder = address(localRoles.holders[7]);
  const balance = await chain.readContract({ ...contracts.token, functionName: "balanceOf", args: [holder] });
  const holderPage = await openAs(holder, "/");
  await holderPage.getByTestId("delegate-self").click();
  await expect(holderPage.getByTestId("your-voting-power")).toHaveText(`${formatTokens(balance)} PLM`);

  const key = "maxLatency";
  const before = await readParameter(chain, key);
  const target = before + 50n;
  const id = await proposeParameterChange(chain, adaIndex, {
    title: `Set the maximum latency to ${target} ms`,
    key,
    value: target,
  });

  await wallet.install(address(adaIndex));
  await page.goto(`/proposals/${id}`);
  await wallet.connect();
  await expect(page.getByTestId("proposal-state")).toHaveText("Pending");
  await moveToNextMilestone(page, id, "voting starts");
  await expect(page.getByTestId("proposal-state")).toHaveText("Active");

  const panel = page.getByTestId("vote-panel");
  await panel.getByText("For", { exact: true }).click();
  await panel.getByTestId("cast-vote").click();
  await expect(page.getByTestId("your-vote")).toBeVisible();
  const ravi = await openAs(address(raviIndex), `/proposals/${id}`);
  await ravi.getByTestId("vote-panel").getByText("For", { exact: true }).click();
  await ravi.getByTestId("cast-vote").click();
  await expect(ravi.getByTestId("your-vote")).toBeVisible();
  await holderPage.goto(`/proposals/${id}`);
  await expect(holderPage.getByTestId("vote-power")).toHaveText(`${formatTokens(balance)} PLM`);
  await holderPage.getByTestId("vote-panel").getByText("For", { exact: true }).click();
  await holderPage.getByTestId("cast-vote").click();
  await expect(holderPage.getByTestId("your-vote")).toBeVisible();

  await moveToNextMilestone(page, id, "voting ends");
  await expect(page.getByTestId("proposal-state")).toHaveText("Succeeded");
  await page.getByTestId("queue").click();
  await expect(page.getByTestId("proposal-state")).toHaveText("Queued");
  expect(await proposalState(chain, id)).toBe(ProposalState.Queued);

  // Before the ETA the execute button is disabled and says when it opens.
  await expect(page.getByTestId("execute")).toBeDisabled();
  await expect(page.getByTestId("proposal-actions")).toContainText("Executable in");
  await moveToNextMilestone(page, id, "ETA");
  await expect(page.getByTestId("execute")).toBeEnabled();
  await page.getByTestId("execute").click();
  await expect(page.getByTestId("proposal-state")).toHaveText("Executed");
  await expect(page.getByTestId("transaction-status").filter({ hasText: "Executed" })).toBeVisible();
  expect(await proposalState(chain, id)).toBe(ProposalState.Executed);
  expect(await readParameter(chain, key)).toBe(target);

  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByTestId(`parameter-${key}`).getByTestId("value")).toHaveText(
    formatParameterValue(target, "ms"),
  );
});

test("the proposer cancels a pending proposal; other accounts are not offered the button", async ({
  page,
  wallet,
  chain,
  openAs,
}) => {
  const id = await proposeParameterChange(chain, adaIndex, {
    title: "Set the maximum latency to 700 ms",
    key: "maxLatency",
    value: 700n,
  });
  const ravi = await openAs(address(raviIndex), `/proposals/${id}`);
  await expect(ravi.getByTestId("no-actions")).toContainText("Only the proposer (while pending) or the guardian");
  await expect(ravi.getByTestId("cancel-proposal")).toHaveCount(0);

  await wallet.install(address(adaIndex));
  await page.goto(`/proposals/${id}`);
  await wallet.connect();
  await page.getByRole("button", { name: "Cancel proposal" }).click();
  await expect(page.getByTestId("cancel-proposal")).toContainText("Canceling is final");
  await page.getByTestId("confirm-cancel").click();
  await expect(page.getByTestId("proposal-state")).toHaveText("Canceled");
  await expect(page.getByTestId("transaction-status")).toContainText("Proposal canceled");
  expect(await proposalState(chain, id)).toBe(ProposalState.Canceled);
});

test("the header shows the connected account's voting power, delegate and pending votes", async ({
  page,
  wallet,
  chain,
}) => {
  const ada = address(adaIndex);
  await wallet.install(ada);
  await page.goto("/delegates");
  await wallet.connect();
  const votes = await chain.readContract({ ...contracts.token, functionName: "getVotes", args: [ada] });
  const header = page.getByTestId("header-account");
  await expect(header.getByTestId("header-voting-power")).toHaveText(`${formatTokens(votes, 0)} PLM`);
  await expect(header.getByTestId("header-delegate")).toHaveText("delegate: self");
  // The seeded active proposal waits for Ada's vote: it is listed, and leads to the proposal.
  await header.getByTestId("header-pending").click();
  const pending = header.getByTestId("pending-action").filter({ hasText: "Vote:" });
  await expect(pending).toHaveCount(1);
  // With the time left to vote.
  await expect(pending).toContainText(/\d+s left$/);
  await pending.click();
  await expect(page.getByTestId("vote-panel")).toBeVisible();
});
