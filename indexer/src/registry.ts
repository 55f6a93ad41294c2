import { ponder } from "ponder:registry";
import { grant, grantRelease, model, publisher } from "ponder:schema";
import { recordSettingEvent } from "./settings";

ponder.on("ModelRegistry:PublisherUpdated", async ({ event, context }) => {
  const { publisher: address, verified, name } = event.args;
  await context.db
    .insert(publisher)
    .values({ address, name, verified, updatedAt: event.block.timestamp })
    .onConflictDoUpdate({ name, verified, updatedAt: event.block.timestamp });
});

ponder.on("ModelRegistry:ModelRegistered", async ({ event, context }) => {
  const { modelId: id, publisher: address, name, uri, weightsHash, license } = event.args;
  await context.db
    .insert(model)
    .values({ id, publisher: address, name, uri, weightsHash, license, registeredAt: event.block.timestamp });
});

ponder.on("ModelRegistry:ModelDelisted", async ({ event, context }) => {
  await context.db
    .update(model, { id: event.args.modelId })
    .set({ delistedAt: event.block.timestamp, delistReason: event.args.reason });
});

ponder.on("GrantVesting:GrantCreated", async ({ event, context }) => {
  const { grantId: id, beneficiary, amount, start, cliffDuration, duration, memo } = event.args;
  await context.db.insert(grant).values({
    id,
    beneficiary,
    amount,
    start,
    cliffDuration,
    duration,
    memo,
    released: 0n,
    createdAt: event.block.timestamp,
  });
});

ponder.on("GrantVesting:GrantReleased", async ({ event, context }) => {
  const { grantId, beneficiary, amount } = event.args;
  await context.db
    .insert(grantRelease)
    .values({ id: event.id, grantId, beneficiary, amount, timestamp: event.block.timestamp });
  await context.db.update(grant, { id: grantId }).set((row) => ({ released: row.released + amount }));
});

ponder.on("GrantVesting:GrantRevoked", async ({ event, context }) => {
  const { grantId, vestedAmount, returnedAmount } = event.args;
  await context.db.update(grant, { id: grantId }).set({
    revokedAt: event.block.timestamp,
    vestedAtRevoke: vestedAmount,
    returnedAtRevoke: returnedAmount,
  });
});

ponder.on("ModelRegistry:OwnershipTransferred", async ({ event, context }) => {
  await recordSettingEvent(context, event, "ModelRegistry", "owner");
});
ponder.on("GrantVesting:OwnershipTransferred", async ({ event, context }) => {
  await recordSettingEvent(context, event, "GrantVesting", "owner");
});
