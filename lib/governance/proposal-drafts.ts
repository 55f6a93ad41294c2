import { isAddress, isHex, type Address, type Hex } from "viem";
import { z } from "zod/mini";
import type { ProposalAction } from "./actions";

/** One template filled in: what the form held (to edit it again) and the actions it produced, in order. */
export type DraftStep = {
  id: string;
  /** The template that produced it, e.g. "parameter" or "grant"; "imported" for actions read from a file. */
  kind: string;
  /** The form's fields as typed. */
  input: Record<string, string>;
  actions: ProposalAction[];
};

/** The template form being filled in, saved as typed so that a reload does not lose it. */
export type PendingStep = { kind: string; key?: string; texts: Record<string, string> };

export type ProposalDraft = {
  id: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
  title: string;
  body: string;
  steps: DraftStep[];
  pending?: PendingStep;
  /** The forum thread where the proposal is discussed (https://…), shown on its temperature check and proposal. */
  discussion?: string;
  /** The temperature check published from this draft. */
  pollId?: Hex;
};

/** localStorage keeps JSON: amounts travel as decimal strings. */
const storedAction = z.object({
  target: z.custom<Address>((value) => typeof value === "string" && isAddress(value)),
  value: z.string().check(z.regex(/^\d+$/)),
  calldata: z.custom<Hex>((value) => typeof value === "string" && isHex(value)),
});
const storedStep = z.object({
  id: z.string(),
  kind: z.string(),
  input: z.record(z.string(), z.string()),
  actions: z.array(storedAction),
});
const storedDraft = z.object({
  id: z.string(),
  updatedAt: z.number(),
  title: z.string(),
  body: z.string(),
  steps: z.array(storedStep),
  pending: z.optional(
    z.object({ kind: z.string(), key: z.optional(z.string()), texts: z.record(z.string(), z.string()) }),
  ),
  discussion: z.optional(z.string()),
  pollId: z.optional(z.custom<Hex>((value) => typeof value === "string" && isHex(value))),
});
const storedDrafts = z.array(storedDraft);

export type StoredDraft = z.infer<typeof storedDraft>;

export function toStored(draft: ProposalDraft): StoredDraft {
  return {
    ...draft,
    steps: draft.steps.map((step) => ({
      ...step,
      actions: step.actions.map((action) => ({ ...action, value: action.value.toString() })),
    })),
  };
}

function fromStored(draft: StoredDraft): ProposalDraft {
  return {
    ...draft,
    steps: draft.steps.map((step) => ({
      ...step,
      actions: step.actions.map((action) => ({ ...action, value: BigInt(action.value) })),
    })),
  };
}

/** The drafts localStorage holds (parsed JSON), or undefined when it is not a list of drafts. */
export function parseStoredDrafts(stored: unknown): StoredDraft[] | undefined {
  const parsed = storedDrafts.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export function readDraft(stored: StoredDraft): ProposalDraft {
  return fromStored(stored);
}

/** Every action of the draft, in the order the timelock will run them. */
export function draftActions(draft: Pick<ProposalDraft, "steps">): ProposalAction[] {
  return draft.steps.flatMap((step) => step.actions);
}

export function newDraft(id: string, body: string, now: number): ProposalDraft {
  return { id, updatedAt: now, title: "", body, steps: [] };
}

/** Move the step at `index` by `offset` places (-1 up, +1 down); out-of-range moves change nothing. */
export function moveStep(steps: readonly DraftStep[], index: number, offset: number): DraftStep[] {
  const target = index + offset;
  if (index < 0 || index >= steps.length || target < 0 || target >= steps.length) return [...steps];
  const moved = [...steps];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}
