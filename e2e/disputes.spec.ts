import { contracts } from "../lib/contracts";
import { formatTimestamp, formatTokens } from "../lib/format";
import { splitDescription } from "../lib/governance/proposal-text";
import type { AnvilClient } from "../scripts/lib/chain";
import { expect, test } from "./fixtures";
import { disputeEvidence } from "./governance";

const { disputeModule, governor } = contracts;

/** The seeded dispute as the chain has it: the stored struct, its rulings and its proposal's title. */
async function seededDispute(chain: AnvilClient) {
  const count = await chain.readContract({ ...disputeModule, functionName: "disputeCount" });
  expect(count).toBeGreaterThan(0n);
  const id = count;
  const [dispute, rulings, created] = await Promise.all([
    chain.readContract({ ...disputeModule, functionName: "getDispute", args: [id] }),
    chain.getContractEvents({
      ...disputeModule,
      eventName: "RulingCast",
      args: { disputeId: id },
      fromBlock: 0n,
      strict: true,
    }),
    chain.getContractEvents({ ...governor, eventName: "ProposalCreated", fromBlock: 0n, strict: true }),
  ]);
  const description = created.find((log) => log.args.proposalId === dispute.proposalId)!.args.description;
  return { id, dispute, rulings, title: splitDescription(description).title };
}

test("the disputes page shows the seeded dispute with its proposal, bond, evidence, ruling and deadline", async ({
  page,
  chain,
}) => {
  const { id, dispute, rulings, title } = await seededDispute(chain);
  expect(rulings.length).toBeGreaterThan(0);

  await page.goto("/disputes");
  const card = page.locator(`[data-testid="dispute"][data-dispute-id="${id}"]`);
  await expect(card.getByTestId("dispute-proposal")).toHaveText(title);
  await expect(card.getByTestId("dispute-proposal")).toHaveAttribute("href", `/proposals/${dispute.proposalId}`);
  await expect(card.getByTestId("dispute-status")).toHaveText("Open");
  await expect(card.getByTestId("dispute-bond")).toHaveText(`${formatTokens(dispute.bond)} PLM`);
  await expect(card.getByTestId("dispute-challenger")).toHaveAttribute("title", dispute.challenger);
  const evidence = await disputeEvidence(chain, id);
  await expect(card.getByTestId("dispute-evidence-text")).toHaveText(evidence.map((item) => item.evidence));
  // The URL in the evidence is a link; nothing else is.
  await expect(card.getByTestId("dispute-evidence").locator("a")).toHaveAttribute(
    "href",
    /^https:\/\/forum\.plenum\.example\//,
  );
  await expect(card.getByTestId("dispute-deadline")).toHaveText(formatTimestamp(dispute.deadline));
  await expect(card.getByTestId("dispute-countdown")).toHaveText(/left\)$/);
  await expect(card.getByTestId("dispute-tally")).toHaveText(
    `${dispute.upholdCount} uphold, ${dispute.rejectCount} reject; ${dispute.rulingQuorum} matching decide`,
  );

  await expect(card.getByTestId("ruling")).toHaveCount(rulings.length);
  for (const { args } of rulings) {
    const ruling = card.locator(`[data-testid="ruling"][data-expert="${args.expert}"]`);
    await expect(ruling.getByTestId("ruling-decision")).toHaveText(args.uphold ? "Uphold" : "Reject");
    await expect(ruling.getByTestId("ruling-reason")).toHaveText(args.reason);
  }
});

test("the panel shows every member's profile and stake from the chain", async ({ page, chain }) => {
  const members = await chain.readContract({ ...disputeModule, functionName: "panelMembers" });
  expect(members.length).toBeGreaterThan(0);
  await page.goto("/disputes");
  await expect(page.getByTestId("panel-member")).toHaveCount(members.length);
  for (const member of members) {
    const [profile, stake] = await Promise.all([
      chain.readContract({ ...disputeModule, functionName: "panelProfile", args: [member] }),
      chain.readContract({ ...disputeModule, functionName: "stakeOf", args: [member] }),
    ]);
    const card = page.locator(`[data-testid="panel-member"][data-address="${member}"]`);
    await expect(card.getByTestId("panel-profile")).toHaveText(profile);
    await expect(card.getByTestId("panel-stake")).toHaveText(`${formatTokens(stake, 0)} PLM`);
  }
});

test("after the deadline an open dispute says it can be resolved as timed out", async ({ page, chain }) => {
  const { id, dispute } = await seededDispute(chain);
  const latest = await chain.getBlock();
  await chain.increaseTime({ seconds: Number(dispute.deadline - latest.timestamp) + 60 });
  await chain.mine({ blocks: 1 });

  await page.goto("/disputes");
  const card = page.locator(`[data-testid="dispute"][data-dispute-id="${id}"]`);
  await expect(card.getByTestId("dispute-deadline")).toHaveText(formatTimestamp(dispute.deadline));
  await expect(card.getByTestId("dispute-countdown")).toHaveText("(passed: anyone may resolve it as timed out)");
});
