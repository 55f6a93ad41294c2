import { getAbiItem, toFunctionSelector } from "viem";
import { contracts } from "../lib/contracts";
import { formatTokens } from "../lib/format";
import { localRoles } from "../scripts/lib/accounts";
import { expect, test } from "./fixtures";
import { address, openProposalAs, proposeParameterChange, seededActiveProposal } from "./governance";
import { vote } from "./vote-panel";

const { governor } = contracts;
const [adaIndex, raviIndex, lenaIndex, tomasIndex] = localRoles.delegates;
const ada = address(adaIndex);

test("three delegates vote For, Against and Abstain with reasons; the totals and voters move; a second vote is refused", async ({
  chain,
  openAs,
  governance,
}) => {
  const id = await proposeParameterChange(chain, tomasIndex, {
    title: "Raise the maximum latency to 650 ms",
    key: "maxLatency",
    value: 650n,
  });
  const snapshot = await chain.readContract({ ...governor, functionName: "proposalSnapshot", args: [id] });
  await governance.waitForSnapshot(id);

  const ballots = [
    { index: adaIndex, support: "For", reason: "Our fleet meets **650 ms** with room to spare." },
    { index: raviIndex, support: "Against", reason: "Vision users need tighter latency, not looser." },
    { index: lenaIndex, support: "Abstain", reason: "No data yet; abstaining to help quorum." },
  ] as const;
  for (const ballot of ballots) {
    const voter = address(ballot.index);
    const page = await openAs(voter, `/proposals/${id}`);
    const power = await chain.readContract({ ...governor, functionName: "getVotes", args: [voter, snapshot] });
    await expect(page.getByTestId("vote-power")).toHaveText(`${formatTokens(power)} PLM`);
    await vote(page, ballot.support, ballot.reason);
    await expect(page.getByTestId("your-vote")).toContainText(
      `You voted ${ballot.support} with ${formatTokens(power)} PLM`,
    );
    await expect(page.getByTestId("transaction-status")).toContainText("Your vote was counted");
    const row = page.locator(`[data-testid="voter"][data-voter="${voter}"]`);
    await expect(row.getByTestId("voter-reason")).toContainText(ballot.reason.replaceAll("**", ""));
    expect(await chain.readContract({ ...governor, functionName: "hasVoted", args: [id, voter] })).toBe(true);
  }

  const [against, forVotes, abstain] = await chain.readContract({
    ...governor,
    functionName: "proposalVotes",
    args: [id],
  });
  const page = await openAs(ada, `/proposals/${id}`);
  await expect(page.getByTestId("votes-for")).toHaveText(`${formatTokens(forVotes)} PLM`);
  await expect(page.getByTestId("votes-against")).toHaveText(`${formatTokens(against)} PLM`);
  await expect(page.getByTestId("votes-abstain")).toHaveText(`${formatTokens(abstain)} PLM`);
  // Ada comes back: her vote is shown as final and there is nothing to click.
  await expect(page.getByTestId("your-vote")).toContainText("A vote is final");
  await expect(page.getByTestId("cast-vote")).toHaveCount(0);
});

test("a vote on a proposal that closed while the page was open is refused by name before the wallet opens", async ({
  page,
  wallet,
  chain,
  governance,
}) => {
  const id = await seededActiveProposal(chain);
  await openProposalAs(page, wallet, ada, id);
  await expect(page.getByTestId("vote-panel")).toBeVisible();

  await governance.waitForDeadline(id);
  await vote(page, "For", "Late, but here.");

  const alert = page.getByTestId("transaction-status");
  await expect(alert).toContainText("this needs it to be Active. (GovernorUnexpectedProposalState)");
  await expect(alert).toContainText("Nothing was sent.");
  expect(await chain.readContract({ ...governor, functionName: "hasVoted", args: [id, ada] })).toBe(false);
});

test("a vote rejected in the wallet is cancelled calmly, and the reason typed survives a reload", async ({
  page,
  wallet,
  chain,
}) => {
  const id = await seededActiveProposal(chain);
  await openProposalAs(page, wallet, ada, id);
  const reason = "The subsidy needs a sunset clause first.";
  await wallet.rejectNextRequest();
  await vote(page, "Against", reason);

  await expect(page.getByTestId("transaction-status")).toHaveText("Cancelled in the wallet. Nothing was sent.");
  await expect(page.getByTestId("vote-panel").getByRole("textbox")).toHaveValue(reason);
  expect(await chain.readContract({ ...governor, functionName: "hasVoted", args: [id, ada] })).toBe(false);

  await page.reload();
  await expect(page.getByTestId("vote-panel").getByRole("textbox")).toHaveValue(reason);
  await expect(page.getByTestId("vote-panel").getByRole("radio", { name: "Against" })).toBeChecked();
  await expect(page.getByTestId("reason-length")).toHaveText(`${reason.length} / 2,000 characters`);
});

test("a reason over the limit keeps the vote button disabled and says why", async ({ page, wallet, chain }) => {
  const id = await seededActiveProposal(chain);
  await openProposalAs(page, wallet, ada, id);
  const panel = page.getByTestId("vote-panel");
  await panel.getByText("For", { exact: true }).click();
  await panel.getByRole("textbox").fill("x".repeat(2_001));
  await expect(panel.getByTestId("cast-vote")).toBeDisabled();
  await expect(panel).toContainText("The reason is 2,001 characters; the limit is 2,000.");
});

test("when the RPC fails the check before a vote, the page says nothing was sent", async ({ page, wallet, chain }) => {
  const id = await seededActiveProposal(chain);
  await openProposalAs(page, wallet, ada, id);
  const panel = page.getByTestId("vote-panel");
  await panel.getByText("For", { exact: true }).click();
  await panel.getByRole("textbox").fill("Sent through a flaky connection.");

  // Only the check of this vote fails (the page's own reads keep working, so the vote panel stays): it is the
  // one RPC request that carries the vote's calldata.
  const castVoteWithReason = toFunctionSelector(getAbiItem({ abi: governor.abi, name: "castVoteWithReason" }));
  await page.route(process.env.PLENUM_E2E_RPC_URL!, (route) =>
    route.request().postData()?.includes(castVoteWithReason) ? route.abort("connectionrefused") : route.continue(),
  );
  await panel.getByTestId("cast-vote").click();
  await expect(page.getByTestId("transaction-status")).toContainText("Nothing was sent.");
  expect(await chain.readContract({ ...governor, functionName: "hasVoted", args: [id, ada] })).toBe(false);
});

test("when the RPC dies right after the wallet sent a vote, the page says it was sent", async ({
  page,
  wallet,
  chain,
}) => {
  const id = await seededActiveProposal(chain);
  await openProposalAs(page, wallet, ada, id);
  let sent = false;
  await page.route(process.env.PLENUM_E2E_RPC_URL!, async (route) => {
    if (sent) return route.abort("connectionrefused");
    if (route.request().postData()?.includes('"eth_sendTransaction"')) sent = true;
    return route.continue();
  });
  await vote(page, "For", "Sent through a flaky connection.");
  await expect(page.getByTestId("transaction-status")).toContainText("The transaction was sent, but its receipt");
  expect(await chain.readContract({ ...governor, functionName: "hasVoted", args: [id, ada] })).toBe(true);
});

test("a double click on the vote button sends one transaction", async ({ page, wallet, chain }) => {
  const id = await seededActiveProposal(chain);
  await openProposalAs(page, wallet, ada, id);
  const nonce = await chain.getTransactionCount({ address: ada });
  const panel = page.getByTestId("vote-panel");
  await panel.getByText("Abstain", { exact: true }).click();
  await panel.getByTestId("cast-vote").dblclick();
  await expect(page.getByTestId("your-vote")).toContainText("You voted Abstain");
  expect(await chain.getTransactionCount({ address: ada })).toBe(nonce + 1);
});
