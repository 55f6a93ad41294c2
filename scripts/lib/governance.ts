// Drives a proposal through its life on a local anvil, as OpenZeppelin's GovernorHelper does in its tests:
// propose, wait for the snapshot, vote, wait for the deadline, queue, wait for the ETA, execute (or cancel).
import { parseEventLogs, type TransactionReceipt } from "viem";
import type { SystemContracts } from "../../lib/contracts/bindings";
import { proposeArgs, type ProposalAction } from "../../lib/governance/actions";
import { writeContract, type AnvilClient, type Sender } from "./chain";

export type VoteSupport = 0 | 1 | 2;

export function governanceHelper(client: AnvilClient, { governor }: Pick<SystemContracts, "governor">) {
  const titleOf = (description: string) => description.split("\n")[0].replace(/^#\s*/, "");

  // The governor keeps each proposal's actions (GovernorStorage), so a proposal is named by its id alone; the call
  // still uses the overload that takes the actions, whose gas the bench reports.
  async function callWithActions(
    sender: Sender,
    id: bigint,
    functionName: "queue" | "execute" | "cancel",
    verb: string,
  ): Promise<TransactionReceipt> {
    const details = await client.readContract({ ...governor, functionName: "proposalDetails", args: [id] });
    return writeContract(client, sender, {
      ...governor,
      functionName,
      args: details,
      label: `${verb} proposal ${id}`,
    });
  }

  /** Mine a block at `timestamp`, unless the chain is already there. */
  async function moveTimeTo(timestamp: bigint) {
    const latest = await client.getBlock();
    if (latest.timestamp >= timestamp) return;
    await client.setNextBlockTimestamp({ timestamp });
    await client.mine({ blocks: 1 });
  }

  return {
    /** Propose `actions`; returns the new proposal's id and the receipt (for its gas). */
    async propose(proposer: Sender, actions: readonly ProposalAction[], description: string) {
      const receipt = await writeContract(client, proposer, {
        ...governor,
        functionName: "propose",
        args: proposeArgs(actions, description),
        label: `proposing "${titleOf(description)}"`,
      });
      const [created] = parseEventLogs({ abi: governor.abi, eventName: "ProposalCreated", logs: receipt.logs });
      return { id: created.args.proposalId, receipt };
    },

    /** Voting opens once the clock is past the snapshot. */
    async waitForSnapshot(id: bigint) {
      await moveTimeTo((await client.readContract({ ...governor, functionName: "proposalSnapshot", args: [id] })) + 1n);
    },

    /** `castVote`, or `castVoteWithReason` when a reason (even an empty one) is given. */
    vote(voter: Sender, id: bigint, support: VoteSupport, reason?: string): Promise<TransactionReceipt> {
      const label = `vote on proposal ${id}`;
      return reason === undefined
        ? writeContract(client, voter, { ...governor, functionName: "castVote", args: [id, support], label })
        : writeContract(client, voter, {
            ...governor,
            functionName: "castVoteWithReason",
            args: [id, support, reason],
            label,
          });
    },

    /** Voting closes once the clock is past the deadline (read each time: late quorum may extend it). */
    async waitForDeadline(id: bigint) {
      await moveTimeTo((await client.readContract({ ...governor, functionName: "proposalDeadline", args: [id] })) + 1n);
    },

    queue: (sender: Sender, id: bigint) => callWithActions(sender, id, "queue", "queueing"),

    /** The timelock lets the proposal execute once the clock reaches its ETA. */
    async waitForEta(id: bigint) {
      await moveTimeTo(await client.readContract({ ...governor, functionName: "proposalEta", args: [id] }));
    },

    execute: (sender: Sender, id: bigint) => callWithActions(sender, id, "execute", "executing"),

    /** The proposer's cancel (before voting starts). */
    cancel: (sender: Sender, id: bigint) => callWithActions(sender, id, "cancel", "canceling"),
  };
}

export type GovernanceHelper = ReturnType<typeof governanceHelper>;
