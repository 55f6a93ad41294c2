import { ponder, type Context, type Event } from "ponder:registry";
import { proposal, vote } from "ponder:schema";
import type { Hex } from "viem";
import { splitDescription } from "../../lib/governance/proposal-text";
import { proposalKindsOf } from "../../lib/governance/proposal-kinds";
import { addUpcomingStart, advanceTo, changeAccount, dropUpcomingStart, updateDao } from "./dao";
import { deployment } from "./deployment";
import { recordSetting, recordSettingEvent } from "./settings";

ponder.on("Governor:ProposalCreated", async ({ event, context }) => {
  const { proposalId: id, proposer, targets, values, calldatas, voteStart, voteEnd, description } = event.args;
  const { timestamp, number } = event.block;
  await advanceTo(context, timestamp);
  const { title } = splitDescription(description);
  await context.db.insert(proposal).values({
    id,
    proposer,
    targets: [...targets],
    values: [...values],
    calldatas: [...calldatas],
    description,
    title,
    searchText: description.toLowerCase(),
    kinds: proposalKindsOf(
      targets.map((target, i) => ({ target, value: values[i] })),
      deployment,
    ),
    voteStart,
    voteEnd,
    initialVoteEnd: voteEnd,
    createdAt: timestamp,
    createdBlock: number,
    createdTx: event.transaction.hash,
    forVotes: 0n,
    againstVotes: 0n,
    abstainVotes: 0n,
    voterCount: 0,
  });
  await addUpcomingStart(context, id, voteStart);
  await updateDao(context, (state) => ({ proposalCount: state.proposalCount + 1 }));
});

async function recordVote(context: Context, event: Event<"Governor:VoteCast">, params: Hex) {
  const { voter, proposalId, support, weight, reason } = event.args;
  const { timestamp, number } = event.block;
  await advanceTo(context, timestamp);
  const totals = await context.db.update(proposal, { id: proposalId }).set((row) => {
    const forVotes = row.forVotes + (support === 1 ? weight : 0n);
    const abstainVotes = row.abstainVotes + (support === 2 ? weight : 0n);
    // As GovernorVotesQuorumFraction counts it: for and abstain votes against the quorum at the snapshot.
    const reached = row.quorum !== null && forVotes + abstainVotes >= row.quorum;
    return {
      againstVotes: row.againstVotes + (support === 0 ? weight : 0n),
      forVotes,
      abstainVotes,
      voterCount: row.voterCount + 1,
      quorumReachedAt: row.quorumReachedAt ?? (reached ? timestamp : null),
    };
  });
  await context.db.insert(vote).values({
    proposalId,
    voter,
    support,
    weight,
    reason,
    params,
    timestamp,
    blockNumber: number,
    transactionHash: event.transaction.hash,
    forAfter: totals.forVotes,
    againstAfter: totals.againstVotes,
    abstainAfter: totals.abstainVotes,
  });
  await updateDao(context, (state) => ({ voteCount: state.voteCount + 1 }));
  await changeAccount(context, voter, timestamp, (row) => ({
    votesCast: row.votesCast + 1,
    // Weight is the voting power at the snapshot: a vote with weight is one this account was eligible for.
    votedEligible: row.votedEligible + (weight > 0n ? 1 : 0),
  }));
}

ponder.on("Governor:VoteCast", async ({ event, context }) => {
  await recordVote(context, event, "0x");
});
ponder.on("Governor:VoteCastWithParams", async ({ event, context }) => {
  await recordVote(context, event, event.args.params);
});

ponder.on("Governor:ProposalExtended", async ({ event, context }) => {
  await advanceTo(context, event.block.timestamp);
  await context.db
    .update(proposal, { id: event.args.proposalId })
    .set({ voteEnd: event.args.extendedDeadline, extendedAt: event.block.timestamp });
});

ponder.on("Governor:ProposalQueued", async ({ event, context }) => {
  await advanceTo(context, event.block.timestamp);
  await context.db
    .update(proposal, { id: event.args.proposalId })
    .set({ queuedAt: event.block.timestamp, eta: event.args.etaSeconds });
});

ponder.on("Governor:ProposalExecuted", async ({ event, context }) => {
  await advanceTo(context, event.block.timestamp);
  await context.db
    .update(proposal, { id: event.args.proposalId })
    .set({ executedAt: event.block.timestamp, executedTx: event.transaction.hash });
});

ponder.on("Governor:ProposalCanceled", async ({ event, context }) => {
  await advanceTo(context, event.block.timestamp);
  await dropUpcomingStart(context, event.args.proposalId);
  await context.db.update(proposal, { id: event.args.proposalId }).set({ canceledAt: event.block.timestamp });
});

ponder.on("Governor:QuorumNumeratorUpdated", async ({ event, context }) => {
  await advanceTo(context, event.block.timestamp);
  await updateDao(context, () => ({ quorumNumerator: event.args.newQuorumNumerator }));
  await recordSetting(
    context,
    event,
    "PlenumGovernor",
    "quorumNumerator",
    event.args.oldQuorumNumerator,
    event.args.newQuorumNumerator,
  );
});

ponder.on("Governor:VotingDelaySet", async ({ event, context }) => {
  await recordSettingEvent(context, event, "PlenumGovernor", "votingDelay");
});
ponder.on("Governor:VotingPeriodSet", async ({ event, context }) => {
  await recordSettingEvent(context, event, "PlenumGovernor", "votingPeriod");
});
ponder.on("Governor:ProposalThresholdSet", async ({ event, context }) => {
  await recordSettingEvent(context, event, "PlenumGovernor", "proposalThreshold");
});
ponder.on("Governor:LateQuorumVoteExtensionSet", async ({ event, context }) => {
  await recordSettingEvent(context, event, "PlenumGovernor", "lateQuorumVoteExtension");
});
ponder.on("Governor:GuardianTermSet", async ({ event, context }) => {
  await recordSettingEvent(context, event, "PlenumGovernor", "guardianTermEnd");
});
ponder.on("Governor:DisputeModuleSet", async ({ event, context }) => {
  await recordSettingEvent(context, event, "PlenumGovernor", "disputeModule");
});
ponder.on("Governor:TimelockChange", async ({ event, context }) => {
  await recordSettingEvent(context, event, "PlenumGovernor", "timelock");
});
ponder.on("Governor:ProposalGuardianSet", async ({ event, context }) => {
  await recordSettingEvent(context, event, "PlenumGovernor", "proposalGuardian");
});
