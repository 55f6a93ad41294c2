/**
 * The proposal builder's templates: each kind of change a proposer can compose turns a typed form into the
 * actions the timelock will execute, after checking the input against the limits the contracts enforce (so a
 * proposal is not voted on for a week only to revert at execution). One file per family of templates.
 *
 * The flow of a form: text fields -> parsers (`parsePlmAmount`, `parseDuration`, `parseAddress`, … in
 * ../parse-input.ts) -> a typed `TemplateInput` -> `validateTemplate` (field errors naming the contract's limit) ->
 * `encodeTemplate`. `buildTemplate` does the last two. Amounts are bigint throughout.
 *
 * The limits mirror contracts/src (DisputeModule, GrantVesting, ModelRegistry) and OpenZeppelin's governor
 * extensions; the tests read the Solidity constants to keep them in step. The guardian's limits depend on the chain's
 * time and are read with it (`TemplateContext.guardian`).
 */
import type { ProposalAction } from "../actions";
import { customActionTemplates, type CustomActionInputs } from "./custom-actions";
import { disputeTemplates, type DisputeInputs } from "./disputes";
import { governanceSettingTemplates, type GovernanceSettingInputs } from "./governance-settings";
import { guardianTemplates, type GuardianInputs } from "./guardian";
import { modelRegistryTemplates, type ModelRegistryInputs } from "./model-registry";
import { networkParameterTemplates, type NetworkParameterInputs } from "./network-parameters";
import { treasuryTemplates, type TreasuryInputs } from "./treasury";
import type { BuildResult, Definition, Definitions, TemplateAddresses, TemplateContext } from "./types";

export { contractLimits } from "./limits";
export { parameterChangeLine, parameterKey, validateParameterValue } from "./network-parameters";
export type { BuildResult, FieldError, TemplateAddresses, TemplateContext } from "./types";

type Inputs = NetworkParameterInputs &
  ModelRegistryInputs &
  TreasuryInputs &
  GovernanceSettingInputs &
  DisputeInputs &
  GuardianInputs &
  CustomActionInputs;

export type TemplateKind = keyof Inputs;
export type TemplateInputOf<K extends TemplateKind> = { kind: K } & Inputs[K];
export type TemplateInput = { [K in TemplateKind]: TemplateInputOf<K> }[TemplateKind];

const definitions: Definitions<Inputs> = {
  ...networkParameterTemplates,
  ...modelRegistryTemplates,
  ...treasuryTemplates,
  ...governanceSettingTemplates,
  ...disputeTemplates,
  ...guardianTemplates,
  ...customActionTemplates,
};

/** Every template's title, validator and encoder, by kind. */
export const templates: Readonly<Definitions<Inputs>> = definitions;

export const templateKinds = Object.keys(definitions) as TemplateKind[];

/** Field errors of a template's input; empty when it is valid. */
export function validateTemplate<K extends TemplateKind>(input: TemplateInputOf<K>, context: TemplateContext = {}) {
  const definition: Definition<Inputs[K]> = definitions[input.kind];
  return definition.validate(input, context);
}

/** The actions of a valid template input, in execution order. */
export function encodeTemplate<K extends TemplateKind>(
  input: TemplateInputOf<K>,
  addresses: TemplateAddresses,
): ProposalAction[] {
  const definition: Definition<Inputs[K]> = definitions[input.kind];
  return definition.encode(input, addresses);
}

/** Validate, then encode: the actions, or every field error. */
export function buildTemplate<K extends TemplateKind>(
  input: TemplateInputOf<K>,
  addresses: TemplateAddresses,
  context: TemplateContext = {},
): BuildResult {
  const errors = validateTemplate(input, context);
  return errors.length ? { ok: false, errors } : { ok: true, actions: encodeTemplate(input, addresses) };
}

/** What a list of templates takes out of the treasury: PLM granted, transferred or put in the reward pool, and ETH. */
export function treasuryOutflow(inputs: readonly TemplateInput[]): { plm: bigint; eth: bigint } {
  let plmOut = 0n;
  let ethOut = 0n;
  for (const input of inputs) {
    switch (input.kind) {
      case "grant":
      case "transferPlm":
      case "fundDisputeRewards":
        plmOut += input.amount;
        break;
      case "transferEth":
        ethOut += input.amount;
        break;
      case "customCall":
      case "rawCall":
        ethOut += input.value;
        break;
    }
  }
  return { plm: plmOut, eth: ethOut };
}
