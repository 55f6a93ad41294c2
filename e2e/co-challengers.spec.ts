import { encodeFunctionData } from "viem";
import { contracts } from "../lib/contracts";
import { formatTokens } from "../lib/format";
import { splitDescription } from "../lib/governance/proposal-text";
import { localRoles } from "../scripts/lib/accounts";
import { anvilAccount, writeContract, type AnvilClient } from "../scripts/lib/chain";
import { expect, test } from "./fixtures";
import { address, disputeEvidence } from "./governance";

const { disputeModule, governor, token } = contracts;
const FEE_TITLE = "Raise the inference fee to 1.50 PLM per 1k tokens";

async function seededDisputeId(chain: AnvilClient) {
  const created = await chain.getContractEvents({
    ...governor,
    eventName: "ProposalCreated",
    fromBlock: 0n,
    strict: true,
  });
  const proposalId = created.find(({ args }) => splitDescription(args.description).title === FEE_TITLE)!.args
    .proposalId;
  const disputeId = await chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [proposalId] });
  return { proposalId, disputeId };
}

test("a holder joins the open dispute with evidence, a bystander adds evidence without a bond, and the upheld dispute pays the three challengers equal shares", async ({
  chain,
  openAs,
}) => {
  const { proposalId, disputeId } = await seededDisputeId(chain);
  const { bond, challengerCount } = await chain.readContract({
    ...disputeModule,
    functionName: "getDispute",
    args: [disputeId],
  });
  expect(challengerCount).toBe(2);

  // A holder joins from the proposal page: approve the bond, then join with their evidence.
  const holder = address(localRoles.holders[5]);
  const page = await openAs(holder, `/proposals/${proposalId}`);
  const section = page.getByTestId("dispute");
  const submission = section.getByTestId("dispute-submission");
  const joinEvidence = "Our **own** volume fell 40% in a week at a similar price elsewhere.";
  await submission.getByTestId("evidence").fill(joinEvidence);
  await expect(submission.getByTestId("join-dispute")).toHaveText(`Approve bond and join (${formatTokens(bond)} PLM)`);
  await submission.getByTestId("join-dispute").click();
  await expect(section.getByTestId("transaction-status").filter({ hasText: "You joined the dispute" })).toBeVisible();
  await expect(section.getByTestId("dispute-challengers").locator(`[title="${holder}"]`)).toBeVisible();
  await expect(section.getByTestId("dispute-challengers")).toContainText(
    `3 × ${formatTokens(bond)} = ${formatTokens(3n * bond)} PLM bonded`,
  );
  const joined = section.getByTestId("dispute-evidence-item").last();
  await expect(joined).toContainText("(co-challenger)");
  await expect(joined.getByTestId("dispute-evidence-text").locator("strong")).toHaveText("own");
  expect(await chain.readContract({ ...disputeModule, functionName: "bondOf", args: [disputeId, holder] })).toBe(bond);
  // Now a challenger, the holder may add evidence but not join again.
  await expect(section.getByTestId("join-dispute")).toHaveCount(0);
  await expect(section.getByTestId("add-evidence")).toBeVisible();

  // A bystander adds evidence from the disputes page, without a bond.
  const bystander = address(localRoles.holders[6]);
  const other = await openAs(bystander, "/disputes");
  const card = other.locator(`[data-testid="dispute"][data-dispute-id="${disputeId}"]`);
  const bystanderEvidence = "Latency data from three regions: https://forum.plenum.example/t/latency";
  await card.getByTestId("dispute-submission").getByTestId("evidence").fill(bystanderEvidence);
  await card.getByTestId("add-evidence").click();
  await expect(card.getByTestId("transaction-status").filter({ hasText: "Evidence added" })).toBeVisible();
  await expect(card.getByTestId("dispute-evidence-item").last()).toContainText("(no bond)");
  expect(await chain.readContract({ ...disputeModule, functionName: "bondOf", args: [disputeId, bystander] })).toBe(0n);
  const evidence = await disputeEvidence(chain, disputeId);
  expect(evidence.slice(-2)).toEqual([
    { disputeId, author: holder, evidence: joinEvidence },
    { disputeId, author: bystander, evidence: bystanderEvidence },
  ]);

  // The second uphold decides it: each of the three challengers is owed the bond and a third of the reward.
  const [rewardAmount, rewardPool] = await Promise.all([
    chain.readContract({ ...disputeModule, functionName: "rewardAmount" }),
    chain.readContract({ ...disputeModule, functionName: "rewardPool" }),
  ]);
  const available = rewardAmount < rewardPool ? rewardAmount : rewardPool;
  const share = (available - (available % 3n)) / 3n;
  await writeContract(chain, anvilAccount(localRoles.panel[1]), {
    ...disputeModule,
    functionName: "castRuling",
    args: [disputeId, true, "Three challengers, consistent data: uphold."],
  });
  for (const index of [localRoles.holders[0], localRoles.holders[4], localRoles.holders[5]]) {
    expect(await chain.readContract({ ...disputeModule, functionName: "claimable", args: [address(index)] })).toBe(
      bond + share,
    );
  }
  await page.reload();
  await expect(page.getByTestId("dispute-outcome")).toContainText("Each of the 3 challengers, you included,");
  await expect(page.getByTestId("dispute-payout")).toHaveText(`${formatTokens(bond + share)} PLM`);
});

test("a proposal that only changes the panel cannot be disputed: the page says so and the chain refuses it by name", async ({
  chain,
  governance,
  openAs,
}) => {
  // Governance raises nothing but the panel's ruling quorum (to its current value): a panel call.
  const ada = anvilAccount(localRoles.delegates[0]);
  const quorum = await chain.readContract({ ...disputeModule, functionName: "rulingQuorum" });
  const calldata = encodeFunctionData({ abi: disputeModule.abi, functionName: "setRulingQuorum", args: [quorum] });
  const { id: proposalId } = await governance.propose(
    ada,
    [{ target: disputeModule.address, value: 0n, calldata }],
    "# Keep the panel's ruling quorum\n\nA panel call alone.",
  );
  expect(await chain.readContract({ ...governor, functionName: "isPanelProposal", args: [proposalId] })).toBe(true);
  await governance.waitForSnapshot(proposalId);
  for (const index of localRoles.delegates.slice(0, 3)) {
    await governance.vote(anvilAccount(index), proposalId, 1);
  }
  await governance.waitForDeadline(proposalId);
  await governance.queue(ada, proposalId);

  const holder = address(localRoles.holders[5]);
  const page = await openAs(holder, `/proposals/${proposalId}`);
  await expect(page.getByTestId("proposal-state")).toHaveText("Queued");
  await expect(page.getByTestId("not-disputable")).toContainText("it cannot be disputed");
  await expect(page.getByTestId("file-dispute-button")).toHaveCount(0);

  await writeContract(chain, anvilAccount(localRoles.holders[5]), {
    ...token,
    functionName: "approve",
    args: [disputeModule.address, await chain.readContract({ ...disputeModule, functionName: "bond" })],
  });
  await expect(
    chain.simulateContract({
      ...disputeModule,
      functionName: "fileDispute",
      args: [proposalId, "The panel would rather stay as it is."],
      account: holder,
    }),
  ).rejects.toThrow(/PanelConflicted/);
});
