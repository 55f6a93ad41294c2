import type { Address } from "viem";
import { expect } from "vitest";
import { decodeAction, type DecodeContext, type ProposalAction } from "../actions";
import { testAddresses as addresses, testGuardian as guardian, testParameters as parameters } from "../test-fixtures";
import { buildTemplate, validateTemplate, type FieldError, type TemplateContext, type TemplateInput } from ".";

export const decodeContext: DecodeContext = { addresses, parameters, guardian };

export const alice: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
export const bob: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
export const carol: Address = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
export const DAY = 86_400n;
export const PLM = 10n ** 18n;

/** Build, failing the test on validation errors. */
export function actionsOf(input: TemplateInput, context: TemplateContext = { parameters }): ProposalAction[] {
  const result = buildTemplate(input, addresses, context);
  if (!result.ok) throw new Error(result.errors.map((error) => `${error.field}: ${error.message}`).join("; "));
  return result.actions;
}

/** The summary line of each action, as the proposal page shows it; every action must be recognized. */
export function summaries(actions: ProposalAction[]): string[] {
  return actions.map((action) => {
    const decoded = decodeAction(action, decodeContext);
    expect(decoded.recognized).toBe(true);
    return decoded.summary;
  });
}

export function errorsOf(input: TemplateInput, context: TemplateContext = { parameters }): FieldError[] {
  return validateTemplate(input, context);
}
