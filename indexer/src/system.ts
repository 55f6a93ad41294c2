import { ponder } from "ponder:registry";
import { guardianAction, roleChange, statement, timelockCall, timelockOperation } from "ponder:schema";
import { parameterKeyName } from "../../lib/governance/actions";
import { changeAccount } from "./dao";
import { recordSetting, recordSettingEvent } from "./settings";

ponder.on("DelegateStatements:StatementPublished", async ({ event, context }) => {
  const { delegate, version, displayName, statement: text, focusAreas } = event.args;
  const { timestamp } = event.block;
  await context.db
    .insert(statement)
    .values({ delegate, version, displayName, statement: text, focusAreas: [...focusAreas], timestamp });
  await changeAccount(context, delegate, timestamp, () => ({
    statementVersion: version,
    displayName,
    statement: text,
    focusAreas: [...focusAreas],
    searchText: `${displayName.toLowerCase()} ${delegate.toLowerCase()}`,
  }));
});

ponder.on("NetworkParameters:ParameterChanged", async ({ event, context }) => {
  await recordSetting(
    context,
    event,
    "NetworkParameters",
    parameterKeyName(event.args.key),
    event.args.oldValue,
    event.args.newValue,
  );
});
ponder.on("NetworkParameters:PauseDurationChanged", async ({ event, context }) => {
  await recordSettingEvent(context, event, "NetworkParameters", "pauseDuration");
});
ponder.on("NetworkParameters:OwnershipTransferred", async ({ event, context }) => {
  await recordSettingEvent(context, event, "NetworkParameters", "owner");
});
ponder.on("NetworkParameters:Paused", async ({ event, context }) => {
  await context.db.insert(guardianAction).values({
    id: event.id,
    action: "Paused",
    account: event.args.account,
    until: event.args.until,
    timestamp: event.block.timestamp,
  });
});
ponder.on("NetworkParameters:Unpaused", async ({ event, context }) => {
  await context.db
    .insert(guardianAction)
    .values({ id: event.id, action: "Unpaused", account: event.args.account, timestamp: event.block.timestamp });
});

ponder.on("Timelock:CallScheduled", async ({ event, context }) => {
  const { id, index, target, value, data, predecessor, delay } = event.args;
  await context.db
    .insert(timelockOperation)
    .values({
      id,
      status: "Scheduled",
      callCount: 1,
      delay,
      predecessor,
      scheduledAt: event.block.timestamp,
    })
    .onConflictDoUpdate((row) => ({ callCount: row.callCount + 1 }));
  await context.db.insert(timelockCall).values({ operationHash: id, index, target, value, data });
});

ponder.on("Timelock:CallSalt", async ({ event, context }) => {
  await context.db.update(timelockOperation, { id: event.args.id }).set({ salt: event.args.salt });
});

ponder.on("Timelock:CallExecuted", async ({ event, context }) => {
  await context.db
    .update(timelockOperation, { id: event.args.id })
    .set({ status: "Executed", executedAt: event.block.timestamp });
});

ponder.on("Timelock:Cancelled", async ({ event, context }) => {
  await context.db
    .update(timelockOperation, { id: event.args.id })
    .set({ status: "Cancelled", cancelledAt: event.block.timestamp });
});

ponder.on("Timelock:MinDelayChange", async ({ event, context }) => {
  await recordSettingEvent(context, event, "TimelockController", "minDelay");
});

ponder.on("Timelock:RoleGranted", async ({ event, context }) => {
  await context.db
    .insert(roleChange)
    .values({ id: event.id, ...event.args, granted: true, timestamp: event.block.timestamp });
});
ponder.on("Timelock:RoleRevoked", async ({ event, context }) => {
  await context.db
    .insert(roleChange)
    .values({ id: event.id, ...event.args, granted: false, timestamp: event.block.timestamp });
});
