import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isAddressEqual, parseEther, type Address } from "viem";
import { contracts } from "../lib/contracts";
import { localRoles } from "../scripts/lib/accounts";
import { anvilAccount, anvilPrivateKey, writeContract, type AnvilClient } from "../scripts/lib/chain";
import { rootDir } from "../scripts/lib/paths";
import { expect, test } from "./fixtures";
import { address, proposeParameterChange, seededActiveProposal } from "./governance";

const { governor, token } = contracts;
const sponsor = address(localRoles.sponsor);
/** A holder the seed never saw, with PLM from the test and no ETH at all. */
const gaslessIndex = 31;

async function holderWithoutEth(chain: AnvilClient, index: number, { delegated }: { delegated: boolean }) {
  const holder = anvilAccount(index);
  await writeContract(chain, anvilAccount(localRoles.holders[7]), {
    ...token,
    functionName: "transfer",
    args: [holder.address, parseEther("5000")],
  });
  if (delegated) {
    await chain.setBalance({ address: holder.address, value: parseEther("1") });
    await writeContract(chain, holder, { ...token, functionName: "delegate", args: [holder.address] });
  }
  await chain.setBalance({ address: holder.address, value: 0n });
  return holder.address;
}

async function senderOf(chain: AnvilClient, hash: `0x${string}`): Promise<Address> {
  return (await chain.getTransaction({ hash })).from;
}

test("a holder with no ETH delegates, then votes with a reason, both sent and paid for by the DAO's sponsor", async ({
  page,
  wallet,
  chain,
  governance,
}) => {
  const holder = await holderWithoutEth(chain, gaslessIndex, { delegated: false });
  await wallet.install(holder);
  await page.goto("/");
  await wallet.connect();

  const form = page.getByTestId("delegation-form");
  await expect(form.getByTestId("delegate-self-sponsored-quota")).toHaveText(
    "1 of 1 sponsored delegations left (30 days)",
  );
  await form.getByTestId("delegate-self-sponsored").click();
  await expect(form.getByTestId("transaction-status")).toContainText("Your votes are now delegated to yourself");
  expect(await chain.readContract({ ...token, functionName: "delegates", args: [holder] })).toBe(holder);
  const [delegated] = await chain.getContractEvents({
    ...token,
    eventName: "DelegateChanged",
    args: { delegator: holder },
    fromBlock: 0n,
  });
  expect(isAddressEqual(await senderOf(chain, delegated.transactionHash), sponsor)).toBe(true);
  await expect(page.getByTestId("delegate-self-sponsored-unavailable")).toContainText(
    "you have used your 1 sponsored delegation of the last 30 days",
  );

  // Opened after the delegation, so the holder's 5,000 PLM count at its snapshot.
  const id = await proposeParameterChange(chain, localRoles.delegates[3], {
    title: "Raise the maximum latency to 640 ms",
    key: "maxLatency",
    value: 640n,
  });
  await governance.waitForSnapshot(id);
  await page.goto(`/proposals/${id}`);
  const panel = page.getByTestId("vote-panel");
  await expect(panel.getByTestId("cast-sponsored-vote-quota")).toHaveText("30 of 30 sponsored votes left (30 days)");
  await panel.getByText("For", { exact: true }).click();
  await panel.getByRole("textbox").fill("Voting **without gas**: the DAO pays.");
  await panel.getByTestId("cast-sponsored-vote").click();

  await expect(page.getByTestId("transaction-status")).toContainText("Your vote was counted");
  await expect(page.getByTestId("your-vote")).toContainText("You voted For with 5,000 PLM");
  await expect(page.getByTestId("your-vote")).toContainText("Voting without gas: the DAO pays.");
  const [cast] = await chain.getContractEvents({
    ...governor,
    eventName: "VoteCast",
    args: { voter: holder },
    fromBlock: 0n,
    strict: true,
  });
  expect(cast.args).toMatchObject({ proposalId: id, support: 1, reason: "Voting **without gas**: the DAO pays." });
  expect(isAddressEqual(await senderOf(chain, cast.transactionHash), sponsor)).toBe(true);
  expect(await chain.getBalance({ address: holder })).toBe(0n);
});

test("when the relay refuses, the page says why by name and keeps the vote and its reason", async ({
  page,
  wallet,
  chain,
  governance,
}) => {
  const holder = await holderWithoutEth(chain, gaslessIndex + 1, { delegated: true });
  const id = await proposeParameterChange(chain, localRoles.delegates[3], {
    title: "Raise the maximum latency to 645 ms",
    key: "maxLatency",
    value: 645n,
  });
  await governance.waitForSnapshot(id);
  await wallet.install(holder);
  await page.goto(`/proposals/${id}`);
  await wallet.connect();
  const panel = page.getByTestId("vote-panel");
  await expect(panel.getByTestId("cast-sponsored-vote")).toBeVisible();

  // The sponsor runs low after the page read the relay's status: under its 0.1 ETH floor.
  await chain.setBalance({ address: sponsor, value: parseEther("0.05") });
  await panel.getByText("Against", { exact: true }).click();
  await panel.getByRole("textbox").fill("Latency matters more than cost.");
  await panel.getByTestId("cast-sponsored-vote").click();

  await expect(page.getByRole("alert").getByTestId("transaction-status")).toContainText(
    "Sponsored transactions are paused: the sponsor holds 0.05 ETH, under its floor of 0.1 ETH. Use a normal transaction. (SponsorBelowFloor) Nothing was sent.",
  );
  await expect(panel.getByRole("textbox")).toHaveValue("Latency matters more than cost.");
  await expect(panel.getByTestId("cast-vote")).toBeEnabled();
  await expect(panel.getByTestId("cast-sponsored-vote-unavailable")).toContainText(
    "No gas-free vote: Sponsored transactions are paused",
  );
  await page.reload();
  await expect(panel.getByRole("textbox")).toHaveValue("Latency matters more than cost.");
  expect(await chain.readContract({ ...governor, functionName: "hasVoted", args: [id, holder] })).toBe(false);
});

test("the relay's HTTP interface answers by name, and its key reaches no browser", async ({ request, chain }) => {
  const ada = address(localRoles.delegates[0]);
  const status = await request.get(`/api/relay/status?address=${ada}`);
  expect(status.status()).toBe(200);
  expect(await status.json()).toMatchObject({
    open: true,
    chainId: 31337,
    sponsor,
    sponsorFloor: parseEther("0.1").toString(),
    votes: { limit: 30, used: 0, left: 30 },
    delegations: { limit: 1, used: 0, left: 1 },
  });
  const badAddress = await request.get("/api/relay/status?address=0x1234");
  expect(badAddress.status()).toBe(400);
  expect((await badAddress.json()).error).toBe("InvalidRequest");

  const notJson = await request.post("/api/relay/vote", {
    data: Buffer.from("{ not json"),
    headers: { "content-type": "application/json" },
  });
  expect(notJson.status()).toBe(400);
  expect(await notJson.json()).toEqual({ error: "InvalidRequest", message: "The request body is not JSON." });

  const id = await seededActiveProposal(chain);
  const forged = await request.post("/api/relay/vote", {
    data: {
      proposalId: id.toString(),
      support: 1,
      voter: ada,
      reason: "",
      params: "0x",
      signature: `0x${"11".repeat(65)}`,
    },
  });
  expect(forged.status()).toBe(400);
  expect((await forged.json()).error).toBe("InvalidSignature");

  const delegation = await request.post("/api/relay/delegate", {
    data: { delegator: ada, delegatee: ada, nonce: "0", expiry: "1", signature: `0x${"22".repeat(65)}`, chainId: 1 },
  });
  expect(delegation.status()).toBe(400);
  expect(await delegation.json()).toEqual({
    error: "WrongDomain",
    message: "The signature is for chain 1; this relay serves chain 31337.",
  });

  const key = anvilPrivateKey(localRoles.sponsor).slice(2);
  for (const path of ["/", `/proposals/${id}`, "/delegates"]) {
    expect(await (await request.get(path)).text()).not.toContain(key);
  }
  const staticDir = join(rootDir, process.env.PLENUM_NEXT_DIST_DIR ?? ".next", "static");
  const files = readdirSync(staticDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) expect(readFileSync(join(file.parentPath, file.name), "utf8")).not.toContain(key);
});
