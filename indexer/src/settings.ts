import type { Context } from "ponder:registry";
import { settingChange } from "ponder:schema";
import type { Hex } from "viem";

type LoggedEvent = {
  id: string;
  block: { timestamp: bigint; number: bigint };
  transaction: { hash: Hex };
};

/** One logged change of a setting of `contract` (its Solidity name), values as decimal or hex text. */
export async function recordSetting(
  context: Context,
  event: LoggedEvent,
  contract: string,
  setting: string,
  oldValue: bigint | string,
  newValue: bigint | string,
): Promise<void> {
  await context.db.insert(settingChange).values({
    id: event.id,
    contract,
    setting,
    oldValue: oldValue.toString(),
    newValue: newValue.toString(),
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
  });
}

/**
 * An event that logs a setting's old and new value as its two arguments, in that order (VotingDelaySet,
 * MinDelayChange, OwnershipTransferred…), recorded under `setting`.
 */
export async function recordSettingEvent(
  context: Context,
  event: LoggedEvent & { args: Record<string, bigint | string> },
  contract: string,
  setting: string,
): Promise<void> {
  const [oldValue, newValue] = Object.values(event.args);
  await recordSetting(context, event, contract, setting, oldValue, newValue);
}
