import { ponder, type Context } from "ponder:registry";
import {
  dispute,
  disputeChallenger,
  disputeFunds,
  evidence,
  idleMember,
  panelMember,
  proposal,
  ruling,
} from "ponder:schema";
import type { Address } from "viem";
import { parameterKeyName } from "../../lib/governance/actions";
import { recordSetting, recordSettingEvent } from "./settings";

const OPEN = 1;

async function loadPanelMember(context: Context, expert: Address, timestamp: bigint) {
  const found = await context.db.find(panelMember, { expert });
  if (found) return found;
  return context.db.insert(panelMember).values({
    expert,
    profile: "",
    active: false,
    stake: 0n,
    slashed: 0n,
    rulings: 0,
    missedTimeouts: 0,
    addedAt: timestamp,
  });
}

ponder.on("DisputeModule:DisputeFiled", async ({ event, context }) => {
  const { disputeId: id, proposalId, challenger, bond, deadline } = event.args;
  const { timestamp } = event.block;
  await context.db.insert(dispute).values({
    id,
    proposalId,
    challenger,
    bond,
    deadline,
    filedAt: timestamp,
    status: OPEN,
    challengerCount: 1,
    evidenceCount: 0,
    upholdCount: 0,
    rejectCount: 0,
  });
  await context.db.insert(disputeChallenger).values({ disputeId: id, challenger, bond, timestamp });
  await context.db.update(proposal, { id: proposalId }).set({ disputeId: id });
});

ponder.on("DisputeModule:DisputeJoined", async ({ event, context }) => {
  const { disputeId, challenger, bond } = event.args;
  await context.db.insert(disputeChallenger).values({ disputeId, challenger, bond, timestamp: event.block.timestamp });
  await context.db.update(dispute, { id: disputeId }).set((row) => ({ challengerCount: row.challengerCount + 1 }));
});

ponder.on("DisputeModule:EvidenceAdded", async ({ event, context }) => {
  const { disputeId, author, evidence: text } = event.args;
  await context.db.insert(evidence).values({ id: event.id, disputeId, author, text, timestamp: event.block.timestamp });
  await context.db.update(dispute, { id: disputeId }).set((row) => ({ evidenceCount: row.evidenceCount + 1 }));
});

ponder.on("DisputeModule:RulingCast", async ({ event, context }) => {
  const { disputeId, expert, uphold, reason } = event.args;
  const { timestamp } = event.block;
  await context.db.insert(ruling).values({ disputeId, expert, uphold, reason, timestamp });
  await context.db.update(dispute, { id: disputeId }).set((row) => ({
    upholdCount: row.upholdCount + (uphold ? 1 : 0),
    rejectCount: row.rejectCount + (uphold ? 0 : 1),
  }));
  await loadPanelMember(context, expert, timestamp);
  await context.db.update(panelMember, { expert }).set((row) => ({ rulings: row.rulings + 1 }));
});

ponder.on("DisputeModule:DisputeResolved", async ({ event, context }) => {
  const { disputeId, status, reward } = event.args;
  await context.db.update(dispute, { id: disputeId }).set({ status, reward, resolvedAt: event.block.timestamp });
});

ponder.on("DisputeModule:PanelMemberIdle", async ({ event, context }) => {
  const { disputeId, expert } = event.args;
  const { timestamp } = event.block;
  await context.db.insert(idleMember).values({ disputeId, expert, timestamp });
  await loadPanelMember(context, expert, timestamp);
  await context.db.update(panelMember, { expert }).set((row) => ({ missedTimeouts: row.missedTimeouts + 1 }));
});

ponder.on("DisputeModule:PanelMemberAdded", async ({ event, context }) => {
  const { expert, profile } = event.args;
  const { timestamp } = event.block;
  await loadPanelMember(context, expert, timestamp);
  await context.db.update(panelMember, { expert }).set({ profile, active: true, addedAt: timestamp, removedAt: null });
});

ponder.on("DisputeModule:PanelMemberRemoved", async ({ event, context }) => {
  const { expert } = event.args;
  await loadPanelMember(context, expert, event.block.timestamp);
  await context.db.update(panelMember, { expert }).set({ active: false, removedAt: event.block.timestamp });
});

ponder.on("DisputeModule:StakeDeposited", async ({ event, context }) => {
  const { expert, amount } = event.args;
  const { timestamp } = event.block;
  await context.db
    .insert(disputeFunds)
    .values({ id: event.id, event: "StakeDeposited", account: expert, amount, timestamp });
  await loadPanelMember(context, expert, timestamp);
  await context.db.update(panelMember, { expert }).set((row) => ({ stake: row.stake + amount }));
});

ponder.on("DisputeModule:StakeWithdrawn", async ({ event, context }) => {
  const { expert, amount } = event.args;
  const { timestamp } = event.block;
  await context.db
    .insert(disputeFunds)
    .values({ id: event.id, event: "StakeWithdrawn", account: expert, amount, timestamp });
  await loadPanelMember(context, expert, timestamp);
  await context.db.update(panelMember, { expert }).set((row) => ({ stake: row.stake - amount }));
});

ponder.on("DisputeModule:ExpertSlashed", async ({ event, context }) => {
  const { expert, amount, ground, disputeId, reason } = event.args;
  const { timestamp } = event.block;
  await context.db.insert(disputeFunds).values({
    id: event.id,
    event: "ExpertSlashed",
    account: expert,
    amount,
    disputeId,
    ground,
    reason,
    timestamp,
  });
  await loadPanelMember(context, expert, timestamp);
  await context.db
    .update(panelMember, { expert })
    .set((row) => ({ stake: row.stake - amount, slashed: row.slashed + amount }));
});

ponder.on("DisputeModule:RewardsFunded", async ({ event, context }) => {
  await context.db.insert(disputeFunds).values({
    id: event.id,
    event: "RewardsFunded",
    account: event.args.from,
    amount: event.args.amount,
    timestamp: event.block.timestamp,
  });
});

ponder.on("DisputeModule:RewardsReclaimed", async ({ event, context }) => {
  await context.db
    .insert(disputeFunds)
    .values({ id: event.id, event: "RewardsReclaimed", amount: event.args.amount, timestamp: event.block.timestamp });
});

ponder.on("DisputeModule:Withdrawn", async ({ event, context }) => {
  await context.db.insert(disputeFunds).values({
    id: event.id,
    event: "Withdrawn",
    account: event.args.account,
    amount: event.args.amount,
    timestamp: event.block.timestamp,
  });
});

ponder.on("DisputeModule:SettingChanged", async ({ event, context }) => {
  await recordSetting(
    context,
    event,
    "DisputeModule",
    parameterKeyName(event.args.setting),
    event.args.oldValue,
    event.args.newValue,
  );
});

ponder.on("DisputeModule:OwnershipTransferred", async ({ event, context }) => {
  await recordSettingEvent(context, event, "DisputeModule", "owner");
});
