/** Custom actions: any function of any contract from its ABI, or raw calldata. */
import { getAddress, isHex, type AbiFunction, type Address } from "viem";
import { encodeCustomCall, parseArgument } from "../abi-inputs";
import { call } from "./calls";
import { checkAddress } from "./field-checks";
import type { Definitions, FieldError } from "./types";

export type CustomActionInputs = {
  /** Any function of any contract, from its ABI item and one text per argument (see abi-inputs.ts). */
  customCall: { target: Address; fn: AbiFunction; inputs: readonly string[]; value: bigint };
  /** Raw calldata (hex, possibly empty) with an optional ETH value. */
  rawCall: { target: Address; calldata: string; value: bigint };
};

export const customActionTemplates: Definitions<CustomActionInputs> = {
  customCall: {
    title: "Custom action (contract function)",
    validate: ({ target, fn, inputs, value }) => {
      const errors: FieldError[] = [];
      checkAddress(errors, "target", target, "target contract");
      if (value < 0n) errors.push({ field: "value", message: "The ETH value cannot be negative" });
      else if (value > 0n && fn.stateMutability !== "payable") {
        errors.push({ field: "value", message: `${fn.name} is not payable: sending ETH with it reverts` });
      }
      if (inputs.length !== fn.inputs.length) {
        errors.push({
          field: "inputs",
          message: `${fn.name} takes ${fn.inputs.length} arguments, got ${inputs.length}`,
        });
        return errors;
      }
      fn.inputs.forEach((param, i) => {
        const result = parseArgument(param, inputs[i], param.name || `arg${i}`);
        if (!result.ok) errors.push(...result.errors.map((message) => ({ field: `inputs.${i}`, message })));
      });
      return errors;
    },
    encode: ({ target, fn, inputs, value }) => {
      const result = encodeCustomCall(fn, inputs);
      if (!result.ok) throw new Error(`Invalid custom call: ${result.errors.join("; ")}`);
      return [call(getAddress(target), result.calldata, value)];
    },
  },

  rawCall: {
    title: "Custom action (raw calldata)",
    validate: ({ target, calldata, value }) => {
      const errors: FieldError[] = [];
      checkAddress(errors, "target", target, "target");
      const hex = calldata.trim() === "" ? "0x" : calldata.trim();
      if (!/^0x([0-9a-fA-F]{2})*$/.test(hex)) {
        errors.push({
          field: "calldata",
          message: "Calldata must be hex: 0x followed by an even number of hex digits",
        });
      } else if (hex.length > 2 && hex.length < 10) {
        errors.push({
          field: "calldata",
          message: "Calldata is either empty or starts with a 4-byte function selector (0x + 8 hex digits)",
        });
      } else if (hex === "0x" && value === 0n) {
        errors.push({
          field: "calldata",
          message: "An empty call that sends no ETH does nothing: add calldata or a value",
        });
      }
      if (value < 0n) errors.push({ field: "value", message: "The ETH value cannot be negative" });
      return errors;
    },
    encode: ({ target, calldata, value }) => {
      const hex = calldata.trim() === "" ? "0x" : calldata.trim().toLowerCase();
      if (!isHex(hex)) throw new Error(`Invalid calldata: ${calldata}`);
      return [call(getAddress(target), hex, value)];
    },
  },
};
