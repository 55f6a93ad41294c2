import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { decodeFunctionData, parseAbi, parseEther, stringToHex, type Hex } from "viem";
import { contracts } from "../lib/contracts";
import { formatDuration, formatParameterBounds, formatTimestamp } from "../lib/format";
import { localRoles } from "../scripts/lib/accounts";
import type { AnvilClient } from "../scripts/lib/chain";
import { expect, requiredEnv, test } from "./fixtures";
import { address, readParameter } from "./governance";

const { governor, networkParameters, modelRegistry, grantVesting, token, disputeModule } = contracts;
const ada = address(localRoles.delegates[0]);
const DAY = 86_400n;

async function openBuilder(
  page: Page,
  wallet: { install: (a: `0x${string}`) => Promise<void>; connect: () => Promise<void> },
  account = ada,
) {
  await wallet.install(account);
  await page.goto("/proposals/new");
  await wallet.connect();
  await page.getByTestId("new-draft").click();
  await expect(page.getByTestId("proposal-title")).toBeVisible();
}

async function addStep(page: Page, template: string, fields: Record<string, string>) {
  await page.getByTestId(template).click();
  const form = page.getByTestId("template-form");
  for (const [name, value] of Object.entries(fields)) {
    const field = form.getByTestId(`field-${name}`);
    if ((await field.evaluate((element) => element.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
  await form.getByTestId("add-step").click();
  await expect(page.getByTestId("template-picker")).toBeVisible();
}

/** The calls a proposal stores on chain, by id. */
async function storedActions(chain: AnvilClient, id: bigint) {
  const [targets, values, calldatas] = await chain.readContract({
    ...governor,
    functionName: "proposalDetails",
    args: [id],
  });
  return targets.map((target, index) => ({ target, value: values[index], calldata: calldatas[index] }));
}

function proposalIdFromUrl(page: Page): bigint {
  return BigInt(new URL(page.url()).pathname.split("/").pop()!);
}

test("a parameter change from its template: bounds enforced, simulated, submitted, and decoded on chain as typed", async ({
  page,
  wallet,
  chain,
}) => {
  const info = await chain.readContract({
    ...networkParameters,
    functionName: "parameterInfo",
    args: [stringToHex("maxLatency", { size: 32 })],
  });
  await openBuilder(page, wallet);
  await page.getByTestId("proposal-title").fill("Relax the maximum latency to 650 ms");
  await page.getByTestId("template-parameter-maxLatency").click();
  const form = page.getByTestId("template-form");
  await expect(form.getByTestId("template-current")).toContainText(
    formatParameterBounds(info.min, info.max, info.unit),
  );

  await form.getByTestId("field-value").fill("99999");
  await form.getByTestId("add-step").click();
  await expect(form.getByTestId("field-error")).toContainText(
    `maxLatency must be within ${formatParameterBounds(info.min, info.max, info.unit)}`,
  );
  await expect(page.getByTestId("draft-step")).toHaveCount(0);

  await form.getByTestId("field-value").fill("650");
  await expect(form.getByTestId("parameter-change-line")).toContainText("→ 650");
  await form.getByTestId("add-step").click();
  await expect(page.getByTestId("draft-step")).toHaveCount(1);
  await expect(page.getByTestId("draft-step").getByTestId("action-summary")).toContainText("maxLatency");
  await expect(page.getByTestId("simulation-verdict")).toContainText("Every action succeeds");
  await expect(page.getByTestId("simulation-change")).toContainText("650");

  await page.getByTestId("submit-proposal").click();
  await expect(page).toHaveURL(/\/proposals\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Relax the maximum latency to 650 ms");
  const [action] = await storedActions(chain, proposalIdFromUrl(page));
  const call = decodeFunctionData({ abi: networkParameters.abi, data: action.calldata });
  expect(call.functionName).toBe("setParameter");
  expect(call.args).toEqual([stringToHex("maxLatency", { size: 32 }), 650n]);
  expect(await readParameter(chain, "maxLatency")).not.toBe(650n);
});

test("a proposal submitted while the indexer lags opens from the chain, then in full once indexed", async ({
  page,
  wallet,
  chain,
}) => {
  await openBuilder(page, wallet);
  await page.getByTestId("proposal-title").fill("Tighten the maximum latency to 550 ms");
  await addStep(page, "template-parameter-maxLatency", { value: "550" });
  await expect(page.getByTestId("simulation-verdict")).toContainText("Every action succeeds");
  // Hold the indexer's view of the chain: it has not seen the proposal when the app opens its page.
  const gate = requiredEnv("PLENUM_E2E_INDEXER_GATE_URL");
  await fetch(`${gate}/gate/close`, { method: "POST" });
  const heading = page.getByRole("heading", { level: 1 });
  try {
    await page.getByTestId("submit-proposal").click();
    await expect(page).toHaveURL(/\/proposals\/\d+$/, { timeout: 30_000 });
    await expect(heading).toHaveText("Tighten the maximum latency to 550 ms");
    await expect(page.getByTestId("being-indexed")).toBeVisible();
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    await expect(heading).toHaveText("Tighten the maximum latency to 550 ms");
    await expect(page.getByTestId("being-indexed")).toBeVisible();
    await expect(page.getByTestId("actions")).toContainText("550");
    const id = proposalIdFromUrl(page);
    const [snapshot, delay] = await Promise.all([
      chain.readContract({ ...governor, functionName: "proposalSnapshot", args: [id] }),
      chain.readContract({ ...governor, functionName: "votingDelay" }),
    ]);
    await expect(page.getByTestId("milestone-created")).toContainText(formatTimestamp(snapshot - delay));
  } finally {
    await fetch(`${gate}/gate/open`, { method: "POST" });
  }
  await expect(page.getByTestId("being-indexed")).toHaveCount(0, { timeout: 20_000 });
  await expect(heading).toHaveText("Tighten the maximum latency to 550 ms");
  await expect(page.getByTestId("proposal-not-found")).toHaveCount(0);
});

test("one proposal with a step of every template kind: the calldata on chain decodes to what each form said", async ({
  page,
  wallet,
  chain,
}) => {
  const holder = address(localRoles.holders[3]);
  await chain.setBalance({ address: contracts.timelock.address, value: parseEther("10") });
  await openBuilder(page, wallet);
  await page.getByTestId("proposal-title").fill("Housekeeping: a grant, a publisher, settings and a custom call");
  await addStep(page, "template-verifyPublisher", { publisher: holder, name: "Helix Labs" });
  await addStep(page, "template-delistModel", { modelId: "1", reason: "License withdrawn by its publisher." });
  await addStep(page, "template-grant", {
    beneficiary: holder,
    amount: "25000",
    start: "2027-01-01",
    cliff: "30 days",
    duration: "365 days",
    memo: "Inference benchmark suite",
  });
  await addStep(page, "template-transferEth", { to: holder, amount: "0.5" });
  await addStep(page, "template-votingPeriod", { seconds: "6 days" });
  await addStep(page, "template-disputeBond", { amount: "12000" });
  // A custom action on a system contract: how long a pause of the network parameters lasts.
  await page.getByTestId("template-customCall").click();
  const custom = page.getByTestId("template-form");
  await custom.getByTestId("custom-contract").selectOption("NetworkParameters");
  await custom.getByTestId("custom-function").selectOption("setPauseDuration(uint256 newDuration)");
  await custom.getByTestId("custom-arg-0").fill("1209600");
  await custom.getByTestId("add-step").click();
  await expect(page.getByTestId("draft-step")).toHaveCount(7);
  await expect(page.getByTestId("simulation-verdict")).toContainText("Every action succeeds");

  await page.getByTestId("submit-proposal").click();
  await expect(page).toHaveURL(/\/proposals\/\d+$/);
  const actions = await storedActions(chain, proposalIdFromUrl(page));
  expect(actions).toHaveLength(8); // the grant is two calls: approve, then createGrant
  const decoded = (abi: Parameters<typeof decodeFunctionData>[0]["abi"], data: Hex) =>
    decodeFunctionData({ abi, data });
  expect(actions[0].target).toBe(modelRegistry.address);
  expect(decoded(modelRegistry.abi, actions[0].calldata).args).toEqual([holder, true, "Helix Labs"]);
  expect(decoded(modelRegistry.abi, actions[1].calldata).args).toEqual([1n, "License withdrawn by its publisher."]);
  expect(decoded(token.abi, actions[2].calldata)).toMatchObject({
    functionName: "approve",
    args: [grantVesting.address, parseEther("25000")],
  });
  const grant = decoded(grantVesting.abi, actions[3].calldata);
  expect(grant.functionName).toBe("createGrant");
  expect(grant.args?.[0]).toBe(holder);
  expect(grant.args?.[1]).toBe(parseEther("25000"));
  expect(actions[4]).toEqual({ target: holder, value: parseEther("0.5"), calldata: "0x" });
  expect(decoded(governor.abi, actions[5].calldata)).toMatchObject({
    functionName: "setVotingPeriod",
    args: [6 * 86_400],
  });
  expect(decoded(disputeModule.abi, actions[6].calldata)).toMatchObject({
    functionName: "setBond",
    args: [parseEther("12000")],
  });
  expect(decoded(networkParameters.abi, actions[7].calldata)).toMatchObject({
    functionName: "setPauseDuration",
    args: [14n * DAY],
  });
});

test("a custom action on a pasted ABI takes a tuple array argument", async ({ page, wallet, chain }) => {
  const holder = address(localRoles.holders[3]);
  await openBuilder(page, wallet);
  await page.getByTestId("proposal-title").fill("Route fees to two providers");
  await page.getByTestId("template-customCall").click();
  const form = page.getByTestId("template-form");
  await form.getByTestId("custom-contract").selectOption("other");
  await form.getByTestId("custom-target").fill(holder);
  await form.getByTestId("custom-abi").fill("function setRoutes((address to, uint96 share)[] routes)");
  await form.getByTestId("custom-function").selectOption({ index: 1 });
  await form.getByTestId("custom-arg-0").fill(`[["${ada}", "60"], {"to": "${holder}", "share": "40"}]`);
  await form.getByTestId("add-step").click();
  await expect(page.getByTestId("draft-step")).toHaveCount(1);
  await page.getByTestId("submit-proposal").click();
  await expect(page).toHaveURL(/\/proposals\/\d+$/);
  const [action] = await storedActions(chain, proposalIdFromUrl(page));
  const call = decodeFunctionData({
    abi: parseAbi(["function setRoutes((address to, uint96 share)[] routes)"]),
    data: action.calldata,
  });
  expect(call.args).toEqual([
    [
      { to: ada, share: 60n },
      { to: holder, share: 40n },
    ],
  ]);
});

test("the simulation catches a transfer larger than the treasury and blocks submit until overridden", async ({
  page,
  wallet,
}) => {
  await openBuilder(page, wallet);
  await page.getByTestId("proposal-title").fill("Send everything");
  await page.getByTestId("template-customCall").click();
  const form = page.getByTestId("template-form");
  await form.getByTestId("custom-contract").selectOption("PlenumToken");
  await form.getByTestId("custom-function").selectOption("transfer(address to, uint256 value)");
  await form.getByTestId("custom-arg-0").fill(ada);
  await form.getByTestId("custom-arg-1").fill("999999999000000000000000000");
  await form.getByTestId("add-step").click();
  await expect(page.getByTestId("simulation-verdict")).toContainText("An action fails");
  await expect(page.getByTestId("simulation-error")).toContainText("(ERC20InsufficientBalance)");
  await expect(page.getByTestId("submit-proposal")).toBeDisabled();
  await page.getByTestId("simulation-override").check();
  await expect(page.getByTestId("submit-proposal")).toBeEnabled();
});

test("a draft survives a reload; its actions export to Safe JSON and import back the same", async ({
  page,
  wallet,
}) => {
  await openBuilder(page, wallet);
  await page.getByTestId("proposal-title").fill("Lower the slashing rate");
  await page.getByTestId("proposal-body").fill("## Summary\n\nFewer false positives.");
  await addStep(page, "template-transferPlm", { to: ada, amount: "1000" });
  await addStep(page, "template-parameter-maxLatency", { value: "700" });
  await page.getByRole("button", { name: "Move step 2 up" }).click();
  await expect(page.getByTestId("draft-step").first().getByTestId("action-summary")).toContainText("maxLatency");
  // A template form half filled in is part of the draft too.
  await page.getByTestId("template-transferEth").click();
  await page.getByTestId("template-form").getByTestId("field-to").fill(ada);

  await page.reload();
  await expect(page.getByTestId("template-form").getByTestId("field-to")).toHaveValue(ada);
  await expect(page.getByTestId("draft-step").first().getByTestId("action-summary")).toContainText("maxLatency");
  await page.getByRole("button", { name: "Back to templates" }).click();
  await expect(page.getByTestId("proposal-title")).toHaveValue("Lower the slashing rate");
  await expect(page.getByTestId("proposal-body")).toHaveValue("## Summary\n\nFewer false positives.");
  await expect(page.getByTestId("draft-step")).toHaveCount(2);
  await expect(page.getByTestId("draft")).toContainText("Lower the slashing rate");
  const calldatas = await page.getByTestId("raw-calldata").allTextContents();

  const download = page.waitForEvent("download");
  await page.getByTestId("export-json").click();
  const file = await (await download).path();
  expect(JSON.parse(readFileSync(file, "utf8")).transactions).toHaveLength(2);

  await page.getByRole("button", { name: "New", exact: true }).click();
  await expect(page.getByTestId("draft-step")).toHaveCount(0);
  await page.getByTestId("import-json").setInputFiles(file);
  await expect(page.getByTestId("draft-step")).toHaveCount(1);
  expect(await page.getByTestId("raw-calldata").allTextContents()).toEqual(calldatas);

  await page.getByTestId("import-json").setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"version":"1.0","chainId":"31337","transactions":[{"to":"0x123","value":"-1","data":"zz"}]}'),
  });
  await expect(page.getByTestId("import-error").filter({ hasText: "transactions[0].to" })).toBeVisible();
  await expect(page.getByTestId("draft-step")).toHaveCount(1);
});

test("a proposer below the threshold is told the shortfall and cannot submit", async ({ page, wallet }) => {
  await openBuilder(page, wallet, address(localRoles.holders[7]));
  await page.getByTestId("proposal-title").fill("A holder's idea");
  await addStep(page, "template-parameter-maxLatency", { value: "700" });
  await expect(page.getByTestId("threshold-check")).toContainText("100,000 PLM short");
  await expect(page.getByTestId("submit-proposal")).toBeDisabled();
  await expect(page.getByTestId("simulation-verdict")).toContainText("Every action succeeds");
  await expect(page.getByText("You need 100,000 PLM of voting power to propose; you have 0 PLM.")).toBeVisible();
});

test("the guardian's term and the pause duration from their templates: current values and bounds from the chain, refused beyond them, stored as typed", async ({
  page,
  wallet,
  chain,
}) => {
  const [termEnd, maxTerm, pauseDuration, latest] = await Promise.all([
    chain.readContract({ ...governor, functionName: "guardianTermEnd" }),
    chain.readContract({ ...governor, functionName: "MAX_GUARDIAN_TERM" }),
    chain.readContract({ ...networkParameters, functionName: "pauseDuration" }),
    chain.getBlock(),
  ]);
  await openBuilder(page, wallet);
  await page.getByTestId("proposal-title").fill("Extend the security council by a month, longer pauses");

  await page.getByTestId("template-guardianTermEnd").click();
  const form = page.getByTestId("template-form");
  await expect(form.getByTestId("template-current")).toContainText(`Now: the term ends ${formatTimestamp(termEnd)}.`);
  await expect(form.getByTestId("template-current")).toContainText(
    `${formatDuration(maxTerm)} from now (PlenumGovernor)`,
  );
  await form.getByTestId("field-termEnd").fill(formatTimestamp(latest.timestamp + maxTerm + 2n * DAY));
  await form.getByTestId("add-step").click();
  await expect(form.getByTestId("field-error")).toContainText("(PlenumGovernor: GuardianTermTooLong)");
  await expect(page.getByTestId("draft-step")).toHaveCount(0);
  const newEnd = formatTimestamp(termEnd + 30n * DAY);
  await form.getByTestId("field-termEnd").fill(newEnd);
  await form.getByTestId("add-step").click();
  await expect(page.getByTestId("draft-step").getByTestId("action-summary")).toHaveText(
    `End the guardian's term on ${newEnd} (now ${formatTimestamp(termEnd)}): extends it`,
  );

  await page.getByTestId("template-pauseDuration").click();
  await expect(form.getByTestId("template-current")).toHaveText(
    `Now: a pause lasts ${formatDuration(pauseDuration)}. Limits: 1 day to 30 days (NetworkParameters).`,
  );
  await form.getByTestId("field-seconds").fill("31 days");
  await form.getByTestId("add-step").click();
  await expect(form.getByTestId("field-error")).toContainText("A pause must be between 1 day and 30 days");
  await form.getByTestId("field-seconds").fill("14 days");
  await form.getByTestId("add-step").click();
  await expect(page.getByTestId("draft-step").nth(1).getByTestId("action-summary")).toHaveText(
    `Set how long a pause of the network parameters lasts to 14 days (now ${formatDuration(pauseDuration)}; bounds 1 day–30 days)`,
  );
  await expect(page.getByTestId("simulation-verdict")).toContainText("Every action succeeds");

  await page.getByTestId("submit-proposal").click();
  await expect(page).toHaveURL(/\/proposals\/\d+$/);
  const id = proposalIdFromUrl(page);
  const [term, pause] = await storedActions(chain, id);
  expect(decodeFunctionData({ abi: governor.abi, data: term.calldata })).toMatchObject({
    functionName: "setGuardianTermEnd",
    args: [Number(termEnd + 30n * DAY - ((termEnd + 30n * DAY) % 60n))],
  });
  expect(decodeFunctionData({ abi: networkParameters.abi, data: pause.calldata })).toMatchObject({
    functionName: "setPauseDuration",
    args: [14n * DAY],
  });
  // Extending the term does not protect the proposal from the guardian.
  expect(await chain.readContract({ ...governor, functionName: "isProtectedFromGuardian", args: [id] })).toBe(false);
});

test("a slash mixed with another call is refused by name before submit; alone, it is submitted and decoded", async ({
  page,
  wallet,
  chain,
}) => {
  const [ruling] = await chain.getContractEvents({
    ...disputeModule,
    eventName: "RulingCast",
    fromBlock: 0n,
    strict: true,
  });
  const { disputeId, expert } = ruling.args;
  await openBuilder(page, wallet);
  await page.getByTestId("proposal-title").fill("Slash an expert for a negligent ruling");
  await addStep(page, "template-parameter-maxLatency", { value: "700" });
  await addStep(page, "template-slashExpert", {
    expert,
    ground: "1",
    disputeId: String(disputeId),
    amount: "500",
    reason: "Ruled within minutes, before the evidence was in.",
  });
  await expect(page.getByTestId("draft-step")).toHaveCount(2);
  // The governor refuses the mix at propose: the builder asks it, and says so before anything is sent.
  await expect(page.getByTestId("propose-refusal")).toContainText(
    "1 of the 2 actions change the dispute panel, which may not judge them: put them in a proposal of their own. (MixedPanelProposal)",
  );
  await expect(page.getByTestId("submit-proposal")).toBeDisabled();

  await page.getByRole("button", { name: "Remove step 1" }).click();
  await expect(page.getByTestId("draft-step")).toHaveCount(1);
  await expect(page.getByTestId("propose-refusal")).toHaveCount(0);
  await expect(page.getByTestId("simulation-verdict")).toContainText("Every action succeeds");
  await page.getByTestId("submit-proposal").click();
  await expect(page).toHaveURL(/\/proposals\/\d+$/);
  const id = proposalIdFromUrl(page);
  const [action] = await storedActions(chain, id);
  expect(action.target).toBe(disputeModule.address);
  expect(decodeFunctionData({ abi: disputeModule.abi, data: action.calldata })).toMatchObject({
    functionName: "slashExpert",
    args: [expert, parseEther("500"), 1, disputeId, "Ruled within minutes, before the evidence was in."],
  });
  expect(await chain.readContract({ ...governor, functionName: "isPanelProposal", args: [id] })).toBe(true);
  await expect(page.getByTestId("actions").getByTestId("action-summary")).toContainText(
    `for a negligent ruling on dispute #${disputeId} and remove them from the panel`,
  );
});
