import { zeroAddress, type Address } from "viem";
import {
  parseAddress,
  parseDuration,
  parseEthAmount,
  parseInteger,
  parseParameterValue,
  parsePlmAmount,
  parseUtcTime,
  type Parsed,
} from "./parse-input";
import {
  buildTemplate,
  type BuildResult,
  type FieldError,
  type TemplateAddresses,
  type TemplateContext,
  type TemplateInput,
  type TemplateKind,
} from "./templates";

/** How a field is typed and read: each kind has its parser (amounts in PLM or ETH, durations, UTC times…). */
export type FieldKind = "address" | "plm" | "eth" | "duration" | "integer" | "time" | "text" | "textarea" | "hex";
export type FieldSpec = { name: string; label: string; kind: FieldKind; placeholder?: string };

/** The templates a form of text fields fills; `customCall` has its own form (a function picked from an ABI). */
export type FormTemplateKind = Exclude<TemplateKind, "customCall">;

/** Reads the typed text of each field, collecting the errors of the ones that do not parse. */
class FieldReader {
  readonly errors: FieldError[] = [];
  constructor(private readonly texts: Readonly<Record<string, string>>) {}

  private read<T>(field: string, parse: (text: string) => Parsed<T>, fallback: T): T {
    const parsed = parse(this.texts[field] ?? "");
    if (parsed.ok) return parsed.value;
    this.errors.push({ field, message: parsed.error });
    return fallback;
  }
  address = (field: string): Address => this.read(field, parseAddress, zeroAddress);
  plm = (field: string) => this.read(field, parsePlmAmount, 0n);
  eth = (field: string) => this.read(field, parseEthAmount, 0n);
  duration = (field: string) => this.read(field, (text) => parseDuration(text), 0n);
  integer = (field: string) => this.read(field, parseInteger, 0n);
  time = (field: string) => this.read(field, parseUtcTime, 0n);
  text = (field: string) => this.texts[field] ?? "";
  parameterValue = (field: string, unit: string) => this.read(field, (text) => parseParameterValue(text, unit), 0n);
}

type Form<K extends FormTemplateKind> = {
  fields: FieldSpec[];
  read: (
    fields: FieldReader,
    context: TemplateContext,
    texts: Readonly<Record<string, string>>,
  ) => TemplateInput & { kind: K };
};

const address = (name: string, label: string): FieldSpec => ({ name, label, kind: "address", placeholder: "0x…" });
const plm = (name: string, label: string): FieldSpec => ({ name, label, kind: "plm", placeholder: "e.g. 25,000" });
const duration = (name: string, label: string): FieldSpec => ({
  name,
  label,
  kind: "duration",
  placeholder: 'e.g. "2 days", "36h", "90 minutes"',
});

/** The fields of every text-form template, and how their text becomes the template's typed input. */
export const templateForms: { [K in FormTemplateKind]: Form<K> } = {
  parameterChange: {
    // The key is the template picked (one per network parameter); the value is typed in the parameter's unit.
    fields: [{ name: "value", label: "New value", kind: "text" }],
    read: (fields, context, texts) => {
      const key = texts.key ?? "";
      const unit = context.parameters?.get(key)?.unit ?? "";
      return { kind: "parameterChange", key, value: fields.parameterValue("value", unit) };
    },
  },
  verifyPublisher: {
    fields: [address("publisher", "Publisher address"), { name: "name", label: "Publisher name", kind: "text" }],
    read: (fields) => ({ kind: "verifyPublisher", publisher: fields.address("publisher"), name: fields.text("name") }),
  },
  revokePublisher: {
    fields: [address("publisher", "Publisher address"), { name: "name", label: "Publisher name", kind: "text" }],
    read: (fields) => ({ kind: "revokePublisher", publisher: fields.address("publisher"), name: fields.text("name") }),
  },
  delistModel: {
    fields: [
      { name: "modelId", label: "Model", kind: "integer" },
      { name: "reason", label: "Reason (recorded on chain)", kind: "textarea" },
    ],
    read: (fields) => ({ kind: "delistModel", modelId: fields.integer("modelId"), reason: fields.text("reason") }),
  },
  grant: {
    fields: [
      address("beneficiary", "Beneficiary"),
      plm("amount", "Amount (PLM)"),
      { name: "start", label: "Start (UTC)", kind: "time", placeholder: "YYYY-MM-DD or YYYY-MM-DD HH:MM" },
      duration("cliff", "Cliff"),
      duration("duration", "Vesting duration"),
      { name: "memo", label: "Memo", kind: "textarea" },
    ],
    read: (fields) => ({
      kind: "grant",
      beneficiary: fields.address("beneficiary"),
      amount: fields.plm("amount"),
      start: fields.time("start"),
      cliff: fields.duration("cliff"),
      duration: fields.duration("duration"),
      memo: fields.text("memo"),
    }),
  },
  transferPlm: {
    fields: [address("to", "Recipient"), plm("amount", "Amount (PLM)")],
    read: (fields) => ({ kind: "transferPlm", to: fields.address("to"), amount: fields.plm("amount") }),
  },
  transferEth: {
    fields: [
      address("to", "Recipient"),
      { name: "amount", label: "Amount (ETH)", kind: "eth", placeholder: "e.g. 1.5" },
    ],
    read: (fields) => ({ kind: "transferEth", to: fields.address("to"), amount: fields.eth("amount") }),
  },
  votingDelay: {
    fields: [duration("seconds", "New voting delay")],
    read: (fields) => ({ kind: "votingDelay", seconds: fields.duration("seconds") }),
  },
  votingPeriod: {
    fields: [duration("seconds", "New voting period")],
    read: (fields) => ({ kind: "votingPeriod", seconds: fields.duration("seconds") }),
  },
  proposalThreshold: {
    fields: [plm("amount", "New proposal threshold (PLM)")],
    read: (fields) => ({ kind: "proposalThreshold", amount: fields.plm("amount") }),
  },
  quorumNumerator: {
    fields: [{ name: "numerator", label: "New quorum (% of the supply)", kind: "integer", placeholder: "e.g. 4" }],
    read: (fields) => ({ kind: "quorumNumerator", numerator: fields.integer("numerator") }),
  },
  lateQuorumExtension: {
    fields: [duration("seconds", "New late-quorum extension")],
    read: (fields) => ({ kind: "lateQuorumExtension", seconds: fields.duration("seconds") }),
  },
  timelockDelay: {
    fields: [duration("seconds", "New timelock delay")],
    read: (fields) => ({ kind: "timelockDelay", seconds: fields.duration("seconds") }),
  },
  disputeBond: {
    fields: [plm("amount", "New dispute bond (PLM)")],
    read: (fields) => ({ kind: "disputeBond", amount: fields.plm("amount") }),
  },
  disputeReward: {
    fields: [plm("amount", "New reward (PLM)")],
    read: (fields) => ({ kind: "disputeReward", amount: fields.plm("amount") }),
  },
  adjudicationPeriod: {
    fields: [duration("seconds", "New adjudication period")],
    read: (fields) => ({ kind: "adjudicationPeriod", seconds: fields.duration("seconds") }),
  },
  rulingQuorum: {
    fields: [{ name: "quorum", label: "Matching rulings that decide a dispute", kind: "integer" }],
    read: (fields) => ({ kind: "rulingQuorum", quorum: fields.integer("quorum") }),
  },
  expertStake: {
    fields: [plm("amount", "New expert stake (PLM)")],
    read: (fields) => ({ kind: "expertStake", amount: fields.plm("amount") }),
  },
  addPanelMember: {
    fields: [
      address("expert", "Expert"),
      { name: "profile", label: "Credentials (shown with rulings)", kind: "textarea" },
    ],
    read: (fields) => ({ kind: "addPanelMember", expert: fields.address("expert"), profile: fields.text("profile") }),
  },
  removePanelMember: {
    fields: [address("expert", "Expert")],
    read: (fields) => ({ kind: "removePanelMember", expert: fields.address("expert") }),
  },
  fundDisputeRewards: {
    fields: [plm("amount", "Amount (PLM)")],
    read: (fields) => ({ kind: "fundDisputeRewards", amount: fields.plm("amount") }),
  },
  proposalGuardian: {
    fields: [address("guardian", "New guardian (0x000…000 removes it)")],
    read: (fields) => ({ kind: "proposalGuardian", guardian: fields.address("guardian") }),
  },
  guardianTermEnd: {
    fields: [
      {
        name: "termEnd",
        label: "New end of the guardian's term (UTC)",
        kind: "time",
        placeholder: "YYYY-MM-DD or YYYY-MM-DD HH:MM",
      },
    ],
    read: (fields) => ({ kind: "guardianTermEnd", termEnd: fields.time("termEnd") }),
  },
  pauseDuration: {
    fields: [duration("seconds", "New pause duration")],
    read: (fields) => ({ kind: "pauseDuration", seconds: fields.duration("seconds") }),
  },
  slashExpert: {
    // The expert is picked from the panel and the ground from the module's grounds (see template-fields-form).
    fields: [
      address("expert", "Expert"),
      { name: "ground", label: "Ground", kind: "integer" },
      { name: "disputeId", label: "Dispute #", kind: "integer" },
      plm("amount", "Amount to slash (PLM; the stake if it holds less)"),
      { name: "reason", label: "Reason (recorded on chain)", kind: "textarea" },
    ],
    read: (fields) => ({
      kind: "slashExpert",
      expert: fields.address("expert"),
      ground: fields.integer("ground"),
      disputeId: fields.integer("disputeId"),
      amount: fields.plm("amount"),
      reason: fields.text("reason"),
    }),
  },
  rawCall: {
    fields: [
      address("target", "Target"),
      { name: "calldata", label: "Calldata (hex, empty for a plain transfer)", kind: "hex", placeholder: "0x…" },
      { name: "value", label: "ETH value", kind: "eth", placeholder: "0" },
    ],
    read: (fields, _context, texts) => ({
      kind: "rawCall",
      target: fields.address("target"),
      calldata: (texts.calldata ?? "").trim(),
      value: (texts.value ?? "").trim() === "" ? 0n : fields.eth("value"),
    }),
  },
};

/**
 * A text form's fields → the template's actions: parse errors first (a field that is not a number, an address…),
 * then the template's own checks against the contracts' limits and the chain state in `context`.
 */
export function buildTemplateForm(
  kind: FormTemplateKind,
  texts: Readonly<Record<string, string>>,
  addresses: TemplateAddresses,
  context: TemplateContext,
): BuildResult {
  const fields = new FieldReader(texts);
  const input = templateForms[kind].read(fields, context, texts);
  if (fields.errors.length > 0) return { ok: false, errors: fields.errors };
  return buildTemplate(input, addresses, context);
}
