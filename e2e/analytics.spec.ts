import { readFileSync } from "node:fs";
import type { Download } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { formatUnits } from "viem";
import { contracts } from "../lib/contracts";
import { ProposalState } from "../lib/governance/proposal-state";
import { expect, requiredEnv, test } from "./fixtures";
import { proposalsWithState } from "./governance";

const { governor, token } = contracts;

async function csvRows(download: Download): Promise<Record<string, string>[]> {
  return parse(readFileSync(await download.path(), "utf8"), { columns: true }) as Record<string, string>[];
}

test("turnout per proposal as the chain counts it, the late quorum named, the data as a table and CSV", async ({
  page,
  chain,
}) => {
  await page.goto("/analytics");
  const turnout = page.getByTestId("turnout");
  await expect(turnout.getByRole("img", { name: /Turnout per proposal/ })).toBeVisible();
  await turnout.getByText("Data table: Turnout").click();
  await expect(turnout.getByRole("table")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-turnout.csv").click()]);
  expect(download.suggestedFilename()).toBe("turnout.csv");
  const rows = await csvRows(download);
  expect(await turnout.getByRole("table").locator("tbody tr").count()).toBe(rows.length);

  // Every proposal that is voting or has voted is there, figures as the governor and token have them.
  const voted = (await proposalsWithState(chain)).filter(
    ({ state }) => state !== ProposalState.Pending && state !== ProposalState.Canceled,
  );
  expect(rows.map((row) => row.proposal)).toEqual(expect.arrayContaining(voted.map(({ id }) => String(id))));
  for (const row of rows) {
    const id = BigInt(row.proposal);
    const snapshot = await chain.readContract({ ...governor, functionName: "proposalSnapshot", args: [id] });
    const [[against, inFavour, abstain], supply, quorum] = await Promise.all([
      chain.readContract({ ...governor, functionName: "proposalVotes", args: [id] }),
      chain.readContract({ ...token, functionName: "getPastTotalSupply", args: [snapshot] }),
      chain.readContract({ ...governor, functionName: "quorum", args: [snapshot] }),
    ]);
    const cast = against + inFavour + abstain;
    expect(Number(row["turnout of supply (%)"]), row.title).toBe(Number((cast * 10_000n) / supply) / 100);
    expect(row["quorum (PLM)"], row.title).toBe(formatUnits(quorum, 18));
    expect(row["quorum margin (PLM)"], row.title).toBe(formatUnits(inFavour + abstain - quorum, 18));
  }
  await expect(page.getByTestId("late-quorum")).toContainText("Tighten the SLA");
});

test("a higher quorum fails a seeded success; the settings open in the builder as a proposal", async ({
  page,
  chain,
}) => {
  const executed = (await proposalsWithState(chain)).find(({ state }) => state === ProposalState.Executed)!;
  const snapshot = await chain.readContract({ ...governor, functionName: "proposalSnapshot", args: [executed.id] });
  const [[, inFavour, abstain], supply] = await Promise.all([
    chain.readContract({ ...governor, functionName: "proposalVotes", args: [executed.id] }),
    chain.readContract({ ...token, functionName: "getPastTotalSupply", args: [snapshot] }),
  ]);
  // One percent above the share of the supply that voted for it or abstained.
  const quorum = ((inFavour + abstain) * 100n) / supply + 1n;

  await page.goto("/analytics");
  const whatIf = page.getByTestId("what-if");
  const quorumField = whatIf.getByLabel("Quorum (% of the supply)");
  await expect(quorumField).toHaveValue("4");
  await expect(whatIf.getByLabel("Voting period")).toHaveValue("5 days");
  const recount = whatIf.getByRole("button", { name: "Recount past proposals" });

  // The governor's own settings change nothing.
  await recount.click();
  await expect(page.getByTestId("what-if-changed")).toHaveText("No outcome would change.");
  await expect(page.getByTestId("draft-settings-proposal")).toHaveCount(0);

  // Out of bounds: refused with the bound, nothing recounted.
  await quorumField.fill("0");
  await recount.click();
  await expect(whatIf.getByRole("alert")).toContainText("QuorumNumeratorZero");
  await quorumField.fill("150");
  await recount.click();
  await expect(whatIf.getByRole("alert")).toContainText("cannot exceed the denominator (100)");
  await whatIf.getByLabel("Voting period").fill("0");
  await recount.click();
  await expect(whatIf.getByRole("alert").filter({ hasText: "voting period" })).toContainText("more than 0");
  await whatIf.getByLabel("Voting period").fill("5 days");

  await quorumField.fill(String(quorum));
  await recount.click();
  const { title } = await page.request
    .get(`${requiredEnv("PLENUM_E2E_INDEXER_URL")}/proposals/${executed.id}`)
    .then((response) => response.json() as Promise<{ title: string }>);
  const outcome = page.getByTestId("what-if-outcome").filter({ hasText: title });
  await expect(outcome).toContainText("would have failed");
  await expect(outcome).toContainText("(it passed)");

  await page.getByTestId("draft-settings-proposal").click();
  await expect(page).toHaveURL(/\/proposals\/new\?draft=/);
  await expect(page.getByTestId("proposal-title")).toHaveValue(`Governance settings: quorum ${quorum}%`);
  const steps = page.getByTestId("draft-step");
  await expect(steps).toHaveCount(1);
  await expect(steps).toContainText(`Set the quorum to ${quorum}% of the token supply`);
  await expect(page.getByTestId("proposal-body")).toContainText(`#${executed.id} `);
  // The draft is kept: it survives a reload.
  await page.reload();
  await expect(page.getByTestId("draft-step")).toHaveCount(1);
});

test("delegation: shares and bands with their CSV, and the power silent over the last proposals", async ({ page }) => {
  await page.goto("/analytics");
  const delegation = page.getByTestId("delegation");
  await expect(page.getByTestId("delegated-share")).toHaveText(/^\d+(\.\d+)?%$/);
  await expect(page.getByTestId("delegates-for-quorum")).toHaveText(/^\d+$/);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("csv-participation.csv").click(),
  ]);
  const bands = await csvRows(download);
  expect(bands.map((band) => band.participation)).toEqual(["0–19%", "20–39%", "40–59%", "60–79%", "80–100%"]);
  expect(bands.reduce((sum, band) => sum + Number(band.delegates), 0)).toBeGreaterThan(0);

  const silent = delegation.getByTestId("silent-power");
  await silent.getByRole("combobox").selectOption("1");
  await expect(silent).toContainText("voted on none of the last 1 proposals");
  await silent.getByRole("combobox").selectOption("20");
  await expect(silent).toContainText(/voted on none of the last \d+ proposals/);
});
