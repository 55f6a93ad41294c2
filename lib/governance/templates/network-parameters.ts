/** Network parameters (NetworkParameters.setParameter): one template per parameter key, checked against its bounds. */
import { encodeFunctionData, stringToHex, type Hex } from "viem";
import { networkParametersAbi } from "../../contracts/abis.generated";
import {
  formatParameterBounds,
  formatParameterNumber,
  formatParameterValue,
  parameterUnitSuffix,
  utf8Length,
} from "../../format";
import type { ParameterInfo } from "../actions";
import { percentOf } from "../votes";
import { call } from "./calls";
import type { Definitions, FieldError } from "./types";

export type NetworkParameterInputs = {
  /** NetworkParameters.setParameter(key, value): `key` is the parameter's name ("inferenceFee"). */
  parameterChange: { key: string; value: bigint };
};

export const networkParameterTemplates: Definitions<NetworkParameterInputs> = {
  parameterChange: {
    title: "Change a network parameter",
    validate: ({ key, value }, { parameters }) => {
      const errors: FieldError[] = [];
      if (utf8Length(key) === 0 || utf8Length(key) > 32) {
        return [{ field: "key", message: "Pick a network parameter (a key of at most 32 bytes)" }];
      }
      if (!parameters) return [{ field: "key", message: "The network parameters are not loaded yet" }];
      const info = parameters.get(key);
      if (!info) {
        return [{ field: "key", message: `"${key}" is not a network parameter (NetworkParameters: UnknownParameter)` }];
      }
      errors.push(...checkParameterBounds(key, value, info));
      return errors;
    },
    encode: ({ key, value }, addresses) => [
      call(
        addresses.networkParameters,
        encodeFunctionData({
          abi: networkParametersAbi,
          functionName: "setParameter",
          args: [parameterKey(key), value],
        }),
      ),
    ],
  },
};

/** The bytes32 key of a network parameter: its name as UTF-8, right-padded (Solidity's `bytes32 x = "name"`). */
export function parameterKey(name: string): Hex {
  return stringToHex(name, { size: 32 });
}

/** The bounds check of a parameter change, in the parameter's unit. */
function checkParameterBounds(
  key: string,
  value: bigint,
  info: Pick<ParameterInfo, "min" | "max" | "unit">,
): FieldError[] {
  if (value >= info.min && value <= info.max) return [];
  return [
    {
      field: "value",
      message:
        `${key} must be within ${formatParameterBounds(info.min, info.max, info.unit)}, got ` +
        `${formatParameterValue(value, info.unit)} (NetworkParameters reverts with ParameterOutOfBounds)`,
    },
  ];
}

/**
 * The change a parameter template makes, for the form: "0.20 → 0.25 PLM per 1k tokens (+25%)", "80% → 60% (-25%)".
 * The percentage is relative to the current value; "(no change)" when equal, none when the current value is 0.
 * For the full line with the key and bounds, see `describeParameterChange` in actions.ts.
 */
export function parameterChangeLine(info: Pick<ParameterInfo, "value" | "unit">, to: bigint): string {
  const from = info.value;
  const line = `${formatParameterNumber(from, info.unit)} → ${formatParameterNumber(to, info.unit)}${parameterUnitSuffix(info.unit)}`;
  if (to === from) return `${line} (no change)`;
  if (from === 0n) return line;
  const change = percentOf(to - from, from);
  const shown = Math.abs(change).toLocaleString("en-US", { maximumFractionDigits: 2 });
  return `${line} (${change > 0 ? "+" : "-"}${shown}%)`;
}

/** The bounds check of a parameter change on its own (the form shows it as the user types). */
export function validateParameterValue(
  key: string,
  value: bigint,
  bounds: Pick<ParameterInfo, "min" | "max" | "unit">,
): FieldError[] {
  return checkParameterBounds(key, value, bounds);
}
