import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createPublicClient, encodeFunctionData, http, stringToHex } from "viem";
import { contracts } from "../lib/contracts";
import { formatTokens } from "../lib/format";
import type { PollExportJson } from "../lib/polls/api";
import { verifyPollExport } from "../lib/polls/verify";
import { localRoles } from "../scripts/lib/accounts";
import { expect, requiredEnv, test } from "./fixtures";
import { address } from "./governance";

const { governor, token, networkParameters } = contracts;
const ada = address(localRoles.delegates[0]);
const voters = [ada, address(localRoles.delegates[1]), address(localRoles.delegates[2])];

async function vote(page: Page, option: string, reason: string) {
  const form = page.getByTestId("poll-vote-form");
  await form.getByLabel(option, { exact: true }).check();
  await form.getByTestId("poll-reason").fill(reason);
  await form.getByTestId("poll-vote").click();
  await expect(form.getByTestId("signed-status")).toHaveText("Your vote is counted.");
  await expect(form.getByTestId("your-poll-vote")).toContainText(`You voted ${option} with`);
}

test("a draft becomes a temperature check, three holders vote without gas (one changes its mind), and the closed poll becomes an on-chain proposal linked both ways", async ({
  page,
  wallet,
  chain,
  openAs,
}) => {
  test.setTimeout(180_000);
  await wallet.install(ada);
  await page.goto("/proposals/new");
  await wallet.connect();
  await page.getByTestId("new-draft").click();
  await page.getByTestId("proposal-title").fill("Relax the maximum latency to 660 ms");
  await page.getByTestId("proposal-discussion").fill("https://forum.plenum.example/t/latency-660");
  await page.getByTestId("template-parameter-maxLatency").click();
  await page.getByTestId("template-form").getByTestId("field-value").fill("660");
  await page.getByTestId("template-form").getByTestId("add-step").click();
  await expect(page.getByTestId("draft-step")).toHaveCount(1);
  await expect(page.getByTestId("submit-proposal")).toBeEnabled();

  const ethBefore = await chain.getBalance({ address: ada });
  await page.getByTestId("poll-days").fill("2");
  await page.getByTestId("publish-poll").click();
  const published = page.getByTestId("draft-poll");
  await expect(published).toContainText("Relax the maximum latency to 660 ms");
  await expect(published.getByTestId("poll-state")).toHaveText("Open");
  // While the poll is open the proposal waits for it.
  await expect(page.getByText(/The temperature check is open until/)).toBeVisible();

  await published.getByRole("link").click();
  await page.waitForURL(/\/polls\/0x/);
  await expect(page.getByTestId("poll-title")).toHaveText("Relax the maximum latency to 660 ms");
  const pollId = new URL(page.url()).pathname.split("/").pop() as `0x${string}`;
  await expect(page.getByTestId("poll-discussion")).toHaveAttribute(
    "href",
    "https://forum.plenum.example/t/latency-660",
  );
  await expect(page.getByTestId("action-summary")).toContainText("660");

  await vote(page, "For", "Latency budgets are too tight for the **new** GPU regions.");
  const ben = await openAs(voters[1], `/polls/${pollId}`);
  await vote(ben, "Against", "Users notice 660 ms.");
  const holder = await openAs(voters[2], `/polls/${pollId}`);
  await vote(holder, "Against", "Against at first.");
  await vote(holder, "Abstain", "Changed my mind: abstaining until the SLA data is in.");
  expect(await chain.getBalance({ address: ada })).toBe(ethBefore);

  // The weights are the token's getPastVotes at the poll's snapshot, the latest vote of each address counts.
  const view = await (await page.request.get(`/api/polls/${pollId}`)).json();
  const snapshot = BigInt(view.snapshot);
  const weights = await Promise.all(
    voters.map((voter) => chain.readContract({ ...token, functionName: "getPastVotes", args: [voter, snapshot] })),
  );
  await page.reload();
  const expected = { For: weights[0], Against: weights[1], Abstain: weights[2] };
  const rows = page.getByTestId("poll-option-result");
  for (const [index, [label, weight]] of Object.entries(expected).entries()) {
    await expect(rows.nth(index).getByTestId("poll-option-label")).toHaveText(label);
    await expect(rows.nth(index).getByTestId("poll-option-weight")).toHaveText(`${formatTokens(weight)} PLM`);
  }
  await expect(page.getByTestId("poll-voters")).toHaveText("3 voters");
  const voterRows = page.getByTestId("poll-voter");
  await expect(voterRows).toHaveCount(3);
  const holderRow = voterRows.filter({ hasText: voters[2] });
  await expect(holderRow.getByTestId("poll-voter-choice")).toHaveText("Abstain");
  await expect(holderRow.getByTestId("poll-voter-reason")).toHaveText(
    "Changed my mind: abstaining until the SLA data is in.",
  );
  await expect(holderRow.getByTestId("poll-voter-weight")).toHaveText(`${formatTokens(weights[2])} PLM`);

  // The export the page links to downloads as a file (streamed by the server) and re-verifies from the chain.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("poll-export").click()]);
  expect(download.suggestedFilename()).toBe(`poll-${pollId.slice(2, 14)}.json`);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8")) as PollExportJson;
  expect(exported.votes).toHaveLength(4);
  const reader = createPublicClient({ transport: http(requiredEnv("PLENUM_E2E_RPC_URL")) });
  const verified = await verifyPollExport(exported, reader, governor.address);
  expect(verified.result).toEqual(view.result);

  // Closed: the author submits the proposal from the same draft.
  const latest = await chain.getBlock();
  await chain.increaseTime({ seconds: Number(BigInt(view.end) - latest.timestamp) + 60 });
  await chain.mine({ blocks: 1 });
  await page.reload();
  await expect(page.getByTestId("poll-state")).toHaveText("Closed");
  await page.getByTestId("poll-open-draft").click();
  await expect(page.getByTestId("submit-proposal")).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId("submit-proposal").click();
  await page.waitForURL(/\/proposals\/\d+$/, { timeout: 60_000 });
  const proposalId = BigInt(new URL(page.url()).pathname.split("/").pop()!);

  const [targets, , calldatas] = await chain.readContract({
    ...governor,
    functionName: "proposalDetails",
    args: [proposalId],
  });
  expect(targets).toEqual([networkParameters.address]);
  expect(calldatas[0]).toBe(
    encodeFunctionData({
      abi: networkParameters.abi,
      functionName: "setParameter",
      args: [stringToHex("maxLatency", { size: 32 }), 660n],
    }),
  );
  const poll = page.getByTestId("proposal-poll");
  await expect(poll.getByTestId("proposal-poll-link")).toHaveAttribute("href", `/polls/${pollId}`);
  await expect(poll.getByTestId("poll-voters")).toHaveText("3 voters");
  await expect(page.getByTestId("description")).toContainText("Discussion: https://forum.plenum.example/t/latency-660");

  await poll.getByTestId("proposal-poll-link").click();
  await page.waitForURL(/\/polls\/0x/);
  await expect(page.getByTestId("poll-state")).toHaveText("Promoted");
  await expect(page.getByTestId("poll-proposal-link").getByRole("link")).toHaveAttribute(
    "href",
    `/proposals/${proposalId}`,
  );
  await page.goto("/proposals?view=checks&state=promoted");
  await expect(page.getByTestId("poll-row").filter({ hasText: "Relax the maximum latency to 660 ms" })).toHaveCount(1);
});

test("a vote the server refuses is explained by name and the ballot stays in the form", async ({
  page,
  wallet,
  openAs,
}) => {
  await wallet.install(ada);
  await page.goto("/proposals/new");
  await wallet.connect();
  await page.getByTestId("new-draft").click();
  await page.getByTestId("proposal-title").fill("Signal: should the DAO fund a latency study?");
  await page.getByTestId("publish-poll").click();
  await page.getByTestId("draft-poll").getByRole("link").click();
  await page.waitForURL(/\/polls\/0x/);
  const pollId = new URL(page.url()).pathname.split("/").pop()!;

  // An account that never held PLM: no voting power at the snapshot.
  const stranger = await openAs(address(30), `/polls/${pollId}`);
  const form = stranger.getByTestId("poll-vote-form");
  await form.getByLabel("For", { exact: true }).check();
  await form.getByTestId("poll-reason").fill("I have no tokens but an opinion.");
  await form.getByTestId("poll-vote").click();
  await expect(form.getByTestId("signed-error")).toContainText("had no voting power at the poll's snapshot");
  await expect(form.getByTestId("signed-error")).toContainText("(NoVotingPower)");
  await expect(form.getByTestId("poll-reason")).toHaveValue("I have no tokens but an opinion.");
  await expect(stranger.getByTestId("poll-voters")).toHaveText("0 voters");
});
