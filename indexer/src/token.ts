import { ponder } from "ponder:registry";
import { delegation, transfer, votingPowerChange } from "ponder:schema";
import { zeroAddress } from "viem";
import { advanceTo, changeAccount, recordSupply, updateDao } from "./dao";

ponder.on("Token:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  const { timestamp, number } = event.block;
  await advanceTo(context, timestamp);
  await context.db.insert(transfer).values({ id: event.id, from, to, value, timestamp, blockNumber: number });
  let holders = 0;
  if (from === zeroAddress) await updateDao(context, (state) => ({ totalSupply: state.totalSupply + value }));
  else {
    const sender = await changeAccount(context, from, timestamp, (row) => ({ balance: row.balance - value }));
    if (sender.balance === 0n && value > 0n) holders -= 1;
  }
  if (to === zeroAddress) await updateDao(context, (state) => ({ totalSupply: state.totalSupply - value }));
  else {
    const recipient = await changeAccount(context, to, timestamp, (row) => ({ balance: row.balance + value }));
    if (recipient.balance === value && value > 0n) holders += 1;
  }
  if (holders !== 0) await updateDao(context, (state) => ({ holderCount: state.holderCount + holders }));
  if (from === zeroAddress || to === zeroAddress) await recordSupply(context, event.block);
});

ponder.on("Token:DelegateChanged", async ({ event, context }) => {
  const { delegator, fromDelegate, toDelegate } = event.args;
  const { timestamp, number } = event.block;
  await advanceTo(context, timestamp);
  await context.db
    .insert(delegation)
    .values({ id: event.id, delegator, fromDelegate, toDelegate, timestamp, blockNumber: number });
  await changeAccount(context, delegator, timestamp, () => ({
    delegatesTo: toDelegate === zeroAddress ? null : toDelegate,
  }));
  // A self-delegation is not counted among an account's delegators.
  if (fromDelegate !== zeroAddress && fromDelegate !== delegator) {
    await changeAccount(context, fromDelegate, timestamp, (row) => ({ delegatorCount: row.delegatorCount - 1 }));
  }
  if (toDelegate !== zeroAddress && toDelegate !== delegator) {
    await changeAccount(context, toDelegate, timestamp, (row) => ({ delegatorCount: row.delegatorCount + 1 }));
  }
});

ponder.on("Token:DelegateVotesChanged", async ({ event, context }) => {
  const { delegate, previousVotes, newVotes } = event.args;
  const { timestamp, number } = event.block;
  const state = await advanceTo(context, timestamp);
  await context.db
    .insert(votingPowerChange)
    .values({ id: event.id, delegate, previousVotes, newVotes, timestamp, blockNumber: number });
  await updateDao(context, (current) => ({
    delegatedSupply: current.delegatedSupply + newVotes - previousVotes,
    delegateCount:
      current.delegateCount +
      (previousVotes === 0n && newVotes > 0n ? 1 : 0) -
      (previousVotes > 0n && newVotes === 0n ? 1 : 0),
  }));
  await recordSupply(context, event.block);
  await changeAccount(context, delegate, timestamp, (row) => {
    const poweredOn = row.startedAtPowerOn !== null;
    // A powered spell opens when power rises from zero and closes when it falls to zero; the proposals that started
    // meanwhile are the ones this account was eligible to vote on.
    if (newVotes > 0n && !poweredOn) return { votingPower: newVotes, startedAtPowerOn: state.startedCount };
    if (newVotes === 0n && poweredOn) {
      return {
        votingPower: newVotes,
        startedAtPowerOn: null,
        eligibleClosed: row.eligibleClosed + state.startedCount - row.startedAtPowerOn!,
      };
    }
    return { votingPower: newVotes };
  });
});
