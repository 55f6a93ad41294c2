import { decodeFunctionData, stringToHex } from "viem";
import { contracts } from "../lib/contracts";
import { shortAddress } from "../lib/format";
import { ProposalState } from "../lib/governance/proposal-state";
import { localRoles } from "../scripts/lib/accounts";
import { expect, test } from "./fixtures";
import {
  address,
  disputeEvidence,
  openProposalAs,
  proposalState,
  proposeParameterChange,
  seededActiveProposal,
  undisputedQueuedProposal,
} from "./governance";
import { announced, expectFocusVisible, focusedName, markLiveRegions, move, tabTo } from "./keyboard";

// Every step of these tests is a key press on the page: Tab and Shift+Tab to reach a control by its name, Enter,
// Space, arrow keys and typing. The chain is set up from the script side as in the other specs.
const { disputeModule, governor, networkParameters, token } = contracts;
const ada = address(localRoles.delegates[0]);

test("with the keyboard alone, a holder connects through the wallet dialog and delegates to a typed address", async ({
  page,
  wallet,
  chain,
}) => {
  const holder = address(localRoles.holders[7]);
  const delegate = address(localRoles.delegates[1]);
  const [balance, before] = await Promise.all([
    chain.readContract({ ...token, functionName: "balanceOf", args: [holder] }),
    chain.readContract({ ...token, functionName: "getVotes", args: [delegate] }),
  ]);
  await wallet.install(holder);
  await page.goto("/");

  // The dialog takes the focus and keeps it: Tab and Shift+Tab cycle through its controls.
  await tabTo(page, "button", "Connect Wallet");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const inDialog = () => dialog.evaluate((element) => element.contains(document.activeElement));
  await expect.poll(inDialog).toBe(true);
  await page.keyboard.press("Tab");
  const first = await focusedName(page);
  const seen = [first];
  for (let presses = 0; presses < 20; presses++) {
    await page.keyboard.press("Tab");
    expect(await inDialog(), `Tab left the dialog after ${seen.join(", ")}`).toBe(true);
    await expectFocusVisible(page);
    const name = await focusedName(page);
    if (name === first) break;
    seen.push(name);
  }
  expect(await focusedName(page), `Tab did not come back round to ${first}: ${seen.join(", ")}`).toBe(first);
  expect(seen).toContain('button "Close"');
  await page.keyboard.press("Shift+Tab");
  expect(await inDialog()).toBe(true);
  expect(await focusedName(page)).toBe(seen.at(-1));

  // Escape closes it and gives the focus back to the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Connect Wallet" })).toBeFocused();
  await expectFocusVisible(page);

  // Open again, pick the wallet: connected, the focus lands on the account button that replaced "Connect Wallet".
  await page.keyboard.press("Enter");
  await tabTo(page, "button", /Plenum Test Wallet/, { within: dialog });
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("delegation-form")).toBeVisible();
  // RainbowKit names the account button by the short address: "0x70…79C8".
  expect(await focusedName(page)).toContain(`button "${holder.slice(0, 4)}…${holder.slice(-4)}`);
  await expectFocusVisible(page);

  await tabTo(page, "textbox", "Or delegate to another address");
  await page.keyboard.type(delegate.toLowerCase());
  await expect(page.getByTestId("delegatee-checksummed")).toHaveText(delegate);
  const form = page.getByTestId("delegation-form");
  await markLiveRegions(form);
  await page.keyboard.press("Enter");

  // Once the page has settled, the outcome is in the region that was there before: it was announced.
  await expect(page.getByTestId("your-delegate")).toHaveText(shortAddress(delegate));
  await expect(announced(form, "status", `Your votes are now delegated to ${delegate}`)).toBeVisible();
  expect(await chain.readContract({ ...token, functionName: "delegates", args: [holder] })).toBe(delegate);
  expect(await chain.readContract({ ...token, functionName: "getVotes", args: [delegate] })).toBe(before + balance);
});

test("with the keyboard alone, a delegate picks For with the arrow keys, types a reason and votes", async ({
  page,
  wallet,
  chain,
}) => {
  const id = await seededActiveProposal(chain);
  await openProposalAs(page, wallet, ada, id);
  const panel = page.getByTestId("vote-panel");
  await expect(panel).toBeVisible();

  // The header's menu of pending actions opens with Enter and closes with Escape, the focus back on its button.
  await tabTo(page, "text", /^\d+ pending$/, { within: page.getByTestId("header-account") });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("pending-action").first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("pending-action").first()).toBeHidden();
  await expect(page.getByTestId("header-pending")).toBeFocused();
  await expectFocusVisible(page);

  // Tab enters the radio group on its first choice; the arrow keys move the choice.
  await tabTo(page, "radio", "Against");
  await move(page, "ArrowRight");
  await move(page, "ArrowRight");
  await move(page, "ArrowLeft");
  await expect(panel.getByRole("radio", { name: "For" })).toBeChecked();
  await tabTo(page, "textbox", /^Reason/);
  const reason = "Latency data from the **vision** workloads is not in yet.";
  await page.keyboard.type(reason);
  await tabTo(page, "button", "Vote For");
  const vote = page.getByTestId("vote");
  await markLiveRegions(vote);
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("your-vote")).toContainText("You voted For");
  await expect(announced(vote, "status", "Your vote was counted")).toBeVisible();
  const [cast] = await chain.getContractEvents({
    ...governor,
    eventName: "VoteCast",
    args: { voter: ada },
    fromBlock: "latest",
    strict: true,
  });
  expect(cast.args).toMatchObject({ proposalId: id, support: 1, reason });
});

test("with the keyboard alone, a vote the chain refuses is announced as an alert with its reason", async ({
  page,
  wallet,
  chain,
  governance,
}) => {
  const id = await seededActiveProposal(chain);
  await openProposalAs(page, wallet, ada, id);
  await expect(page.getByTestId("vote-panel")).toBeVisible();
  await governance.waitForDeadline(id);

  await tabTo(page, "radio", "Against");
  await page.keyboard.press("Space");
  await tabTo(page, "button", "Vote Against");
  const vote = page.getByTestId("vote");
  await markLiveRegions(vote);
  await page.keyboard.press("Enter");

  await expect(announced(vote, "alert", "(GovernorUnexpectedProposalState)")).toContainText("Nothing was sent.");
  expect(await chain.readContract({ ...governor, functionName: "hasVoted", args: [id, ada] })).toBe(false);
});

test("with the keyboard alone, a holder writes evidence and files a dispute; each step is announced as it happens", async ({
  page,
  wallet,
  chain,
}) => {
  const id = await undisputedQueuedProposal(chain);
  const holder = address(localRoles.holders[1]);
  await openProposalAs(page, wallet, holder, id);
  const form = page.getByTestId("file-dispute");
  await expect(form.getByTestId("plm-allowance")).toHaveText("0 PLM");

  await tabTo(page, "textbox", /^Evidence/);
  const evidence = "The 99.7% floor would push out the smaller fleets.\n\nSee the **uptime report**.";
  await page.keyboard.type(evidence);
  await tabTo(page, "button", "Approve bond and file dispute");
  await markLiveRegions(form);
  // Each transaction stays pending until the test mines it: the page says so, then says it is done.
  await chain.setAutomine(false);
  await page.keyboard.press("Enter");

  const approve = form.getByTestId("step-approve");
  await expect(announced(approve, "status", "waiting for it to be mined")).toBeVisible();
  await chain.mine({ blocks: 1 });
  await expect(announced(approve, "status", "Bond approved")).toBeVisible();
  await expect(announced(form.getByTestId("step-file"), "status", "waiting for it to be mined")).toBeVisible();
  await chain.mine({ blocks: 1 });

  await expect(page.getByTestId("dispute").getByTestId("dispute-status")).toHaveText("Open: execution frozen");
  const disputeId = await chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [id] });
  expect(disputeId).not.toBe(0n);
  expect(await disputeEvidence(chain, disputeId)).toEqual([{ disputeId, author: holder, evidence }]);
});

test("with the keyboard alone, a delegate builds a parameter change in the builder and submits it", async ({
  page,
  wallet,
  chain,
}) => {
  await wallet.install(ada);
  await page.goto("/proposals/new");
  await wallet.connect();

  await tabTo(page, "button", "Start a new proposal");
  await page.keyboard.press("Enter");
  await tabTo(page, "textbox", "Title");
  await page.keyboard.type("Relax the maximum latency to 650 ms");
  await tabTo(page, "button", /^maxLatency /, { backwards: true });
  await page.keyboard.press("Enter");
  await tabTo(page, "textbox", "New value");
  await page.keyboard.type("650");
  await expect(page.getByTestId("parameter-change-line")).toContainText("→ 650");
  // Enter in a field submits the template's form: the step is added.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("draft-step")).toHaveCount(1);
  // Submit is disabled, so out of the tab order, until the simulation passes.
  await expect(page.getByTestId("simulation-verdict")).toContainText("Every action succeeds");

  await tabTo(page, "button", "Submit proposal");
  const submit = page.getByRole("region", { name: "Simulate and submit" });
  await markLiveRegions(submit);
  await chain.setAutomine(false);
  await page.keyboard.press("Enter");
  await expect(announced(submit, "status", "waiting for it to be mined")).toBeVisible();
  await chain.mine({ blocks: 1 });

  await expect(page).toHaveURL(/\/proposals\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Relax the maximum latency to 650 ms");
  const id = BigInt(new URL(page.url()).pathname.split("/").pop()!);
  const [[target], , [calldata]] = await chain.readContract({
    ...governor,
    functionName: "proposalDetails",
    args: [id],
  });
  expect(target).toBe(networkParameters.address);
  expect(decodeFunctionData({ abi: networkParameters.abi, data: calldata }).args).toEqual([
    stringToHex("maxLatency", { size: 32 }),
    650n,
  ]);
});

test("with the keyboard alone, a proposer opens the cancel confirmation, backs out with Escape, then cancels", async ({
  page,
  wallet,
  chain,
}) => {
  const proposerIndex = localRoles.delegates[3];
  const id = await proposeParameterChange(chain, proposerIndex, {
    title: "Lower the maximum latency to 550 ms",
    key: "maxLatency",
    value: 550n,
  });
  await openProposalAs(page, wallet, address(proposerIndex), id);

  // The confirmation takes the focus when it appears; Escape closes it and the focus goes back to its button.
  await tabTo(page, "button", "Cancel proposal");
  await page.keyboard.press("Enter");
  const confirmation = page.getByRole("group", { name: "Confirm canceling the proposal" });
  await expect(confirmation).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press("Escape");
  await expect(confirmation).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel proposal" })).toBeFocused();
  await expectFocusVisible(page);

  await page.keyboard.press("Enter");
  await expect(confirmation).toBeFocused();
  await tabTo(page, "button", "Yes, cancel it", { within: confirmation });
  const actions = page.getByTestId("proposal-actions");
  await markLiveRegions(actions);
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("no-actions")).toHaveText("Canceled: it will never execute.");
  await expect(announced(actions, "status", "Proposal canceled")).toBeVisible();
  expect(await proposalState(chain, id)).toBe(ProposalState.Canceled);
});
