import { ponder } from "ponder:registry";
import { account, delegation, transfer, votingPowerChange } from "ponder:schema";
import { zeroAddress } from "viem";
import { advanceTo, loadAccount, updateDao } from "./dao";

ponder.on("Token:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  const { timestamp, number } = event.block;
  await advanceTo(context, timestamp);
  await context.db.insert(transfer).values({ id: event.id, from, to, value, timestamp, blockNumber: number });
  let holders = 0;
  if (from === zeroAddress) await updateDao(context, (state) => ({ totalSupply: state.totalSupply + value }));
  else {
    const sender = await loadAccount(context, from, timestamp);
    if (sender.balance > 0n && sender.balance === value) holders -= 1;
    await context.db.update(account, { address: from }).set({ balance: sender.balance - value });
  }
  if (to === zeroAddress) await updateDao(context, (state) => ({ totalSupply: state.totalSupply - value }));
  else {
    const recipient = await loadAccount(context, to, timestamp);
    if (recipient.balance === 0n && value > 0n) holders += 1;
    await context.db.update(account, { address: to }).set({ balance: recipient.balance + value });
  }
  if (holders !== 0) await updateDao(context, (state) => ({ holderCount: state.holderCount + holders }));
});

ponder.on("Token:DelegateChanged", async ({ event, context }) => {
  const { delegator, fromDelegate, toDelegate } = event.args;
  const { timestamp, number } = event.block;
  await advanceTo(context, timestamp);
  await context.db
    .insert(delegation)
    .values({ id: event.id, delegator, fromDelegate, toDelegate, timestamp, blockNumber: number });
  await loadAccount(context, delegator, timestamp);
  await context.db
    .update(account, { address: delegator })
    .set({ delegatesTo: toDelegate === zeroAddress ? null : toDelegate });
  // A self-delegation is not counted among an account's delegators.
  if (fromDelegate !== zeroAddress && fromDelegate !== delegator) {
    await loadAccount(context, fromDelegate, timestamp);
    await context.db
      .update(account, { address: fromDelegate })
      .set((row) => ({ delegatorCount: row.delegatorCount - 1 }));
  }
  if (toDelegate !== zeroAddress && toDelegate !== delegator) {
    await loadAccount(context, toDelegate, timestamp);
    await context.db
      .update(account, { address: toDelegate })
      .set((row) => ({ delegatorCount: row.delegatorCount + 1 }));
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
  await loadAccount(context, delegate, timestamp);
  await context.db.update(account, { address: delegate }).set((row) => {
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
