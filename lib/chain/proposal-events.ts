import type { PublicClient } from "viem";
import { contracts } from "../contracts";
import type { ProposalVoting } from "../governance/delegates";
import { splitDescription } from "../governance/proposal-text";
import { queryAllBlocks } from "./block-ranges";

/**
 * Every proposal's id, title (the first heading of its description) and snapshot, and whether its voting ever
 * started: the snapshot passed before now, and before the proposal was canceled if it was.
 */
export async function loadProposalVotings(client: PublicClient): Promise<ProposalVoting[]> {
  const { governor, token } = contracts;
  const [created, canceled, now] = await Promise.all([
    queryAllBlocks(client, (range) =>
      client.getContractEvents({ ...governor, eventName: "ProposalCreated", strict: true, ...range }),
    ),
    queryAllBlocks(client, (range) =>
      client.getContractEvents({ ...governor, eventName: "ProposalCanceled", strict: true, ...range }),
    ),
    client.readContract({ ...token, functionName: "clock" }),
  ]);
  const canceledAt = new Map<bigint, bigint>();
  await Promise.all(
    canceled.map(async (log) => {
      const block = await client.getBlock({ blockNumber: log.blockNumber });
      canceledAt.set(log.args.proposalId, block.timestamp);
    }),
  );
  return created.map(({ args }) => {
    const end = canceledAt.get(args.proposalId) ?? BigInt(now);
    return {
      id: args.proposalId,
      title: splitDescription(args.description).title,
      voteStart: args.voteStart,
      votingStarted: args.voteStart < end,
    };
  });
}
