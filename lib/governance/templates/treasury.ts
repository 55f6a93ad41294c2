/** The treasury (the timelock's PLM and ETH): vesting grants and plain transfers. */
import { encodeFunctionData, getAddress, type Address } from "viem";
import { grantVestingAbi, plenumTokenAbi } from "../../contracts/abis.generated";
import { formatDuration, utf8Length } from "../../format";
import { approve, call } from "./calls";
import { checkAddress, checkPositiveAmount, checkRange, checkTreasury, trim } from "./field-checks";
import { contractLimits } from "./limits";
import type { Definitions, FieldError } from "./types";

export type TreasuryInputs = {
  /** token.approve(grantVesting, amount), then GrantVesting.createGrant(...). Times in seconds. */
  grant: { beneficiary: Address; amount: bigint; start: bigint; cliff: bigint; duration: bigint; memo: string };
  /** token.transfer(to, amount) from the treasury. */
  transferPlm: { to: Address; amount: bigint };
  /** ETH from the treasury: a call to `to` with `amount` wei and no calldata. */
  transferEth: { to: Address; amount: bigint };
};

export const treasuryTemplates: Definitions<TreasuryInputs> = {
  grant: {
    title: "Treasury grant (vesting)",
    validate: (input, { treasury }) => {
      const errors: FieldError[] = [];
      const { maxUint64, grantMemoBytes } = contractLimits;
      checkAddress(errors, "beneficiary", input.beneficiary, "beneficiary");
      if (checkPositiveAmount(errors, "amount", input.amount, "grant amount")) {
        checkTreasury(errors, "amount", input.amount, treasury?.plm, "PLM");
      }
      checkRange(
        errors,
        "start",
        input.start,
        { min: 0n, max: maxUint64 },
        "The start must be a time in seconds (uint64)",
      );
      if (input.duration <= 0n) {
        errors.push({
          field: "duration",
          message: "The vesting duration must be more than 0 (GrantVesting: InvalidSchedule)",
        });
      } else if (input.duration > maxUint64) {
        errors.push({ field: "duration", message: "The vesting duration does not fit uint64" });
      }
      if (input.cliff < 0n) errors.push({ field: "cliff", message: "The cliff cannot be negative" });
      else if (input.duration > 0n && input.cliff > input.duration) {
        errors.push({
          field: "cliff",
          message:
            `The cliff (${formatDuration(input.cliff)}) cannot be longer than the vesting duration ` +
            `(${formatDuration(input.duration)}) (GrantVesting: InvalidSchedule)`,
        });
      }
      const memoBytes = utf8Length(input.memo.trim());
      if (memoBytes > grantMemoBytes) {
        errors.push({
          field: "memo",
          message:
            `The memo is ${memoBytes.toLocaleString("en-US")} bytes; GrantVesting allows ` +
            `${grantMemoBytes.toLocaleString("en-US")} (MemoTooLong; UTF-8: accented letters and symbols take 2 to 4 bytes)`,
        });
      }
      return errors;
    },
    encode: (input, addresses) => [
      approve(addresses, addresses.grantVesting, input.amount),
      call(
        addresses.grantVesting,
        encodeFunctionData({
          abi: grantVestingAbi,
          functionName: "createGrant",
          args: [input.beneficiary, input.amount, input.start, input.cliff, input.duration, trim(input.memo)],
        }),
      ),
    ],
  },

  transferPlm: {
    title: "Transfer PLM from the treasury",
    validate: ({ to, amount }, { treasury }) => {
      const errors: FieldError[] = [];
      checkAddress(errors, "to", to, "recipient");
      if (checkPositiveAmount(errors, "amount", amount, "amount")) {
        checkTreasury(errors, "amount", amount, treasury?.plm, "PLM");
      }
      return errors;
    },
    encode: ({ to, amount }, addresses) => [
      call(addresses.token, encodeFunctionData({ abi: plenumTokenAbi, functionName: "transfer", args: [to, amount] })),
    ],
  },

  transferEth: {
    title: "Send ETH from the treasury",
    validate: ({ to, amount }, { treasury }) => {
      const errors: FieldError[] = [];
      checkAddress(errors, "to", to, "recipient");
      if (checkPositiveAmount(errors, "amount", amount, "amount")) {
        checkTreasury(errors, "amount", amount, treasury?.eth, "ETH");
      }
      return errors;
    },
    encode: ({ to, amount }) => [call(getAddress(to), "0x", amount)],
  },
};
