import type { Locator, Page } from "@playwright/test";
import { parseEther, type Address } from "viem";
import { contracts } from "../lib/contracts";
import { formatTokens } from "../lib/format";
import { disputeStatusNames } from "../lib/governance/dispute-status";
import { ProposalState } from "../lib/governance/proposal-state";
import { splitDescription } from "../lib/governance/proposal-text";
import { localRoles } from "../scripts/lib/accounts";
import { anvilAccount, writeContract, type AnvilClient } from "../scripts/lib/chain";
import { expect, test } from "./fixtures";
import { address, proposalState } from "./governance";

const { disputeModule, governor, timelock, token } = contracts;
const [expertA, expertB, expertC] = localRoles.panel;
const seededChallenger = localRoles.holders[0];
const seededCoChallenger = localRoles.holders[4];

const FEE_TITLE = "Raise the inference fee to 1.50 PLM per 1k tokens";
const UPTIME_TITLE = "Raise the minimum SLA uptime to 99.7%";

/** A seeded proposal's id, found by its title in the governor's events. */
async function proposalByTitle(chain: AnvilClient, title: string): Promise<bigint> {
  const created = await chain.getContractEvents({
    ...governor,
    eventName: "ProposalCreated",
    fromBlock: 0n,
    strict: true,
  });
  const log = created.find(({ args }) => splitDescription(args.description).title === title);
  if (!log) throw new Error(`The seed has no proposal titled "${title}"`);
  return log.args.proposalId;
}

function readDispute(chain: AnvilClient, id: bigint) {
  return chain.readContract({ ...disputeModule, functionName: "getDispute", args: [id] });
}

async function disputeStatus(chain: AnvilClient, id: bigint) {
  return disputeStatusNames[(await readDispute(chain, id)).status];
}

function claimable(chain: AnvilClient, account: Address) {
  return chain.readContract({ ...disputeModule, functionName: "claimable", args: [account] });
}

function balanceOf(chain: AnvilClient, account: Address) {
  return chain.readContract({ ...token, functionName: "balanceOf", args: [account] });
}

/** File a dispute from the script side, as another tool would: approve the bond, then file. Returns its id. */
async function fileDispute(chain: AnvilClient, challengerIndex: number, proposalId: bigint, evidence: string) {
  const challenger = anvilAccount(challengerIndex);
  const bond = await chain.readContract({ ...disputeModule, functionName: "bond" });
  await writeContract(chain, challenger, { ...token, functionName: "approve", args: [disputeModule.address, bond] });
  await writeContract(chain, challenger, {
    ...disputeModule,
    functionName: "fileDispute",
    args: [proposalId, evidence],
  });
  return chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [proposalId] });
}

/** Anvil's clock to one second past `timestamp`, in a new block. */
async function moveTimeTo(chain: AnvilClient, timestamp: bigint) {
  await chain.setNextBlockTimestamp({ timestamp: timestamp + 1n });
  await chain.mine({ blocks: 1 });
}

function disputeCard(page: Page, id: bigint): Locator {
  return page.locator(`[data-testid="dispute"][data-dispute-id="${id}"]`);
}

/** A panel member's ruling through the form: choose, give the reason, check the consequence, send. */
async function rule(actions: Locator, choice: "Uphold" | "Reject", reason: string, consequence: string) {
  const form = actions.getByTestId("ruling-form");
  await form.getByText(choice, { exact: true }).click();
  await form.getByRole("textbox").fill(reason);
  await expect(form.getByTestId("ruling-consequence")).toContainText(consequence);
  await form.getByTestId("cast-ruling").click();
  await expect(actions.getByTestId("transaction-status")).toContainText("Your ruling was recorded on chain");
}

test("an expert's uphold decides the seeded dispute: the proposal is canceled and each challenger withdraws bond + half the reward", async ({
  chain,
  openAs,
}) => {
  const proposalId = await proposalByTitle(chain, FEE_TITLE);
  const disputeId = await chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [proposalId] });
  const before = await readDispute(chain, disputeId);
  expect(disputeStatusNames[before.status]).toBe("Open");
  expect(before.upholdCount).toBe(1);
  const [rewardAmount, rewardPool] = await Promise.all([
    chain.readContract({ ...disputeModule, functionName: "rewardAmount" }),
    chain.readContract({ ...disputeModule, functionName: "rewardPool" }),
  ]);
  // Two challengers share the reward equally.
  expect(before.challengerCount).toBe(2);
  const payout = before.bond + (rewardAmount < rewardPool ? rewardAmount : rewardPool) / 2n;

  // The expert finds the case in their work list and follows it to the proposal.
  const expert = address(expertB);
  const page = await openAs(expert, "/disputes");
  // The header's inbox lists the ruling, with the time left to give it.
  await page.getByTestId("header-pending").click();
  const inboxRuling = page
    .getByTestId("pending-action")
    .filter({ hasText: `Rule: dispute ${disputeId} on ${FEE_TITLE}` });
  await expect(inboxRuling).toContainText(/\d+s left$/);
  await page.getByTestId("header-pending").click();
  const work = page.getByTestId("your-dispute-work");
  const awaiting = work.locator(`[data-testid="awaiting-ruling"][data-dispute-id="${disputeId}"]`);
  await expect(awaiting).toContainText(FEE_TITLE);
  await awaiting.getByRole("link", { name: FEE_TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`/proposals/${proposalId}$`));

  const section = page.getByTestId("dispute");
  const actions = section.getByTestId("dispute-actions");
  await expect(actions.getByTestId("ruling-countdown")).toHaveText(/\d+s$/);
  await expect(actions.getByTestId("ruling-reason-length")).toContainText("0 / 2,048 bytes");
  const reason = "The fee study is **credible**; a 6x rise without any demand data is reckless.";
  await rule(actions, "Uphold", reason, `the proposal is canceled through the governor`);

  // The outcome shows without a reload: the proposal is canceled, the dispute upheld, the ruling listed.
  await expect(page.getByTestId("proposal-state")).toHaveText("Canceled");
  await expect(section.getByTestId("dispute-status")).toHaveText("Upheld: proposal canceled");
  await expect(actions.getByTestId("dispute-outcome")).toContainText("Upheld.");
  await expect(actions.getByTestId("dispute-payout")).toHaveText(`${formatTokens(payout)} PLM`);
  await expect(actions.getByTestId("your-ruling-decision")).toHaveText("Uphold");
  await expect(actions.getByTestId("your-ruling-reason")).toHaveText(reason.replaceAll("**", ""));
  await expect(section.getByTestId("ruling-reason").filter({ hasText: "The fee study is" })).toBeVisible();
  await expect(actions.getByTestId("cast-ruling")).toHaveCount(0);
  expect(await proposalState(chain, proposalId)).toBe(ProposalState.Canceled);
  expect(await disputeStatus(chain, disputeId)).toBe("Upheld");

  // On the disputes page the card has changed too.
  await page.getByRole("link", { name: "Disputes", exact: true }).click();
  const card = disputeCard(page, disputeId);
  await expect(card.getByTestId("dispute-status")).toHaveText("Upheld");
  await expect(card.locator(`[data-testid="ruling"][data-expert="${expert}"]`)).toContainText("The fee study is");
  await expect(page.getByTestId("your-dispute-work")).toHaveCount(0);

  // The filer withdraws exactly the bond plus half the reward; the co-challenger is owed the same.
  const challenger = address(seededChallenger);
  expect(await claimable(chain, challenger)).toBe(payout);
  expect(await claimable(chain, address(seededCoChallenger))).toBe(payout);
  const balanceBefore = await balanceOf(chain, challenger);
  const challengerPage = await openAs(challenger, "/disputes");
  await challengerPage.getByTestId("header-pending").click();
  await expect(challengerPage.getByTestId("pending-action").filter({ hasText: "Withdraw:" })).toHaveText(
    `Withdraw: ${formatTokens(payout)} PLM of dispute payouts`,
  );
  await challengerPage.getByTestId("header-pending").click();
  const challengerWork = challengerPage.getByTestId("your-dispute-work");
  await expect(challengerWork.getByTestId("claimable-payout")).toHaveText(`${formatTokens(payout)} PLM`);
  await challengerWork.getByTestId("withdraw-payout").click();
  await expect(challengerWork.getByTestId("transaction-status")).toContainText(
    `${formatTokens(payout)} PLM withdrawn to your wallet`,
  );
  await expect(challengerWork.getByTestId("withdraw-payout")).toHaveCount(0);
  expect(await balanceOf(chain, challenger)).toBe(balanceBefore + payout);
  expect(await claimable(chain, challenger)).toBe(0n);
});

test("two experts reject a dispute: the freeze lifts, the bond goes to the treasury, and the proposal executes after its ETA", async ({
  page,
  wallet,
  chain,
  openAs,
  governance,
}) => {
  const proposalId = await proposalByTitle(chain, UPTIME_TITLE);
  const disputeId = await fileDispute(
    chain,
    localRoles.holders[1],
    proposalId,
    "Providers in two regions cannot meet 99.7% yet; they would be slashed within a month.",
  );
  const { bond } = await readDispute(chain, disputeId);
  const treasuryBefore = await balanceOf(chain, timelock.address);

  // The first expert: the draft survives a reload; the ruling counts, but does not decide.
  await wallet.install(address(expertA));
  await page.goto("/disputes");
  await wallet.connect();
  let actions = disputeCard(page, disputeId).getByTestId("dispute-actions");
  const firstReason = "Regional data shows 97% of providers meet 99.7%; the challenge overstates the risk.";
  await actions.getByTestId("ruling-form").getByText("Reject", { exact: true }).click();
  await actions.getByRole("textbox").fill(firstReason);
  await expect(actions.getByTestId("ruling-reason-length")).toContainText(`${firstReason.length} / 2,048 bytes`);
  await page.reload();
  actions = disputeCard(page, disputeId).getByTestId("dispute-actions");
  await expect(actions.getByRole("textbox")).toHaveValue(firstReason);
  await expect(actions.getByTestId("ruling-reason-length")).toContainText("draft restored");
  await expect(actions.getByTestId("ruling-consequence")).toContainText(
    "1 more reject ruling after yours lift the freeze",
  );
  await actions.getByTestId("cast-ruling").click();
  await expect(actions.getByTestId("transaction-status")).toContainText("Your ruling was recorded on chain");
  await expect(actions.getByTestId("your-ruling-decision")).toHaveText("Reject");
  await expect(actions.getByTestId("your-ruling-reason")).toHaveText(firstReason);
  const card = disputeCard(page, disputeId);
  await expect(card.getByTestId("dispute-tally")).toHaveText("0 uphold, 1 reject; 2 matching decide");
  await expect(card.locator(`[data-testid="ruling"][data-expert="${address(expertA)}"]`)).toContainText(firstReason);
  expect(await disputeStatus(chain, disputeId)).toBe("Open");

  // The second expert decides it.
  const second = await openAs(address(expertB), "/disputes");
  const secondActions = disputeCard(second, disputeId).getByTestId("dispute-actions");
  await rule(
    secondActions,
    "Reject",
    "Agree with the first ruling: the SLA change is sound.",
    `the bonds, ${formatTokens(bond)} PLM, go to the treasury`,
  );
  await expect(disputeCard(second, disputeId).getByTestId("dispute-status")).toHaveText("Rejected");
  await expect(secondActions.getByTestId("dispute-outcome")).toContainText("The freeze is lifted");
  expect(await disputeStatus(chain, disputeId)).toBe("Rejected");
  expect(await balanceOf(chain, timelock.address)).toBe(treasuryBefore + bond);

  // Past the ETA anyone executes it from the proposal page.
  await governance.waitForEta(proposalId);
  await second.goto(`/proposals/${proposalId}`);
  await expect(second.getByTestId("dispute").getByTestId("dispute-status")).toHaveText(
    "Rejected: bond to the treasury",
  );
  await expect(second.getByTestId("execute")).toBeEnabled();
  await second.getByTestId("execute").click();
  await expect(second.getByTestId("proposal-state")).toHaveText("Executed");
  expect(await proposalState(chain, proposalId)).toBe(ProposalState.Executed);
});

test("a dispute nobody rules on is resolved as timed out by any account; the bond is refunded and the idle experts are named", async ({
  chain,
  openAs,
}) => {
  const proposalId = await proposalByTitle(chain, UPTIME_TITLE);
  const challengerIndex = localRoles.holders[2];
  const challenger = address(challengerIndex);
  const disputeId = await fileDispute(chain, challengerIndex, proposalId, "The uptime data is from one region only.");
  const { bond, deadline } = await readDispute(chain, disputeId);
  expect(await claimable(chain, challenger)).toBe(0n);

  // Before the deadline a bystander has nothing to do on it.
  const bystander = await openAs(address(localRoles.holders[5]), "/disputes");
  let card = disputeCard(bystander, disputeId);
  await expect(card.getByTestId("dispute-status")).toHaveText("Open");
  await expect(card.getByTestId("ruling-unavailable")).toBeVisible();
  await expect(card.getByTestId("resolve-timeout")).toHaveCount(0);
  await expect(card.getByTestId("cast-ruling")).toHaveCount(0);

  await moveTimeTo(chain, deadline);
  await bystander.reload();
  card = disputeCard(bystander, disputeId);
  const panel = card.getByTestId("resolve-timeout-panel");
  await expect(panel).toContainText(`the bonds (1 × ${formatTokens(bond)} PLM) are refunded to the challengers`);
  await panel.getByTestId("resolve-timeout").click();
  await expect(card.getByTestId("transaction-status")).toContainText("Resolved as timed out");
  await expect(card.getByTestId("dispute-status")).toHaveText("Timed out");
  await expect(card.getByTestId("dispute-outcome")).toContainText("Timed out.");
  await expect(card.getByTestId("dispute-payout")).toHaveText(`${formatTokens(bond)} PLM`);
  expect(await disputeStatus(chain, disputeId)).toBe("TimedOut");
  expect(await claimable(chain, challenger)).toBe(bond);

  // Every expert sat on the panel through the dispute without ruling: recorded on chain, named on the card, and
  // counted on each member's panel profile.
  const idle = await chain.readContract({ ...disputeModule, functionName: "idleMembers", args: [disputeId] });
  expect(idle).toEqual([address(expertA), address(expertB), address(expertC)]);
  const idleShown = card.getByTestId("idle-members");
  for (const expert of idle) await expect(idleShown.locator(`[title="${expert}"]`)).toBeVisible();
  for (const expert of idle) {
    const member = bystander.locator(`[data-testid="panel-member"][data-address="${expert}"]`);
    await expect(member.getByTestId("panel-missed-timeouts")).toHaveText(
      `Did not rule on 1 timed-out dispute (#${disputeId}).`,
    );
  }

  // The challenger sees the refund waiting for them.
  const challengerPage = await openAs(challenger, "/disputes");
  await expect(challengerPage.getByTestId("your-dispute-work").getByTestId("claimable-payout")).toHaveText(
    `${formatTokens(bond)} PLM`,
  );
});

test("an expert may not file a dispute, a member added after a filing does not rule on it, and a non-member is offered no ruling", async ({
  chain,
  openAs,
}) => {
  // A panel member holding PLM is shown why it cannot file, and the chain refuses it by name.
  const expert = address(expertC);
  await writeContract(chain, anvilAccount(localRoles.holders[3]), {
    ...token,
    functionName: "transfer",
    args: [expert, parseEther("20000")],
  });
  const proposalId = await proposalByTitle(chain, UPTIME_TITLE);
  const filing = await openAs(expert, `/proposals/${proposalId}`);
  await expect(filing.getByTestId("file-dispute")).toContainText(
    "You sit on the expert panel: panel members rule on disputes and do not file them.",
  );
  await expect(filing.getByTestId("file-dispute-button")).toBeDisabled();
  await expect(
    chain.simulateContract({
      ...disputeModule,
      functionName: "fileDispute",
      args: [proposalId, "Filed by an expert acting as a holder."],
      account: expert,
    }),
  ).rejects.toThrow(/PanelMemberCannotChallenge/);

  // The seeded dispute awaits this expert's ruling: the form is there, and the work list names it alone.
  const seeded = await chain.readContract({
    ...disputeModule,
    functionName: "disputeOf",
    args: [await proposalByTitle(chain, FEE_TITLE)],
  });
  const page = await openAs(expert, "/disputes");
  await expect(disputeCard(page, seeded).getByTestId("cast-ruling")).toBeVisible();
  const awaiting = page.getByTestId("your-dispute-work").getByTestId("awaiting-ruling");
  await expect(awaiting).toHaveCount(1);
  await expect(awaiting).toHaveAttribute("data-dispute-id", seeded.toString());

  // The expert who already ruled on the seeded dispute sees their ruling, not a form.
  const ruled = await openAs(address(expertA), `/proposals/${await proposalByTitle(chain, FEE_TITLE)}`);
  const ruledActions = ruled.getByTestId("dispute").getByTestId("dispute-actions");
  await expect(ruledActions.getByTestId("your-ruling-decision")).toHaveText("Uphold");
  await expect(ruledActions.getByTestId("your-ruling-reason")).toContainText("The demand data is credible");
  await expect(ruledActions.getByTestId("cast-ruling")).toHaveCount(0);

  // Governance seats a new member after the filing: it rules on later disputes, not on this one.
  const newcomer = address(localRoles.holders[6]);
  await chain.impersonateAccount({ address: timelock.address });
  await chain.setBalance({ address: timelock.address, value: parseEther("10") });
  await writeContract(chain, timelock.address, {
    ...disputeModule,
    functionName: "addPanelMember",
    args: [newcomer, "Joined during the dispute"],
  });
  const stake = await chain.readContract({ ...disputeModule, functionName: "expertStake" });
  await writeContract(chain, anvilAccount(localRoles.holders[6]), {
    ...token,
    functionName: "approve",
    args: [disputeModule.address, stake],
  });
  await writeContract(chain, anvilAccount(localRoles.holders[6]), {
    ...disputeModule,
    functionName: "depositStake",
    args: [stake],
  });
  const late = await openAs(newcomer, "/disputes");
  await expect(disputeCard(late, seeded).getByTestId("ruling-unavailable")).toHaveText(
    /^You joined the panel after this dispute was filed/,
  );
  await expect(disputeCard(late, seeded).getByTestId("cast-ruling")).toHaveCount(0);
  await expect(late.getByTestId("your-dispute-work").getByTestId("awaiting-ruling")).toHaveCount(0);

  // A holder off the panel: no ruling anywhere, no work list; it may add evidence or join instead.
  const holder = await openAs(address(localRoles.holders[5]), "/disputes");
  await expect(disputeCard(holder, seeded).getByTestId("ruling-unavailable")).toHaveText(
    /^Only members of the expert panel rule on disputes/,
  );
  await expect(disputeCard(holder, seeded).getByTestId("dispute-submission")).toBeVisible();
  await expect(holder.getByTestId("cast-ruling")).toHaveCount(0);
  await expect(holder.getByTestId("ruling-form")).toHaveCount(0);
  await expect(holder.getByTestId("your-dispute-work")).toHaveCount(0);
});
