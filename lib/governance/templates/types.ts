import type { Address } from "viem";
import type { Deployment } from "../../contracts/deployment";
import type { ParameterInfo, ProposalAction } from "../actions";
import type { DisputeRecord } from "../disputes";
import type { GuardianState } from "../guardian";

/** The system contracts the templates call. A deployment file satisfies this. */
export type TemplateAddresses = Pick<
  Deployment,
  "token" | "governor" | "timelock" | "networkParameters" | "modelRegistry" | "grantVesting" | "disputeModule"
>;

/** A problem with one field of a template's form; `field` is the input's property name. */
export type FieldError = { field: string; message: string };

export type BuildResult = { ok: true; actions: ProposalAction[] } | { ok: false; errors: FieldError[] };

/** What the app read from the chain to check a form against; every part is optional and checked when present. */
export type TemplateContext = {
  /** Every network parameter by key name, with its value, bounds and unit (needed by `parameterChange`). */
  parameters?: ReadonlyMap<string, ParameterInfo>;
  /** What the treasury (timelock) holds: a grant or transfer may not exceed it. */
  treasury?: { plm?: bigint; eth?: bigint };
  /** PlenumToken.totalSupply(): a proposal threshold above it would stop every proposal. */
  totalSupply?: bigint;
  /** PlenumGovernor.quorumDenominator() (OpenZeppelin's default, 100, when absent). */
  quorumDenominator?: bigint;
  /** DisputeModule.panelMembers(). */
  panel?: readonly Address[];
  /** DisputeModule.rulingQuorum(). */
  rulingQuorum?: bigint;
  /** ModelRegistry.modelCount() (ids run from 1 to it). */
  modelCount?: bigint;
  /** The guardian's term and the pause settings, with the contracts' constants (needed by the guardian templates). */
  guardian?: GuardianState;
  /** The chain's time (seconds): the latest end of the guardian's term counts from it. */
  now?: bigint;
  /** The dispute module's disputes, with who ruled and who sat idle: the grounds a slash needs. */
  disputes?: readonly Pick<DisputeRecord, "id" | "rulings" | "idleMembers">[];
};

export type Definition<I> = {
  /** A short label for the template picker. */
  title: string;
  /** Field errors; empty when the contracts would accept the input (as far as the context tells). */
  validate: (input: I, context: TemplateContext) => FieldError[];
  /** The actions, in execution order. Validate first: encoding assumes a valid input. */
  encode: (input: I, addresses: TemplateAddresses) => ProposalAction[];
};

/** A family's templates by kind; `Inputs` maps each kind to its typed input. */
export type Definitions<Inputs> = { [K in keyof Inputs]: Definition<Inputs[K]> };
