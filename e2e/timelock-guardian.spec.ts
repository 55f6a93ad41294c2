import { encodeFunctionData, parseEventLogs, zeroAddress, type Hex } from "viem";
import { config } from "../lib/config";
import { contracts } from "../lib/contracts";
import { formatDuration, formatTimestamp } from "../lib/format";
import { ProposalState, proposalStateNames } from "../lib/governance/proposal-state";
import { describeCancellers, describeChallengeWindow, describeExecutors } from "../lib/governance/timelock-operation";
import { localRoles } from "../scripts/lib/accounts";
import type { AnvilClient } from "../scripts/lib/chain";
import { expect, test } from "./fixtures";
import { address, proposalState, propose } from "./governance";

const { governor, timelock, networkParameters, disputeModule } = contracts;
const fromBlock = BigInt(config.deployment.deployBlock);
const guardian = address(localRoles.guardian);
const delegate = address(localRoles.delegates[1]);

/** TimelockController.OperationState, in contract order. */
const OperationState = { Unset: 0, Waiting: 1, Ready: 2, Done: 3 } as const;

/** The seeded proposal whose description starts with `# title`, with what the governor stores of it. */
async function proposalTitled(chain: AnvilClient, title: string) {
  const created = await chain.getContractEvents({ ...governor, eventName: "ProposalCreated", fromBlock, strict: true });
  const event = created.find((log) => log.args.description.startsWith(`# ${title}`));
  if (!event) throw new Error(`The seed has no proposal titled "${title}"`);
  const id = event.args.proposalId;
  const [targets, values, calldatas] = await chain.readContract({
    ...governor,
    functionName: "proposalDetails",
    args: [id],
  });
  return { id, targets, values, calldatas, state: proposalStateNames[await proposalState(chain, id)] };
}

/** The operation the queue transaction scheduled, as the timelock logged it: id, predecessor and salt. */
async function scheduledOperation(chain: AnvilClient, proposalId: bigint) {
  const queued = await chain.getContractEvents({ ...governor, eventName: "ProposalQueued", fromBlock, strict: true });
  const queueTx = queued.find((event) => event.args.proposalId === proposalId)?.transactionHash;
  if (!queueTx) throw new Error(`proposal ${proposalId} has not been queued`);
  const { logs } = await chain.getTransactionReceipt({ hash: queueTx });
  const [scheduled] = parseEventLogs({ abi: timelock.abi, eventName: "CallScheduled", logs });
  const [salted] = parseEventLogs({ abi: timelock.abi, eventName: "CallSalt", logs });
  return { id: scheduled.args.id, predecessor: scheduled.args.predecessor, salt: salted.args.salt };
}

function operationState(chain: AnvilClient, id: Hex) {
  return chain.readContract({ ...timelock, functionName: "getOperationState", args: [id] });
}

/** Which of the governor, the guardian and the open role hold `role`, read from the timelock. */
async function roleHolders(chain: AnvilClient, roleName: "EXECUTOR_ROLE" | "CANCELLER_ROLE") {
  const role = await chain.readContract({ ...timelock, functionName: roleName });
  const proposalGuardian = await chain.readContract({ ...governor, functionName: "proposalGuardian" });
  const hasRole = (account: `0x${string}`) =>
    chain.readContract({ ...timelock, functionName: "hasRole", args: [role, account] });
  return {
    governor: await hasRole(governor.address),
    guardian: await hasRole(proposalGuardian),
    anyone: await hasRole(zeroAddress),
  };
}

test("the queued proposal's timelock panel shows the operation as the timelock sees it, then Ready, and Done once executed", async ({
  page,
  chain,
  governance,
}) => {
  const proposal = await proposalTitled(chain, "Raise the minimum SLA uptime to 99.7%");
  expect(proposal.state).toBe("Queued");
  const operation = await scheduledOperation(chain, proposal.id);
  expect(await operationState(chain, operation.id)).toBe(OperationState.Waiting);
  const eta = await chain.readContract({ ...timelock, functionName: "getTimestamp", args: [operation.id] });

  await page.goto(`/proposals/${proposal.id}`);
  const panel = page.getByTestId("timelock");
  await expect(panel.getByTestId("timelock-operation-id")).toHaveText(operation.id);
  await expect(panel.getByTestId("timelock-salt")).toHaveText(operation.salt);
  await expect(panel.getByTestId("timelock-predecessor")).toHaveText(operation.predecessor);
  // The id the timelock computes from the shown salt and predecessor is the shown id.
  const shownSalt = (await panel.getByTestId("timelock-salt").textContent()) as Hex;
  const shownPredecessor = (await panel.getByTestId("timelock-predecessor").textContent()) as Hex;
  const hashed = await chain.readContract({
    ...timelock,
    functionName: "hashOperationBatch",
    args: [proposal.targets, proposal.values, proposal.calldatas, shownPredecessor, shownSalt],
  });
  await expect(panel.getByTestId("timelock-operation-id")).toHaveText(hashed);

  await expect(panel.getByTestId("timelock-operation-state")).toHaveText("Waiting");
  await expect(panel.getByTestId("timelock-eta")).toHaveText(formatTimestamp(eta));
  // The countdown is live: it ticks with the chain's clock.
  const countdown = panel.getByTestId("timelock-countdown");
  await expect(countdown).toHaveText(/^(\d+[dhms] ?)+$/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first!);
  await expect(panel.getByTestId("timelock-challenge")).toHaveText(describeChallengeWindow(eta));

  // Who may execute and cancel, from the timelock's roles: the governor alone, as the deployment wires them.
  const executors = await roleHolders(chain, "EXECUTOR_ROLE");
  const cancellers = await roleHolders(chain, "CANCELLER_ROLE");
  expect(executors).toEqual({ governor: true, guardian: false, anyone: false });
  expect(cancellers).toEqual({ governor: true, guardian: false, anyone: false });
  await expect(panel.getByTestId("timelock-executors")).toHaveText(describeExecutors(executors));
  await expect(panel.getByTestId("timelock-executors")).toHaveText(
    "Execute: through the governor (anyone may call execute once ready)",
  );
  await expect(panel.getByTestId("timelock-cancellers")).toHaveText(describeCancellers(cancellers));
  await expect(panel.getByTestId("timelock-cancellers")).toHaveText(
    "Cancel: the governor (proposer while pending, the guardian before execution, the dispute module on an upheld dispute)",
  );

  // Past the ETA the timelock reports the operation ready.
  await governance.waitForEta(proposal.id);
  expect(await operationState(chain, operation.id)).toBe(OperationState.Ready);
  await page.reload();
  await expect(panel.getByTestId("timelock-operation-state")).toHaveText("Ready");
  await expect(panel.getByTestId("timelock-challenge")).toHaveText(`Closed at the ETA, ${formatTimestamp(eta)}.`);
  await expect(panel.getByTestId("timelock-countdown")).toHaveCount(0);

  // An executed proposal's operation is done.
  const executed = await proposalTitled(chain, "Raise the inference fee to 0.25");
  expect(executed.state).toBe("Executed");
  const done = await scheduledOperation(chain, executed.id);
  expect(await operationState(chain, done.id)).toBe(OperationState.Done);
  await page.goto(`/proposals/${executed.id}`);
  await expect(panel.getByTestId("timelock-operation-id")).toHaveText(done.id);
  await expect(panel.getByTestId("timelock-salt")).toHaveText(done.salt);
  await expect(panel.getByTestId("timelock-operation-state")).toHaveText("Done");
});

test("the disputed proposal's timelock panel says execution is frozen until the panel rules, at the latest its deadline", async ({
  page,
  chain,
}) => {
  const proposal = await proposalTitled(chain, "Raise the inference fee to 1.50 PLM per 1k tokens");
  expect(proposal.state).toBe("Queued");
  const disputeId = await chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [proposal.id] });
  const dispute = await chain.readContract({ ...disputeModule, functionName: "getDispute", args: [disputeId] });
  expect(await chain.readContract({ ...disputeModule, functionName: "isBlocking", args: [proposal.id] })).toBe(true);

  await page.goto(`/proposals/${proposal.id}`);
  const panel = page.getByTestId("timelock");
  await expect(panel.getByTestId("timelock-frozen")).toHaveText(
    `Execution is frozen by dispute #${disputeId} until the panel rules, at the latest ${formatTimestamp(dispute.deadline)}.`,
  );
  await expect(panel.getByTestId("timelock-challenge")).toHaveCount(0);
  await expect(panel.getByTestId("timelock-operation-state")).toHaveText("Waiting");
});

test("the guardian cancels a queued proposal after confirming; the timelock panel then says canceled", async ({
  page,
  wallet,
  chain,
}) => {
  const proposal = await proposalTitled(chain, "Raise the minimum SLA uptime to 99.7%");
  const operation = await scheduledOperation(chain, proposal.id);
  expect(await chain.readContract({ ...governor, functionName: "proposalGuardian" })).toBe(guardian);

  await wallet.install(guardian);
  await page.goto(`/proposals/${proposal.id}`);
  await wallet.connect();
  await page.getByRole("button", { name: "Cancel proposal (guardian)" }).click();
  // The confirmation comes first and states the consequence; nothing is sent yet.
  await expect(page.getByTestId("cancel-proposal")).toContainText(
    "Canceling is final: the proposal can never be voted on, queued or executed again, and its timelock operation is canceled.",
  );
  expect(await proposalState(chain, proposal.id)).toBe(ProposalState.Queued);
  await page.getByTestId("confirm-cancel").click();

  await expect(page.getByTestId("proposal-state")).toHaveText("Canceled");
  await expect(page.getByTestId("transaction-status")).toContainText("Proposal canceled");
  expect(await proposalState(chain, proposal.id)).toBe(ProposalState.Canceled);
  // OpenZeppelin 5 clears a canceled operation: the timelock reads it Unset, and logged its cancellation.
  expect(await operationState(chain, operation.id)).toBe(OperationState.Unset);
  const cancelled = await chain.getContractEvents({
    ...timelock,
    eventName: "Cancelled",
    args: { id: operation.id },
    fromBlock,
    strict: true,
  });
  expect(cancelled).toHaveLength(1);

  const panel = page.getByTestId("timelock");
  await expect(panel.getByTestId("timelock-operation-state")).toHaveText("Canceled");
  await expect(panel.getByTestId("timelock-state-explanation")).toContainText("it can never execute");
  await expect(panel.getByTestId("timelock-operation-id")).toHaveText(operation.id);
});

test("the guardian pauses from the overview after confirming; the pause lapses by itself, and the guardian may pause again only from the time shown", async ({
  page,
  wallet,
  chain,
}) => {
  expect(await chain.readContract({ ...networkParameters, functionName: "guardian" })).toBe(guardian);
  expect(await chain.readContract({ ...networkParameters, functionName: "paused" })).toBe(false);
  const termEnd = await chain.readContract({ ...governor, functionName: "guardianTermEnd" });
  const pauseDuration = await chain.readContract({ ...networkParameters, functionName: "pauseDuration" });

  await wallet.install(guardian);
  await page.goto("/");
  await wallet.connect();
  const status = page.getByTestId("guardian-status");
  const account = page.getByTestId("your-account");
  const parametersHeading = page.getByRole("heading", { name: /^Network parameters/ });
  await expect(status.getByTestId("guardian-address")).toHaveText(guardian);
  await expect(status.getByTestId("guardian-term")).toContainText(`ends ${formatTimestamp(termEnd)}`);
  await expect(status.getByTestId("parameters-pause")).toHaveText("Not paused");
  await expect(status.getByTestId("guardian-next-pause")).toHaveText("now");
  await expect(parametersHeading).toContainText("Live");
  await account.getByTestId("pause-parameters").click();
  // The confirmation states the consequence; nothing is sent yet.
  const confirmation = account.getByTestId("confirm-pause-box");
  await expect(confirmation).toContainText(
    `stops every network parameter change for ${formatDuration(pauseDuration)}: each one reverts with ParametersPaused`,
  );
  await expect(confirmation).toContainText("Only a passed proposal can unpause sooner or renew it");
  expect(await chain.readContract({ ...networkParameters, functionName: "paused" })).toBe(false);
  await account.getByTestId("confirm-pause").click();

  await expect(account.getByTestId("transaction-status")).toContainText("Network parameters paused");
  const pausedUntil = await chain.readContract({ ...networkParameters, functionName: "pausedUntil" });
  const availableAt = await chain.readContract({ ...networkParameters, functionName: "guardianPauseAvailableAt" });
  expect(availableAt).toBe(pausedUntil + pauseDuration);
  await expect(status.getByTestId("parameters-pause")).toHaveText(`Paused until ${formatTimestamp(pausedUntil)}`);
  await expect(parametersHeading).toContainText(`Paused until ${formatTimestamp(pausedUntil)}`);
  await expect(status.getByTestId("guardian-next-pause")).toHaveText(`from ${formatTimestamp(availableAt)}`);
  await expect(account.getByTestId("pause-unavailable")).toHaveText(
    `The network parameters are already paused until ${formatTimestamp(pausedUntil)}.`,
  );
  await expect(account.getByTestId("pause-parameters")).toHaveCount(0);
  expect(await chain.readContract({ ...networkParameters, functionName: "paused" })).toBe(true);
  // The consequence holds on chain: even the timelock cannot change a parameter now.
  const [keys] = await chain.readContract({ ...networkParameters, functionName: "allParameters" });
  await expect(
    chain.simulateContract({
      ...networkParameters,
      functionName: "setParameter",
      args: [keys[0], 1n],
      account: timelock.address,
    }),
  ).rejects.toThrow(/ParametersPaused/);

  // The pause lapses by itself at its end; the guardian must wait as long again before pausing anew.
  await chain.setNextBlockTimestamp({ timestamp: pausedUntil });
  await chain.mine({ blocks: 1 });
  expect(await chain.readContract({ ...networkParameters, functionName: "paused" })).toBe(false);
  await page.reload();
  await expect(status.getByTestId("parameters-pause")).toHaveText("Not paused");
  await expect(parametersHeading).toContainText("Live");
  await expect(status.getByTestId("guardian-next-pause")).toHaveText(`from ${formatTimestamp(availableAt)}`);
  await expect(account.getByTestId("pause-unavailable")).toHaveText(
    `The guardian may pause again from ${formatTimestamp(availableAt)}: after a pause ends, as long again must pass.`,
  );
  await expect(account.getByTestId("pause-parameters")).toHaveCount(0);
  await expect(
    chain.simulateContract({ ...networkParameters, functionName: "pause", account: guardian }),
  ).rejects.toThrow(/GuardianPauseTooSoon/);
});

test("the guardian is not offered the cancel of a proposal that only replaces the guardian, and the page says why", async ({
  page,
  wallet,
  chain,
}) => {
  const successor = address(localRoles.holders[0]);
  const id = await propose(chain, localRoles.delegates[0], {
    title: "Hand the security council to a new multisig",
    body: "Replace the guardian.",
    actions: [
      {
        target: governor.address,
        value: 0n,
        calldata: encodeFunctionData({ abi: governor.abi, functionName: "setProposalGuardian", args: [successor] }),
      },
    ],
  });
  expect(proposalStateNames[await proposalState(chain, id)]).toBe("Pending");
  expect(await chain.readContract({ ...governor, functionName: "isProtectedFromGuardian", args: [id] })).toBe(true);
  await expect(
    chain.simulateContract({ ...governor, functionName: "cancel", args: [id], account: guardian }),
  ).rejects.toThrow(/GovernorUnableToCancel/);

  await wallet.install(guardian);
  await page.goto(`/proposals/${id}`);
  await wallet.connect();
  const actions = page.getByTestId("proposal-actions");
  await expect(actions.getByTestId("guardian-cannot-cancel")).toHaveText(
    "The guardian cannot cancel this proposal: it only replaces or removes the guardian, shortens its term or unpauses the network parameters.",
  );
  await expect(page.getByRole("button", { name: /Cancel proposal/ })).toHaveCount(0);
  // The guardian may still pause: only the cancel of this proposal is out of its reach.
  await expect(actions.getByTestId("pause-parameters")).toBeVisible();
});

test("after the guardian's term ends, the guardian is offered neither cancel nor pause, and the pages say so", async ({
  page,
  wallet,
  chain,
}) => {
  const proposal = await proposalTitled(chain, "Raise the minimum SLA uptime to 99.7%");
  expect(proposal.state).toBe("Queued");
  const termEnd = await chain.readContract({ ...governor, functionName: "guardianTermEnd" });
  await chain.setNextBlockTimestamp({ timestamp: termEnd });
  await chain.mine({ blocks: 1 });
  expect(proposalStateNames[await proposalState(chain, proposal.id)]).toBe("Queued");
  await expect(
    chain.simulateContract({ ...governor, functionName: "cancel", args: [proposal.id], account: guardian }),
  ).rejects.toThrow(/GovernorUnableToCancel/);
  await expect(
    chain.simulateContract({ ...networkParameters, functionName: "pause", account: guardian }),
  ).rejects.toThrow(/GuardianTermOver/);

  await wallet.install(guardian);
  await page.goto(`/proposals/${proposal.id}`);
  await wallet.connect();
  const actions = page.getByTestId("proposal-actions");
  await expect(actions.getByTestId("guardian-cannot-cancel")).toHaveText(
    `The guardian's term ended ${formatTimestamp(termEnd)}: the guardian can no longer cancel proposals.`,
  );
  await expect(actions.getByTestId("pause-unavailable")).toHaveText(
    `The guardian's term ended ${formatTimestamp(termEnd)}: only governance can pause the network parameters now.`,
  );
  await expect(actions.getByTestId("execute")).toBeVisible();
  await expect(page.getByRole("button", { name: /Cancel proposal/ })).toHaveCount(0);
  await expect(page.getByTestId("pause-parameters")).toHaveCount(0);

  await page.goto("/");
  const status = page.getByTestId("guardian-status");
  await expect(status.getByTestId("guardian-term")).toContainText(`ended ${formatTimestamp(termEnd)}`);
  await expect(status.getByTestId("guardian-next-pause")).toHaveText("no longer");
  await expect(page.getByTestId("your-account").getByTestId("pause-unavailable")).toBeVisible();
  await expect(page.getByTestId("pause-parameters")).toHaveCount(0);
});

test("a delegate is offered neither the guardian's cancel nor the pause, on the proposal page and the overview", async ({
  page,
  wallet,
  chain,
}) => {
  expect(delegate).not.toBe(guardian);
  expect(await chain.readContract({ ...governor, functionName: "proposalGuardian" })).not.toBe(delegate);
  expect(await chain.readContract({ ...networkParameters, functionName: "guardian" })).not.toBe(delegate);
  const proposal = await proposalTitled(chain, "Raise the minimum SLA uptime to 99.7%");

  await wallet.install(delegate);
  await page.goto(`/proposals/${proposal.id}`);
  await wallet.connect();
  const actions = page.getByTestId("proposal-actions");
  // Both controls have read the chain: the guardian's address is named, the queued proposal's execute is shown.
  await expect(actions.getByTestId("pause-not-guardian")).toContainText("Only the guardian");
  await expect(actions.getByTestId("execute")).toBeVisible();
  await expect(actions.getByTestId("cancel-proposal")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Cancel proposal/ })).toHaveCount(0);
  await expect(page.getByTestId("pause-parameters")).toHaveCount(0);

  await page.goto("/");
  const account = page.getByTestId("your-account");
  await expect(account.getByTestId("pause-not-guardian")).toContainText("Only the guardian");
  await expect(account.getByTestId("pause-parameters")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Pause the network parameters/ })).toHaveCount(0);
  expect(await chain.readContract({ ...networkParameters, functionName: "paused" })).toBe(false);
});
