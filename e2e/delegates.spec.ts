import { parseEther, type Address } from "viem";
import { contracts } from "../lib/contracts";
import { formatTokens } from "../lib/format";
import { localRoles } from "../scripts/lib/accounts";
import { anvilAccount, writeContract, type AnvilClient } from "../scripts/lib/chain";
import { expect, test } from "./fixtures";
import { latestStatement } from "./governance";

const { token, governor, delegateStatements } = contracts;
const seededDelegates = localRoles.delegates.map((index) => anvilAccount(index).address);
const everySeededAccount = [...localRoles.delegates, ...localRoles.holders].map((index) => anvilAccount(index).address);

/** The seeded accounts whose current delegate (the token's `delegates`) is `delegate`, itself excluded. */
async function delegatorsOnChain(chain: AnvilClient, delegate: Address): Promise<Address[]> {
  const current = await Promise.all(
    everySeededAccount.map((account) => chain.readContract({ ...token, functionName: "delegates", args: [account] })),
  );
  return everySeededAccount.filter((account, i) => current[i] === delegate && account !== delegate);
}

/** "3,000,000" -> 3000000; "67% (2 of 3)" -> 67; "—" (no eligible proposal) -> -1. */
function leadingNumbers(texts: string[]): number[] {
  return texts.map((text) => {
    const match = /^[\d,.]+/.exec(text.trim());
    return match ? Number(match[0].replace(/,/g, "")) : -1;
  });
}

function isNonIncreasing(values: number[]): boolean {
  return values.every((value, i) => i === 0 || values[i - 1] >= value);
}

test("the directory lists every seeded delegate with its name, voting power and delegators from the chain", async ({
  page,
  chain,
}) => {
  await page.goto("/delegates");
  for (const delegate of seededDelegates) {
    const [votes, statement, delegators] = await Promise.all([
      chain.readContract({ ...token, functionName: "getVotes", args: [delegate] }),
      latestStatement(chain, delegate),
      delegatorsOnChain(chain, delegate),
    ]);
    expect(votes).toBeGreaterThan(0n);
    const row = page.locator(`[data-testid="delegate-row"][data-address="${delegate}"]`);
    await expect(row.getByTestId("delegate-name")).toHaveText(statement.displayName);
    await expect(row.getByTestId("delegate-votes")).toHaveText(formatTokens(votes, 0));
    await expect(row.getByTestId("delegate-delegators")).toHaveText(String(delegators.length));
    await expect(row.getByTestId("focus-area")).toHaveText([...statement.focusAreas]);
  }
  // A holder who delegated to itself has voting power without a statement: listed under its short address.
  const selfDelegated = anvilAccount(localRoles.holders[6]).address;
  const selfVotes = await chain.readContract({ ...token, functionName: "getVotes", args: [selfDelegated] });
  const row = page.locator(`[data-testid="delegate-row"][data-address="${selfDelegated}"]`);
  await expect(row.getByTestId("delegate-votes")).toHaveText(formatTokens(selfVotes, 0));
  await expect(row.getByTestId("delegate-name")).toHaveText(`${selfDelegated.slice(0, 6)}…${selfDelegated.slice(-4)}`);
});

test("the directory sorts by voting power, delegators and participation", async ({ page, chain }) => {
  const [mostVotes, mostDelegators] = await Promise.all([
    Promise.all(
      seededDelegates.map((delegate) => chain.readContract({ ...token, functionName: "getVotes", args: [delegate] })),
    ).then((votes) => votes.reduce((a, b) => (a > b ? a : b))),
    Promise.all(seededDelegates.map((delegate) => delegatorsOnChain(chain, delegate))).then((lists) =>
      Math.max(...lists.map((list) => list.length)),
    ),
  ]);
  await page.goto("/delegates");
  const rows = page.getByTestId("delegate-row");
  const column = (testId: string) => rows.getByTestId(testId).allTextContents().then(leadingNumbers);

  await expect(rows.first().getByTestId("delegate-votes")).toHaveText(formatTokens(mostVotes, 0));
  expect(isNonIncreasing(await column("delegate-votes"))).toBe(true);

  await page.getByLabel("Sort by").selectOption("Delegators");
  await expect(rows.first().getByTestId("delegate-delegators")).toHaveText(String(mostDelegators));
  await expect.poll(async () => isNonIncreasing(await column("delegate-delegators"))).toBe(true);

  await page.getByLabel("Sort by").selectOption("Participation");
  await expect
    .poll(async () => {
      const values = await column("delegate-participation");
      return isNonIncreasing(values) && values[0] === Math.max(...values);
    })
    .toBe(true);
});

test("search by name or address and the focus area filter narrow the directory", async ({ page, chain }) => {
  const [ada, ravi, lena] = seededDelegates;
  const [adaStatement, lenaStatement] = await Promise.all([latestStatement(chain, ada), latestStatement(chain, lena)]);
  await page.goto("/delegates");
  const rows = page.getByTestId("delegate-row");
  await expect(rows.first()).toBeVisible();

  const search = page.getByLabel("Search delegates by name or address");
  await search.fill(adaStatement.displayName.split(" ")[1].toLowerCase());
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-address", ada);

  await search.fill(ravi.slice(0, 12).toLowerCase());
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-address", ravi);

  await search.fill("no such delegate");
  await expect(page.getByTestId("delegates-no-match")).toBeVisible();
  await page.getByRole("button", { name: "Clear search and filter" }).click();
  await expect(rows.first()).toBeVisible();

  const area = lenaStatement.focusAreas[0];
  await page.getByRole("group", { name: "Filter by focus area" }).getByRole("button", { name: area }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-address", lena);
  await expect(rows.first().getByTestId("focus-area").filter({ hasText: area })).toBeVisible();

  await page.getByRole("group", { name: "Filter by focus area" }).getByRole("button", { name: "All" }).click();
  await expect(rows.nth(1)).toBeVisible();
});

test("a profile shows the statement, voting power, delegators and voting history with reasons as on chain", async ({
  page,
  chain,
}) => {
  const ada = seededDelegates[0];
  const [votes, statement, delegators, voteLogs] = await Promise.all([
    chain.readContract({ ...token, functionName: "getVotes", args: [ada] }),
    latestStatement(chain, ada),
    delegatorsOnChain(chain, ada),
    chain.getContractEvents({ ...governor, eventName: "VoteCast", args: { voter: ada }, fromBlock: 0n, strict: true }),
  ]);
  expect(delegators.length).toBeGreaterThan(0);
  expect(voteLogs.length).toBeGreaterThan(0);

  await page.goto(`/delegates/${ada}`);
  await expect(page.getByTestId("delegate-title")).toHaveText(statement.displayName);
  await expect(page.getByTestId("delegate-statement")).toHaveText(statement.statement);
  await expect(page.getByTestId("statement-check")).toContainText("matches the hash recorded on chain");
  await expect(page.getByTestId("focus-area")).toHaveText([...statement.focusAreas]);
  await expect(page.getByTestId("profile-votes")).toHaveText(formatTokens(votes));
  await expect(page.getByTestId("profile-delegators")).toHaveText(String(delegators.length));

  for (const delegator of delegators) {
    const balance = await chain.readContract({ ...token, functionName: "balanceOf", args: [delegator] });
    await expect(
      page.locator(`[data-testid="delegator-row"][data-address="${delegator}"]`).getByTestId("delegator-balance"),
    ).toHaveText(`${formatTokens(balance)} PLM`);
  }

  await expect(page.getByTestId("vote-row")).toHaveCount(voteLogs.length);
  await expect(page.getByTestId("profile-votes-cast")).toHaveText(String(voteLogs.length));
  for (const { args } of voteLogs) {
    const row = page.locator(`[data-testid="vote-row"][data-proposal-id="${args.proposalId}"]`);
    await expect(row.getByTestId("vote-proposal")).toHaveAttribute("href", `/proposals/${args.proposalId}`);
    await expect(row.getByTestId("vote-support")).toHaveText(["Against", "For", "Abstain"][args.support]);
    await expect(row.getByTestId("vote-weight")).toHaveText(`${formatTokens(args.weight)} PLM`);
    if (args.reason) await expect(row.getByTestId("vote-reason")).toHaveText(args.reason);
    else await expect(row.getByTestId("vote-reason")).toHaveCount(0);
  }
  await expect(page.getByTestId("power-change").first()).toContainText(`${formatTokens(votes, 0)} PLM`);
});

test("HTML, scripts and javascript: links in a statement are shown as text, never run", async ({ page, chain }) => {
  const author = anvilAccount(localRoles.holders[7]).address;
  await chain.impersonateAccount({ address: author });
  await chain.setBalance({ address: author, value: parseEther("10") });
  const displayName = '<img src=x onerror="window.__pwned=1">';
  const lines = [
    "# Hello",
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "[click me](javascript:window.__pwned=1)",
  ];
  await writeContract(chain, author, {
    ...delegateStatements,
    functionName: "publishStatement",
    args: [displayName, lines.join("\n\n"), ["<b>bold</b>"]],
  });

  await page.goto(`/delegates/${author}`);
  const statement = page.getByTestId("delegate-statement");
  for (const line of lines.slice(1)) await expect(statement.getByText(line, { exact: true })).toBeVisible();
  await expect(page.getByTestId("delegate-title")).toHaveText(displayName);
  await expect(page.getByTestId("focus-area")).toHaveText("<b>bold</b>");
  await expect(page.getByTestId("statement-check")).toContainText("matches the hash recorded on chain");

  await expect(statement.locator("script, img, a")).toHaveCount(0);
  await expect(page.locator("main img, main b")).toHaveCount(0);
  expect(await page.evaluate(() => "__pwned" in window)).toBe(false);

  // In the directory too, the name is text.
  await page.goto("/delegates");
  await expect(
    page.locator(`[data-testid="delegate-row"][data-address="${author}"]`).getByTestId("delegate-name"),
  ).toHaveText(displayName);
  await expect(page.locator("main img")).toHaveCount(0);
  expect(await page.evaluate(() => "__pwned" in window)).toBe(false);
});

test("a long statement shows collapsed until Show all; deceptive links show where they go", async ({ page, chain }) => {
  const author = anvilAccount(localRoles.holders[6]).address;
  await chain.impersonateAccount({ address: author });
  await chain.setBalance({ address: author, value: parseEther("10") });
  const paragraphs = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of my voting principles.`);
  const text = [
    "Donations: [paypal.com](https://evil.example/pay)",
    "| Area | Weight |\n|---|--:|\n| Pricing | 2 |",
    ...paragraphs,
  ].join("\n\n");
  await writeContract(chain, author, {
    ...delegateStatements,
    functionName: "publishStatement",
    args: ["Long statement", text, []],
  });

  await page.goto(`/delegates/${author}`);
  const statement = page.getByTestId("delegate-statement");
  await expect(statement.getByRole("link", { name: "paypal.com" })).toHaveAttribute("href", "https://evil.example/pay");
  await expect(statement.getByTestId("link-destination")).toHaveText("(→ https://evil.example/pay)");
  await expect(statement.getByRole("cell", { name: "Pricing" })).toBeVisible();
  await expect(statement.getByText("Paragraph 1 of", { exact: false })).toBeVisible();
  await expect(statement.getByText("Paragraph 30 of", { exact: false })).toHaveCount(0);

  const showAll = statement.getByRole("button", { name: "Show all" });
  await expect(showAll).toHaveAttribute("aria-expanded", "false");
  await showAll.click();
  await expect(statement.getByText("Paragraph 30 of", { exact: false })).toBeVisible();
  await expect(statement.getByRole("button", { name: "Show less" })).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("statement-check")).toContainText("matches the hash recorded on chain");
});

test("an invalid address is not found; an address without activity says so", async ({ page }) => {
  const response = await page.goto("/delegates/not-an-address");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not an address" })).toBeVisible();

  await page.goto("/delegates/0x000000000000000000000000000000000000dEaD");
  await expect(page.getByTestId("delegate-no-activity")).toContainText("No delegate activity for this address");
});
