import { numberToHex, parseEther, type Address } from "viem";
import { contracts } from "../lib/contracts";
import { formatTokens } from "../lib/format";
import { localRoles } from "../scripts/lib/accounts";
import { anvilAccount, writeContract, type AnvilClient } from "../scripts/lib/chain";
import { expect, indexerCaughtUp, test } from "./fixtures";
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

/** Every address that ever had votes or published a statement and now has votes or a statement, from the events. */
async function directoryOnChain(chain: AnvilClient): Promise<Address[]> {
  const [changes, statements] = await Promise.all([
    chain.getContractEvents({ ...token, eventName: "DelegateVotesChanged", fromBlock: 0n, strict: true }),
    chain.getContractEvents({ ...delegateStatements, eventName: "StatementPublished", fromBlock: 0n, strict: true }),
  ]);
  const candidates = [
    ...new Set([...changes.map((log) => log.args.delegate), ...statements.map((log) => log.args.delegate)]),
  ];
  const listed = await Promise.all(
    candidates.map(async (address) => {
      const [votes, [version]] = await Promise.all([
        chain.readContract({ ...token, functionName: "getVotes", args: [address] }),
        chain.readContract({ ...delegateStatements, functionName: "statementOf", args: [address] }),
      ]);
      return votes > 0n || version > 0n;
    }),
  );
  return candidates.filter((_, i) => listed[i]);
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

test("the directory counts everyone with votes or a statement on chain and shows them a page at a time", async ({
  page,
  chain,
}) => {
  // Twenty new statement authors (no voting power) make the directory longer than one page.
  for (let i = 1; i <= 20; i++) {
    const author = numberToHex(0xd1e9a7e0000n + BigInt(i), { size: 20 });
    await chain.impersonateAccount({ address: author });
    await chain.setBalance({ address: author, value: parseEther("1") });
    await writeContract(chain, author, {
      ...delegateStatements,
      functionName: "publishStatement",
      args: [`Paging delegate ${i}`, "Listed, without voting power.", []],
    });
  }
  const listed = await directoryOnChain(chain);
  expect(listed.length).toBeGreaterThan(20);
  expect(listed.length).toBeLessThanOrEqual(40);
  await indexerCaughtUp();

  await page.goto("/delegates");
  const rows = page.getByTestId("delegate-row");
  await expect(page.getByTestId("delegates-count")).toHaveText(`20 of ${listed.length}`);
  await expect(rows).toHaveCount(20);
  await page.getByRole("button", { name: "Show more delegates" }).click();
  await expect(page.getByTestId("delegates-count")).toHaveText(`${listed.length} of ${listed.length}`);
  await expect(rows).toHaveCount(listed.length);
  await expect(page.getByRole("button", { name: "Show more delegates" })).toBeHidden();
  const shown = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-address")));
  expect(shown.toSorted()).toEqual(listed.toSorted());
});

test("the directory renders the sort, search and focus area of its URL, and keeps them there", async ({
  page,
  chain,
}) => {
  const lena = seededDelegates[2];
  const statement = await latestStatement(chain, lena);
  const word = statement.displayName.split(" ")[0];
  const area = statement.focusAreas[0];
  const response = await page.goto(
    `/delegates?sort=participation&q=${encodeURIComponent(word)}&focus=${encodeURIComponent(area)}`,
  );
  // The server rendered the filtered first page.
  expect(await response?.text()).toContain(`data-address="${lena}"`);
  const rows = page.getByTestId("delegate-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-address", lena);
  await expect(page.getByTestId("delegates-count")).toHaveText("1 of 1");
  await expect(page.getByLabel("Sort by")).toHaveValue("participation");
  await expect(page.getByLabel("Search delegates by name or address")).toHaveValue(word);
  const focus = page.getByRole("group", { name: "Filter by focus area" });
  await expect(focus.getByRole("button", { name: area })).toHaveAttribute("aria-pressed", "true");

  await page.getByLabel("Sort by").selectOption("Delegators");
  await expect(page).toHaveURL(/[?&]sort=delegators(&|$)/);
  await focus.getByRole("button", { name: "All" }).click();
  await expect(page).not.toHaveURL(/focus=/);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(word)}(&|$)`));
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
  await expect(page).toHaveTitle(`${statement.displayName} · Plenum`);
  // The Open Graph description is the statement's start (plain text already), cut at a word.
  const description = await page.locator('meta[property="og:description"]').getAttribute("content");
  expect(description?.length).toBeGreaterThan(40);
  expect(statement.statement.startsWith(description!.replace(/…$/, ""))).toBe(true);
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
  await indexerCaughtUp();

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
  await indexerCaughtUp();

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

test("an invalid address is not found; an address without activity says so and can be delegated to", async ({
  page,
}) => {
  const response = await page.goto("/delegates/not-an-address");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not an address" })).toBeVisible();

  // Never seen by the indexer, yet a valid account: a page, not a 404.
  const unknown = await page.goto("/delegates/0x000000000000000000000000000000000000dEaD");
  expect(unknown?.status()).toBe(200);
  await expect(page.getByTestId("delegate-no-activity")).toContainText("No delegate activity for this address");
  await expect(page.getByTestId("delegate-to")).toContainText("Connect a wallet");
});
