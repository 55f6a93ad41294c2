import { formatEther } from "viem";
import { contracts } from "../lib/contracts";
import { formatDuration, formatParameterValue, formatTokens } from "../lib/format";
import { proposalStateNames } from "../lib/governance/proposal-state";
import { localRoles } from "../scripts/lib/accounts";
import { anvilAccount } from "../scripts/lib/chain";
import { expect, test } from "./fixtures";

test("the overview shows the treasury, every network parameter and the governance settings from the chain", async ({
  page,
  chain,
}) => {
  const { token, timelock, networkParameters, governor } = contracts;
  const [treasury, [keys, infos], votingPeriod, ethBalance] = await Promise.all([
    chain.readContract({ ...token, functionName: "balanceOf", args: [timelock.address] }),
    chain.readContract({ ...networkParameters, functionName: "allParameters" }),
    chain.readContract({ ...governor, functionName: "votingPeriod" }),
    chain.getBalance({ address: timelock.address }),
  ]);

  await page.goto("/");
  await expect(page.getByTestId("treasury-plm")).toHaveText(`${formatTokens(treasury, 0)} PLM`);
  await expect(page.getByTestId("treasury-eth")).toHaveText(`${formatEther(ethBalance)} ETH`);
  await expect(page.getByTestId("voting-period")).toHaveText(formatDuration(votingPeriod));
  expect(keys.length).toBeGreaterThanOrEqual(6);
  for (const [i, info] of infos.entries()) {
    const name = Buffer.from(keys[i].slice(2), "hex").toString("utf8").replace(/\0+$/, "");
    await expect(page.getByTestId(`parameter-${name}`).getByTestId("value")).toHaveText(
      formatParameterValue(info.value, info.unit),
    );
  }
});

test("a delegate connects through the wallet modal and sees their voting power", async ({ page, wallet, chain }) => {
  const ada = anvilAccount(localRoles.delegates[0]).address;
  const [balance, votes] = await Promise.all([
    chain.readContract({ ...contracts.token, functionName: "balanceOf", args: [ada] }),
    chain.readContract({ ...contracts.token, functionName: "getVotes", args: [ada] }),
  ]);
  await wallet.install(ada);
  await page.goto("/");
  await expect(page.getByTestId("your-account")).toBeHidden();
  await wallet.connect();
  // RainbowKit's account button shows the connected address, shortened.
  await expect(page.getByRole("button", { name: `${ada.slice(0, 4)}…${ada.slice(-4)}` })).toBeVisible();
  await expect(page.getByTestId("your-voting-power")).toHaveText(`${formatTokens(votes)} PLM`);
  await expect(page.getByTestId("your-balance")).toHaveText(`${formatTokens(balance)} PLM`);
  await expect(page.getByTestId("your-delegate")).toHaveText("yourself");
  await expect(page.getByTestId("delegate-prompt")).toBeHidden();
});

test("a holder who never delegated is prompted to delegate", async ({ page, wallet, chain }) => {
  const holder = anvilAccount(localRoles.holders[7]).address;
  const balance = await chain.readContract({ ...contracts.token, functionName: "balanceOf", args: [holder] });
  expect(balance).toBeGreaterThan(0n);
  await wallet.install(holder);
  await page.goto("/");
  await wallet.connect();
  await expect(page.getByTestId("your-voting-power")).toHaveText("0 PLM");
  await expect(page.getByTestId("delegate-prompt")).toContainText(`${formatTokens(balance)} PLM do not vote`);
});

test("the overview lists what needs attention, the delegated supply and the grants, as on chain", async ({
  page,
  chain,
}) => {
  const { governor, token, grantVesting, disputeModule } = contracts;
  const count = await chain.readContract({ ...governor, functionName: "proposalCount" });
  const expected: string[] = [];
  for (let i = 0n; i < count; i++) {
    const [id] = await chain.readContract({ ...governor, functionName: "proposalDetailsAt", args: [i] });
    const state = proposalStateNames[await chain.readContract({ ...governor, functionName: "state", args: [id] })];
    const disputed = await chain.readContract({ ...disputeModule, functionName: "isBlocking", args: [id] });
    if (state === "Active" || state === "Queued" || disputed) expected.push(id.toString());
  }
  const changes = await chain.getContractEvents({ ...token, eventName: "DelegateVotesChanged", fromBlock: 0n });
  const delegates = [...new Set(changes.map((log) => log.args.delegate!))];
  let delegated = 0n;
  for (const delegate of delegates) {
    delegated += await chain.readContract({ ...token, functionName: "getVotes", args: [delegate] });
  }
  const grant = await chain.readContract({ ...grantVesting, functionName: "getGrant", args: [1n] });

  await page.goto("/");
  const rows = page.getByTestId("needs-attention").getByTestId("proposal-row");
  await expect(rows).toHaveCount(expected.length);
  for (const id of expected) {
    await expect(page.getByTestId("needs-attention").locator(`[data-proposal-id="${id}"]`)).toBeVisible();
  }
  await expect(page.getByTestId("delegated-supply")).toHaveText(`${formatTokens(delegated, 0)} PLM`);
  await expect(page.getByTestId("grant-amount")).toHaveText(`${formatTokens(grant.amount)} PLM`);
});
