import type { Client } from "viem";
import { getBlock, getBlockNumber, getContractEvents, readContract } from "viem/actions";
import { contracts } from "../contracts";

const { governor } = contracts;

/** How many blocks back from the latest the ProposalCreated log of a proposal not yet indexed is looked for. */
export const CREATED_LOOKBACK_BLOCKS = 1_000n;

/** What a proposal's ProposalCreated log says that the governor does not store: its text, and the time it was made. */
export type CreatedProposal = { description: string; createdAt: bigint };

/** Whether the governor knows the id: every proposal it stores has a nonzero snapshot. */
export async function governorKnows(client: Client, id: bigint): Promise<boolean> {
  return (await readContract(client, { ...governor, functionName: "proposalSnapshot", args: [id] })) !== 0n;
}

/**
 * A proposal the indexer has not reached yet (just created), from its ProposalCreated log: one eth_getLogs for the
 * governor's event over the last `lookback` blocks. Undefined when the log is older than that.
 */
export async function readProposalCreated(
  client: Client,
  id: bigint,
  lookback = CREATED_LOOKBACK_BLOCKS,
): Promise<CreatedProposal | undefined> {
  const latest = await getBlockNumber(client, { cacheTime: 0 });
  const logs = await getContractEvents(client, {
    ...governor,
    eventName: "ProposalCreated",
    fromBlock: latest > lookback ? latest - lookback : 0n,
    toBlock: latest,
    strict: true,
  });
  const log = logs.find((entry) => entry.args.proposalId === id);
  if (!log) return undefined;
  const block = await getBlock(client, { blockNumber: log.blockNumber });
  return { description: log.args.description, createdAt: block.timestamp };
}
