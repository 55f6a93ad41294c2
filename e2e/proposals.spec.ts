import { decodeFunctionData, parseEventLogs, type Hex } from "viem";
import { config } from "../lib/config";
import { contracts } from "../lib/contracts";
import { describeParameterChange, parameterKeyName } from "../lib/governance/actions";
import { proposalStateNames } from "../lib/governance/proposal-state";
import { operationStateNames } from "../lib/governance/timelock-operation";
import { formatDuration, formatTimestamp, formatTokens } from "../lib/format";
import type { AnvilClient } from "../scripts/lib/chain";
import { expect, test } from "./fixtures";
import { disputeEvidence } from "./governance";

const { governor, timelock, networkParameters, grantVesting, modelRegistry, disputeModule } = contracts;
const fromBlock = BigInt(config.deployment.deployBlock);

/** Every proposal the governor stores, with its description (from ProposalCreated) and state, read from the chain. */
async function chainProposals(chain: AnvilClient) {
  const count = await chain.readContract({ ...governor, functionName: "proposalCount" });
  const created = await chain.getContractEvents({ ...governor, eventName: "ProposalCreated", fromBlock, strict: true });
  return Promise.all(
    Array.from({ length: Number(count) }, async (_, index) => {
      const [id, targets, values, calldatas] = await chain.readContract({
        ...governor,
        functionName: "proposalDetailsAt",
        args: [BigInt(index)],
      });
      const state = await chain.readContract({ ...governor, functionName: "state", args: [id] });
      const description = created.find((event) => event.args.proposalId === id)?.args.description ?? "";
      return { id, targets, values, calldatas, description, state: proposalStateNames[state] };
    }),
  );
}

async function proposalTitled(chain: AnvilClient, title: string) {
  const proposal = (await chainProposals(chain)).find((p) => p.description.startsWith(`# ${title}`));
  if (!proposal) throw new Error(`The seed has no proposal titled "${title}"`);
  return proposal;
}

test("the list shows every proposal with the state the chain reports, newest first", async ({ page, chain }) => {
  const proposals = await chainProposals(chain);
  expect(proposals.length).toBeGreaterThanOrEqual(10);
  await page.goto("/proposals");
  const rows = page.getByTestId("proposal-row");
  await expect(rows).toHaveCount(proposals.length);
  for (const proposal of proposals) {
    const row = page.locator(`[data-proposal-id="${proposal.id}"]`);
    await expect(row.getByTestId("proposal-state")).toHaveText(proposal.state);
  }
  // Newest first: the first row is the last proposal the governor stored.
  await expect(rows.first()).toHaveAttribute("data-proposal-id", proposals.at(-1)!.id.toString());
  // Every seeded state is there.
  for (const state of ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Executed"]) {
    expect(proposals.some((proposal) => proposal.state === state)).toBe(true);
  }
});

test("the state filter and the search narrow the list and live in the URL", async ({ page, chain }) => {
  const proposals = await chainProposals(chain);
  const queued = proposals.filter((proposal) => proposal.state === "Queued");
  await page.goto("/proposals");
  await expect(page.getByTestId("proposal-row")).toHaveCount(proposals.length);

  await page
    .getByRole("group", { name: "Filter by state" })
    .getByRole("button", { name: /^Queued/ })
    .click();
  await expect(page).toHaveURL(/[?&]state=queued/);
  await expect(page.getByTestId("proposal-row")).toHaveCount(queued.length);
  for (const proposal of queued) await expect(page.locator(`[data-proposal-id="${proposal.id}"]`)).toBeVisible();

  // The search goes over descriptions too: "H200" appears only in the executed fee raise's summary.
  const h200 = proposals.filter((proposal) => proposal.description.toLowerCase().includes("h200"));
  expect(h200.length).toBe(1);
  await page.getByRole("group", { name: "Filter by state" }).getByRole("button", { name: /^All/ }).click();
  await page.getByLabel("Search proposals").fill("h200");
  await expect(page).toHaveURL(/[?&]q=h200/);
  await expect(page.getByTestId("proposal-row")).toHaveCount(1);
  await expect(page.locator(`[data-proposal-id="${h200[0].id}"]`)).toBeVisible();

  await page.getByLabel("Search proposals").fill("no proposal says this");
  await expect(page.getByText("No proposals match")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByTestId("proposal-row")).toHaveCount(proposals.length);

  // A shared link opens with its filter applied.
  await page.goto("/proposals?state=executed");
  const executed = proposals.filter((proposal) => proposal.state === "Executed");
  await expect(page.getByTestId("proposal-row")).toHaveCount(executed.length);
  await expect(page.getByRole("button", { name: /^Executed/ })).toHaveAttribute("aria-pressed", "true");
});

test("the executed inference-fee proposal shows its parameter change, from the value it replaced", async ({
  page,
  chain,
}) => {
  const proposal = await proposalTitled(chain, "Raise the inference fee to 0.25");
  expect(proposal.state).toBe("Executed");
  const call = decodeFunctionData({ abi: networkParameters.abi, data: proposal.calldatas[0] });
  if (call.functionName !== "setParameter") throw new Error(`expected setParameter, got ${call.functionName}`);
  const [key, newValue] = call.args;
  // The value it replaced: the ParameterChanged event of the execution transaction.
  const executed = await chain.getContractEvents({
    ...governor,
    eventName: "ProposalExecuted",
    fromBlock,
    strict: true,
  });
  const execution = executed.find((event) => event.args.proposalId === proposal.id);
  const receipt = await chain.getTransactionReceipt({ hash: execution!.transactionHash });
  const [change] = parseEventLogs({ abi: networkParameters.abi, eventName: "ParameterChanged", logs: receipt.logs });
  const info = await chain.readContract({ ...networkParameters, functionName: "parameterInfo", args: [key] });
  expect(change.args.newValue).toBe(newValue);

  await page.goto(`/proposals/${proposal.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Raise the inference fee to 0.25 PLM per 1k tokens");
  await expect(page.getByTestId("action-summary")).toHaveText(
    describeParameterChange(parameterKeyName(key), newValue, info, change.args.oldValue),
  );
  // The markdown body renders its sections as headings.
  await expect(page.getByTestId("description").getByRole("heading", { name: "Technical specification" })).toBeVisible();
  // Raw calldata on demand.
  await expect(page.getByTestId("raw-calldata")).toBeHidden();
  await page.getByText("Raw call").click();
  await expect(page.getByTestId("raw-calldata")).toHaveText(proposal.calldatas[0]);
  // The timeline shows when it executed.
  const block = await chain.getBlock({ blockNumber: execution!.blockNumber });
  await expect(page.getByTestId("milestone-executed")).toContainText(formatTimestamp(block.timestamp));
  await expect(page.getByTestId("timelock-operation-state")).toHaveText("Done");
});

test("the grant proposal shows the decoded grant", async ({ page, chain }) => {
  const proposal = await proposalTitled(chain, "Grant: train Lumen-7B");
  const index = proposal.targets.findIndex((target) => target === grantVesting.address);
  const call = decodeFunctionData({ abi: grantVesting.abi, data: proposal.calldatas[index] });
  if (call.functionName !== "createGrant") throw new Error(`expected createGrant, got ${call.functionName}`);
  const [beneficiary, amount, start, cliff, duration, memo] = call.args;
  // The grant the execution created on chain is the one the page describes.
  const grant = await chain.readContract({ ...grantVesting, functionName: "getGrant", args: [1n] });
  expect(grant.beneficiary).toBe(beneficiary);
  expect(grant.amount).toBe(amount);

  await page.goto(`/proposals/${proposal.id}`);
  const action = page.getByTestId("action").nth(index);
  await expect(action.getByTestId("action-summary")).toHaveText(
    `Grant ${formatTokens(amount)} PLM to ${beneficiary}, vesting over ${formatDuration(duration)} from ` +
      `${formatTimestamp(start)} with a ${formatDuration(cliff)} cliff: "${memo}"`,
  );
  await expect(action.getByText(`${formatTokens(amount)} PLM`, { exact: true })).toBeVisible();
  // The approval that funds it, from the treasury.
  await expect(page.getByTestId("action-summary").first()).toHaveText(
    `Approve GrantVesting to spend ${formatTokens(amount)} PLM from the treasury`,
  );
});

test("the publisher-verification proposal shows each decoded setPublisher", async ({ page, chain }) => {
  const proposal = await proposalTitled(chain, "Verify three model publishers");
  const publishers = proposal.calldatas.flatMap((data: Hex, i) => {
    if (proposal.targets[i] !== modelRegistry.address) return [];
    const call = decodeFunctionData({ abi: modelRegistry.abi, data });
    return call.functionName === "setPublisher" ? [call.args] : [];
  });
  expect(publishers.length).toBe(3);

  await page.goto(`/proposals/${proposal.id}`);
  for (const [address, verified, name] of publishers) {
    expect(verified).toBe(true);
    const info = await chain.readContract({ ...modelRegistry, functionName: "publisherInfo", args: [address] });
    expect(info.verified).toBe(true);
    await expect(
      page.getByTestId("action-summary").filter({ hasText: `Verify model publisher "${name}" (${address})` }),
    ).toBeVisible();
  }
  await expect(page.getByTestId("action-summary").last()).toContainText("Fund the dispute reward pool with");
});

test("the disputed proposal shows its dispute: bond, evidence, rulings with reasons", async ({ page, chain }) => {
  const proposals = await chainProposals(chain);
  const disputeIds = await Promise.all(
    proposals.map((p) => chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [p.id] })),
  );
  const index = disputeIds.findIndex((id) => id !== 0n);
  const proposal = proposals[index];
  const dispute = await chain.readContract({ ...disputeModule, functionName: "getDispute", args: [disputeIds[index]] });
  const rulings = await chain.getContractEvents({
    ...disputeModule,
    eventName: "RulingCast",
    args: { disputeId: disputeIds[index] },
    fromBlock,
    strict: true,
  });
  expect(rulings.length).toBeGreaterThan(0);

  await page.goto("/proposals");
  await expect(page.locator(`[data-proposal-id="${proposal.id}"]`).getByTestId("disputed-mark")).toBeVisible();

  await page.goto(`/proposals/${proposal.id}`);
  const panel = page.getByTestId("dispute");
  await expect(panel.getByTestId("dispute-status")).toContainText("Open");
  await expect(panel.getByTestId("dispute-bond")).toHaveText(`${formatTokens(dispute.bond)} PLM`);
  const evidence = await disputeEvidence(chain, disputeIds[index]);
  await expect(panel.getByTestId("dispute-evidence-text")).toHaveText(evidence.map((item) => item.evidence));
  await expect(panel.getByTestId("dispute-deadline")).toContainText(formatTimestamp(dispute.deadline));
  for (const ruling of rulings) {
    await expect(panel.getByTestId("ruling-reason").filter({ hasText: ruling.args.reason })).toBeVisible();
  }
  await expect(page.getByText("Execution is frozen while the dispute is open.")).toBeVisible();

  // The timelock operation is the one the queue transaction scheduled (CallScheduled), and it waits.
  const queued = await chain.getContractEvents({ ...governor, eventName: "ProposalQueued", fromBlock, strict: true });
  const queueTx = queued.find((event) => event.args.proposalId === proposal.id)!.transactionHash;
  const receipt = await chain.getTransactionReceipt({ hash: queueTx });
  const [scheduled] = parseEventLogs({ abi: timelock.abi, eventName: "CallScheduled", logs: receipt.logs });
  await expect(page.getByTestId("timelock-operation-id")).toHaveText(scheduled.args.id);
  const operationState = await chain.readContract({
    ...timelock,
    functionName: "getOperationState",
    args: [scheduled.args.id],
  });
  await expect(page.getByTestId("timelock-operation-state")).toHaveText(operationStateNames[operationState]);
});

test("the active proposal shows its voters with reasons and the totals proposalVotes reports", async ({
  page,
  chain,
}) => {
  const proposal = (await chainProposals(chain)).find((p) => p.state === "Active")!;
  const [against, forVotes, abstain] = await chain.readContract({
    ...governor,
    functionName: "proposalVotes",
    args: [proposal.id],
  });
  const votes = (await chain.getContractEvents({ ...governor, eventName: "VoteCast", fromBlock, strict: true })).filter(
    (event) => event.args.proposalId === proposal.id,
  );
  expect(votes.length).toBeGreaterThan(0);

  await page.goto(`/proposals/${proposal.id}`);
  await expect(page.getByTestId("votes-for")).toHaveText(`${formatTokens(forVotes)} PLM`);
  await expect(page.getByTestId("votes-against")).toHaveText(`${formatTokens(against)} PLM`);
  await expect(page.getByTestId("votes-abstain")).toHaveText(`${formatTokens(abstain)} PLM`);
  await expect(page.getByTestId("voter")).toHaveCount(votes.length);
  for (const { args } of votes) {
    const row = page.locator(`[data-testid="voter"][data-voter="${args.voter}"]`);
    await expect(row.getByTestId("voter-weight")).toHaveText(`${formatTokens(args.weight)} PLM`);
    await expect(row.getByTestId("voter-reason")).toHaveText(args.reason || "No reason given");
  }
  // Quorum at the snapshot, and a live countdown to the end of voting.
  const snapshot = await chain.readContract({ ...governor, functionName: "proposalSnapshot", args: [proposal.id] });
  const quorum = await chain.readContract({ ...governor, functionName: "quorum", args: [snapshot] });
  await expect(page.getByTestId("quorum")).toHaveText(formatTokens(quorum, 0));
  // The countdown to the end of voting is live: it changes while the page stays open.
  const countdown = page.getByTestId("countdown");
  await expect(countdown).toContainText("Voting ends in");
  const shown = await countdown.innerText();
  await expect(countdown).not.toHaveText(shown);
});

test("after the voting deadline passes on chain, the page shows the state the governor reports", async ({
  page,
  chain,
  governance,
}) => {
  const proposal = (await chainProposals(chain)).find((p) => p.state === "Active")!;
  const deadline = await chain.readContract({ ...governor, functionName: "proposalDeadline", args: [proposal.id] });
  await governance.waitForDeadline(proposal.id);
  const state =
    proposalStateNames[await chain.readContract({ ...governor, functionName: "state", args: [proposal.id] })];
  expect(state).not.toBe("Active");

  await page.goto(`/proposals/${proposal.id}`);
  await expect(page.getByTestId("proposal-state")).toHaveText(state);
  await expect(page.getByTestId("milestone-votingEnds")).toContainText(formatTimestamp(deadline));
  await expect(page.getByTestId("countdown")).toBeHidden();
});

test("an unknown proposal id and a malformed one show a not-found page", async ({ page, chain }) => {
  const unknownId = 123_456_789n;
  await expect(chain.readContract({ ...governor, functionName: "state", args: [unknownId] })).rejects.toThrow(
    /GovernorNonexistentProposal/,
  );
  await page.goto(`/proposals/${unknownId}`);
  await expect(page.getByRole("heading", { name: "Proposal not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to all proposals" }).click();
  await expect(page).toHaveURL(/\/proposals$/);
  await expect(page.getByTestId("proposal-row").first()).toBeVisible();

  const response = await page.goto("/proposals/not-a-number");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Proposal not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to all proposals" })).toBeVisible();
});
