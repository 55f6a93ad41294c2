import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { formatUnits } from "viem";
import { contracts } from "../lib/contracts";
import { voteSupportNames } from "../lib/governance/votes";
import { localRoles } from "../scripts/lib/accounts";
import { anvilAccount } from "../scripts/lib/chain";
import { expect, indexerCaughtUp, test } from "./fixtures";
import { seededActiveProposal } from "./governance";

test("a proposal's voters download as CSV: every vote as on chain, a formula in a reason kept inert", async ({
  page,
  chain,
  governance,
}) => {
  const id = await seededActiveProposal(chain);
  // A reason a spreadsheet would run as a formula.
  const hostile = '=HYPERLINK("https://evil.example","click"), with a comma\nand a second line';
  await governance.vote(anvilAccount(localRoles.delegates[0]), id, 1, hostile);
  await indexerCaughtUp();
  await page.goto(`/proposals/${id}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("votes-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^proposal-\d+-votes\.csv$/);
  const rows = parse(readFileSync(await download.path(), "utf8"), { columns: true }) as Record<string, string>[];

  const cast = (
    await chain.getContractEvents({ ...contracts.governor, eventName: "VoteCast", fromBlock: 0n, strict: true })
  ).filter((log) => log.args.proposalId === id);
  expect(rows.map((row) => [row.voter, row.support, row.weight_plm]).toSorted()).toEqual(
    cast
      .map((log) => [log.args.voter, voteSupportNames[log.args.support], formatUnits(log.args.weight, 18)])
      .toSorted(),
  );
  // Heaviest first, as the page lists them.
  const weights = rows.map((row) => Number(row.weight_plm));
  expect(weights).toEqual(weights.toSorted((a, b) => b - a));
  const ada = rows.find((row) => row.reason.includes("HYPERLINK"))!;
  expect(ada.reason).toBe(`'${hostile}`);
  for (const row of rows) {
    expect(Date.parse(row.time_utc)).not.toBeNaN();
    expect(row.transaction).toMatch(/^0x[0-9a-f]{64}$/);
  }
});
