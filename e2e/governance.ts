import type { Page } from "@playwright/test";
import { encodeFunctionData, keccak256, stringToHex, toHex, type Address } from "viem";
import { contracts } from "../lib/contracts";
import type { ProposalAction } from "../lib/governance/actions";
import { ProposalState } from "../lib/governance/proposal-state";
import { splitDescription } from "../lib/governance/proposal-text";
import { anvilAccount, type AnvilClient } from "../scripts/lib/chain";
import { governanceHelper } from "../scripts/lib/governance";

const { governor, networkParameters, delegateStatements, disputeModule } = contracts;

/**
 * A new proposal from `proposerIndex` (an anvil account of the demo) that sets one network parameter, sent from
 * the script side as another tool would; returns its id. The title makes each description unique.
 */
export function proposeParameterChange(
  chain: AnvilClient,
  proposerIndex: number,
  { title, key, value }: { title: string; key: string; value: bigint },
): Promise<bigint> {
  const data = encodeFunctionData({
    abi: networkParameters.abi,
    functionName: "setParameter",
    args: [stringToHex(key, { size: 32 }), value],
  });
  return propose(chain, proposerIndex, {
    title,
    body: `Set \`${key}\` to ${value}.`,
    actions: [{ target: networkParameters.address, value: 0n, calldata: data }],
  });
}

/** A new proposal of any actions from `proposerIndex`, sent from the script side; returns its id. */
export async function propose(
  chain: AnvilClient,
  proposerIndex: number,
  { title, body, actions }: { title: string; body: string; actions: readonly ProposalAction[] },
): Promise<bigint> {
  const description = `# ${title}\n\n${body} (${keccak256(toHex(title)).slice(0, 10)})`;
  const { id } = await governanceHelper(chain, contracts).propose(anvilAccount(proposerIndex), actions, description);
  return id;
}

export function readParameter(chain: AnvilClient, key: string) {
  return chain.readContract({
    ...networkParameters,
    functionName: "getParameter",
    args: [stringToHex(key, { size: 32 })],
  });
}

export async function proposalState(chain: AnvilClient, id: bigint) {
  return chain.readContract({ ...governor, functionName: "state", args: [id] });
}

/** Every proposal on the chain with its state, oldest first. */
export async function proposalsWithState(chain: AnvilClient): Promise<{ id: bigint; state: number }[]> {
  const count = await chain.readContract({ ...governor, functionName: "proposalCount" });
  const proposals = [];
  for (let i = 0n; i < count; i++) {
    const [id] = await chain.readContract({ ...governor, functionName: "proposalDetailsAt", args: [i] });
    proposals.push({ id, state: await proposalState(chain, id) });
  }
  return proposals;
}

/** The id of a proposal the seed left Active. */
export async function seededActiveProposal(chain: AnvilClient): Promise<bigint> {
  const active = (await proposalsWithState(chain)).find(({ state }) => state === ProposalState.Active);
  if (!active) throw new Error("The seed has no active proposal");
  return active.id;
}

export function address(index: number): Address {
  return anvilAccount(index).address;
}

/** The latest statement an address published, read from the contract's events. */
export async function latestStatement(chain: AnvilClient, delegate: Address) {
  const logs = await chain.getContractEvents({
    ...delegateStatements,
    eventName: "StatementPublished",
    args: { delegate },
    fromBlock: 0n,
    strict: true,
  });
  return logs.at(-1)!.args;
}

/** Every piece of evidence added to a dispute, in order, read from the module's events. */
export async function disputeEvidence(chain: AnvilClient, disputeId: bigint) {
  const logs = await chain.getContractEvents({
    ...disputeModule,
    eventName: "EvidenceAdded",
    args: { disputeId },
    fromBlock: 0n,
    strict: true,
  });
  return logs.map((log) => log.args);
}

/** A proposal's page, with the test wallet installed for `account` and connected. */
export async function openProposalAs(
  page: Page,
  wallet: { install: (account: Address) => Promise<void>; connect: () => Promise<void> },
  account: Address,
  id: bigint,
) {
  await wallet.install(account);
  await page.goto(`/proposals/${id}`);
  await wallet.connect();
}

/** The seeded queued proposal nobody disputed yet (its ETA about a day ahead). */
export async function undisputedQueuedProposal(chain: AnvilClient): Promise<bigint> {
  const created = await chain.getContractEvents({
    ...governor,
    eventName: "ProposalCreated",
    fromBlock: 0n,
    strict: true,
  });
  const log = created.find(
    ({ args }) => splitDescription(args.description).title === "Raise the minimum SLA uptime to 99.7%",
  );
  if (!log) throw new Error("The seed has no proposal titled 'Raise the minimum SLA uptime to 99.7%'");
  const id = log.args.proposalId;
  if ((await chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [id] })) !== 0n)
    throw new Error("The seeded queued proposal is already disputed");
  return id;
}
