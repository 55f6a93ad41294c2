import { getContractEvents, getLogs } from "viem/actions";
import { parseEventLogs, type Hash, type Client } from "viem";
import { contracts } from "../contracts";
import { splitDescription } from "../governance/proposal-text";
import { voteSupportNames, type CastVote } from "../governance/votes";
import { queryAllBlocks } from "./block-ranges";

const { governor } = contracts;

/** A proposal as its `ProposalCreated` event describes it. */
export type CreatedProposal = {
  id: bigint;
  description: string;
  /** The first heading of the description, else its first line. */
  title: string;
  /** The rest of the description. */
  body: string;
  /** The snapshot: voting opens right after it. */
  voteStart: bigint;
  blockNumber: bigint;
};

type ProposalMilestoneEvent = "ProposalExtended" | "ProposalQueued" | "ProposalExecuted" | "ProposalCanceled";

/** The governor's event history since the deployment, each list in chain order. */
export type GovernorHistory = {
  created: CreatedProposal[];
  /** `VoteCast` and `VoteCastWithParams`. */
  votes: CastVote[];
  /** `ProposalExtended`, `ProposalQueued`, `ProposalExecuted` and `ProposalCanceled`. */
  milestones: { event: ProposalMilestoneEvent; proposalId: bigint; blockNumber: bigint; transactionHash: Hash }[];
};

function createdProposal({
  args,
  blockNumber,
}: {
  args: { proposalId: bigint; description: string; voteStart: bigint };
  blockNumber: bigint;
}): CreatedProposal {
  return {
    id: args.proposalId,
    description: args.description,
    ...splitDescription(args.description),
    voteStart: args.voteStart,
    blockNumber,
  };
}

/** Every proposal's `ProposalCreated` event, in creation order. */
export async function loadCreatedProposals(client: Client): Promise<CreatedProposal[]> {
  const logs = await queryAllBlocks(client, (range) =>
    getContractEvents(client, { ...governor, eventName: "ProposalCreated", strict: true, ...range }),
  );
  return logs.map(createdProposal);
}

/** Everything the governor emitted since the deployment: one log query per block range, decoded with its ABI. */
export async function loadGovernorHistory(client: Client): Promise<GovernorHistory> {
  const logs = await queryAllBlocks(client, (range) => getLogs(client, { address: governor.address, ...range }));
  const history: GovernorHistory = { created: [], votes: [], milestones: [] };
  for (const event of parseEventLogs({ abi: governor.abi, logs })) {
    switch (event.eventName) {
      case "ProposalCreated":
        history.created.push(createdProposal(event));
        break;
      case "VoteCast":
      case "VoteCastWithParams": {
        const { voter, proposalId, support, weight, reason } = event.args;
        const { transactionHash } = event;
        history.votes.push({ voter, proposalId, support: voteSupportNames[support], weight, reason, transactionHash });
        break;
      }
      case "ProposalExtended":
      case "ProposalQueued":
      case "ProposalExecuted":
      case "ProposalCanceled": {
        const { eventName, args, blockNumber, transactionHash } = event;
        history.milestones.push({ event: eventName, proposalId: args.proposalId, blockNumber, transactionHash });
        break;
      }
    }
  }
  return history;
}
