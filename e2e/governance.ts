import { encodeFunctionData, keccak256, parseEventLogs, stringToHex, toHex, type Address } from "viem";
import { contracts } from "../lib/contracts";
import { anvilAccount, writeContract, type AnvilClient } from "../scripts/lib/chain";

const { governor, networkParameters, delegateStatements } = contracts;

/**
 * A new proposal from `proposerIndex` (an anvil account of the demo) that sets one network parameter, sent from
 * the script side as another tool would; returns its id. The title makes each description unique.
 */
export async function proposeParameterChange(
  chain: AnvilClient,
  proposerIndex: number,
  { title, key, value }: { title: string; key: string; value: bigint },
): Promise<bigint> {
  const data = encodeFunctionData({
    abi: networkParameters.abi,
    functionName: "setParameter",
    args: [stringToHex(key, { size: 32 }), value],
  });
  const description = `# ${title}\n\nSet \`${key}\` to ${value}. (${keccak256(toHex(title)).slice(0, 10)})`;
  const receipt = await writeContract(chain, anvilAccount(proposerIndex), {
    ...governor,
    functionName: "propose",
    args: [[networkParameters.address], [0n], [data], description],
    label: `proposing "${title}"`,
  });
  const [created] = parseEventLogs({ abi: governor.abi, eventName: "ProposalCreated", logs: receipt.logs });
  return created.args.proposalId;
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
