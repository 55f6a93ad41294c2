import type { Page } from "@playwright/test";
import { encodeFunctionData } from "viem";
import { RECEIPT_TIMEOUT_MS } from "../lib/chain/transaction-receipt";
import { contracts } from "../lib/contracts";
import { shortAddress } from "../lib/format";
import { voteSupportNames } from "../lib/governance/votes";
import { localRoles } from "../scripts/lib/accounts";
import { expect, requiredEnv, test } from "./fixtures";
import { address, openProposalAs, seededActiveProposal } from "./governance";
import { vote } from "./vote-panel";

// What happens to a vote after the wallet sent it: sped up or cancelled in the wallet, dropped by the node, or
// mined and reverted. Automine is off while the vote is pending, so the test decides what the next block holds.
const { governor } = contracts;
const ada = address(localRoles.delegates[0]);

/**
 * Resolves once the page has read its pending transaction from the node. A wallet follows a replacement only of a
 * transaction it has seen (viem matches the replacement by the original's sender and nonce); a person takes
 * seconds to press speed-up, a test does not, so it waits for that first read.
 */
function pageSeesItsTransaction(page: Page) {
  const rpcUrl = requiredEnv("PLENUM_E2E_RPC_URL");
  return page.waitForResponse(
    (response) =>
      response.url().startsWith(rpcUrl) && (response.request().postData() ?? "").includes('"eth_getTransactionByHash"'),
  );
}

test("a vote sped up in the wallet is followed to its replacement and confirms", async ({ page, wallet, chain }) => {
  const id = await seededActiveProposal(chain);
  await openProposalAs(page, wallet, ada, id);
  await chain.setAutomine(false);
  const seen = pageSeesItsTransaction(page);
  await vote(page, "For", "Faster, please.");
  const status = page.getByTestId("transaction-status");
  await expect(status).toContainText("waiting for it to be mined");
  await seen;

  const replacement = await wallet.speedUpLastSent();
  await chain.mine({ blocks: 1 });
  await expect(status).toContainText("Your vote was counted");
  await expect(status).toContainText(shortAddress(replacement));
  await expect(page.getByTestId("your-vote")).toContainText("You voted For");
  expect(await chain.readContract({ ...governor, functionName: "hasVoted", args: [id, ada] })).toBe(true);
});

test("a vote cancelled in the wallet says nothing was done, and the next vote goes through", async ({
  page,
  wallet,
  chain,
}) => {
  const id = await seededActiveProposal(chain);
  await openProposalAs(page, wallet, ada, id);
  await chain.setAutomine(false);
  const seen = pageSeesItsTransaction(page);
  await vote(page, "Against", "On second thought…");
  const status = page.getByTestId("transaction-status");
  await expect(status).toContainText("waiting for it to be mined");
  await seen;

  await wallet.cancelLastSent();
  await chain.mine({ blocks: 1 });
  await expect(status).toHaveText("Replaced in your wallet; nothing was done.");
  expect(await chain.readContract({ ...governor, functionName: "hasVoted", args: [id, ada] })).toBe(false);

  await chain.setAutomine(true);
  await page.getByTestId("cast-vote").click();
  await expect(page.getByTestId("your-vote")).toContainText("You voted Against");
  expect(await chain.readContract({ ...governor, functionName: "hasVoted", args: [id, ada] })).toBe(true);
});

test("a vote the node dropped times out with its hash and a retry, and the retry confirms", async ({
  page,
  wallet,
  chain,
}) => {
  // The page's timers are driven by the test: the receipt timeout passes without waiting for it.
  await page.clock.install();
  const id = await seededActiveProposal(chain);
  await openProposalAs(page, wallet, ada, id);
  await chain.setAutomine(false);
  await vote(page, "Abstain", "Lost in the mempool.");
  const status = page.getByTestId("transaction-status");
  await expect(status).toContainText("waiting for it to be mined");

  const dropped = await wallet.dropLastSent();
  await page.clock.fastForward(RECEIPT_TIMEOUT_MS);
  await expect(status).toContainText("was not mined within 5 minutes");
  await expect(status).toContainText(dropped);
  expect(await chain.readContract({ ...governor, functionName: "hasVoted", args: [id, ada] })).toBe(false);

  await chain.setAutomine(true);
  await status.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("your-vote")).toContainText("You voted Abstain");
  expect(await chain.readContract({ ...governor, functionName: "hasVoted", args: [id, ada] })).toBe(true);
});

test("a vote that reverts in its block is explained by replaying it there, not by the chain as it is now", async ({
  page,
  wallet,
  chain,
  governance,
}) => {
  const id = await seededActiveProposal(chain);
  await openProposalAs(page, wallet, ada, id);
  await expect(page.getByTestId("vote-panel")).toBeVisible();
  // Ada has a transfer pending, so the page's vote queues behind it (the next nonce). Then, from her laptop, she
  // replaces that transfer with a vote of her own: it is mined first, in the same block, and the page's vote reverts.
  await chain.setAutomine(false);
  const fees = await chain.estimateFeesPerGas();
  const transfer = { account: ada, chain: null, to: ada, value: 0n, ...fees } as const;
  const queued = await chain.getTransaction({ hash: await chain.sendTransaction(transfer) });
  await vote(page, "Against", "Sent from my phone.");
  const status = page.getByTestId("transaction-status");
  await expect(status).toContainText("waiting for it to be mined");
  await chain.sendTransaction({
    account: ada,
    chain: null,
    nonce: queued.nonce,
    to: governor.address,
    data: encodeFunctionData({ ...governor, functionName: "castVote", args: [id, voteSupportNames.indexOf("For")] }),
    gas: 300_000n,
    maxFeePerGas: fees.maxFeePerGas * 2n,
    maxPriorityFeePerGas: fees.maxPriorityFeePerGas * 2n,
  });

  // The page sees the chain again only once the voting period is over too: asked now, the governor would
  // answer that the proposal is no longer Active, which is not why the vote failed.
  const rpcUrl = requiredEnv("PLENUM_E2E_RPC_URL");
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(rpcUrl, async (route) => {
    await held;
    await route.continue();
  });
  const votedIn = (await chain.getBlockNumber()) + 1n;
  await chain.mine({ blocks: 1 });
  await governance.waitForDeadline(id);
  release();
  await page.unrouteAll({ behavior: "wait" });

  await expect(status).toContainText(`mined in block ${votedIn} but reverted`);
  await expect(status).toContainText(
    "has already voted on this proposal; a vote cannot be changed. (GovernorAlreadyCastVote)",
  );
});
