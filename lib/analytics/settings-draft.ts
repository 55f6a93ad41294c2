// A what-if's settings as typed, checked as the builder checks them, and turned into a settings proposal draft.
import { formatDuration, formatTimestamp, formatTokens } from "../format";
import { newDraft, type DraftStep, type ProposalDraft } from "../governance/proposal-drafts";
import { descriptionTemplate } from "../governance/proposal-text";
import { buildTemplateForm } from "../governance/template-form";
import type { FieldError, TemplateAddresses, TemplateContext } from "../governance/templates";
import type { WhatIfRecord, WhatIfSettings } from "../indexer/types";

/** The settings a what-if tries, as typed: a quorum percentage and two durations ("5 days", "36h"). */
export type SettingsTexts = { quorumNumerator: string; votingPeriod: string; lateQuorumExtension: string };

type SettingStep = { kind: "quorumNumerator" | "votingPeriod" | "lateQuorumExtension"; field: string };
const settingSteps: Record<keyof SettingsTexts, SettingStep> = {
  quorumNumerator: { kind: "quorumNumerator", field: "numerator" },
  votingPeriod: { kind: "votingPeriod", field: "seconds" },
  lateQuorumExtension: { kind: "lateQuorumExtension", field: "seconds" },
};

export type ReadSettings =
  | { ok: true; settings: WhatIfSettings; steps: Record<keyof SettingsTexts, DraftStep> }
  | { ok: false; errors: (FieldError & { setting: keyof SettingsTexts })[] };

/**
 * The typed settings, read and checked as the builder's governance templates check them (the contracts' bounds, named
 * in each error), with the step each would add to a proposal.
 */
export function readSettings(
  texts: SettingsTexts,
  addresses: TemplateAddresses,
  context: TemplateContext = {},
): ReadSettings {
  const errors: (FieldError & { setting: keyof SettingsTexts })[] = [];
  const steps = {} as Record<keyof SettingsTexts, DraftStep>;
  const values = {} as Record<keyof SettingsTexts, bigint>;
  for (const setting of Object.keys(settingSteps) as (keyof SettingsTexts)[]) {
    const { kind, field } = settingSteps[setting];
    const input = { [field]: texts[setting] };
    const built = buildTemplateForm(kind, input, addresses, context);
    if (!built.ok) {
      errors.push(...built.errors.map((error) => ({ ...error, setting })));
      continue;
    }
    steps[setting] = { id: `${kind}-${texts[setting]}`, kind, input, actions: built.actions };
    // Each setter takes one uint: the value is the calldata's last word.
    values[setting] = BigInt(`0x${built.actions[0].calldata.slice(10)}`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, settings: values, steps };
}

/**
 * A builder draft that proposes the settings tried, one step per setting that differs from the governor's now, its
 * summary saying what the recount found.
 */
export function settingsProposalDraft(
  id: string,
  now: number,
  read: Extract<ReadSettings, { ok: true }>,
  current: WhatIfSettings,
  record: WhatIfRecord,
): ProposalDraft {
  const changed = (Object.keys(settingSteps) as (keyof SettingsTexts)[]).filter(
    (setting) => read.settings[setting] !== current[setting],
  );
  const { quorumNumerator, votingPeriod, lateQuorumExtension } = read.settings;
  const named = {
    quorumNumerator: `quorum ${quorumNumerator}%`,
    votingPeriod: `voting period ${formatDuration(votingPeriod)}`,
    lateQuorumExtension: `late-quorum extension ${formatDuration(lateQuorumExtension)}`,
  };
  const outcomes = record.changed.map(
    (outcome) =>
      `- #${outcome.id} ${outcome.title} (voting from ${formatTimestamp(outcome.voteStart)}): ${outcome.actual} → ` +
      `${outcome.simulated}, ${formatTokens(outcome.forVotes)} for, ${formatTokens(outcome.againstVotes)} against, ` +
      `${formatTokens(outcome.abstainVotes)} abstain counted against a quorum of ${formatTokens(outcome.quorum)} PLM`,
  );
  const summary = [
    `Set the ${changed.map((setting) => named[setting]).join(", ")}.`,
    "",
    `Recounted from the indexed votes of the ${record.evaluated} past proposals whose voting ended, these settings ` +
      `would have passed ${record.succeeded.simulated} where ${record.succeeded.actual} passed, changing ` +
      `${record.changedCount} outcome${record.changedCount === 1 ? "" : "s"}${outcomes.length > 0 ? ":" : "."}`,
    ...outcomes,
  ].join("\n");
  const draft = newDraft(
    id,
    descriptionTemplate().replace(/(## Summary\n\n)[^\n]*/, (_match, heading: string) => heading + summary),
    now,
  );
  return {
    ...draft,
    title: `Governance settings: ${changed.map((setting) => named[setting]).join(", ")}`,
    steps: changed.map((setting) => read.steps[setting]),
  };
}
