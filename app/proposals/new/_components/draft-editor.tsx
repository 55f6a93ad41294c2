"use client";

import { Markdown } from "@/components/markdown";
import { draftActions, type DraftStep, type ProposalDraft } from "@/lib/governance/proposal-drafts";
import { AddStep } from "./add-step";
import { SafeJson } from "./safe-json";
import { StepList } from "./step-list";
import { SubmitPanel } from "./submit-panel";
import { TemperatureCheck } from "./temperature-check";

/** One draft: its steps, its description, the simulation and the submit. Every change is saved as it happens. */
export function DraftEditor({
  draft,
  onChange,
  onSubmitted,
}: {
  draft: ProposalDraft;
  onChange: (draft: ProposalDraft) => void;
  onSubmitted: (proposalId: bigint) => void;
}) {
  const setSteps = (steps: DraftStep[]) => onChange({ ...draft, steps });
  return (
    <div className="space-y-6">
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Actions">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">Actions</h2>
        <StepList steps={draft.steps} onChange={setSteps} />
        <AddStep
          pending={draft.pending}
          onPending={(pending) => onChange({ ...draft, pending })}
          onAdd={(step) => onChange({ ...draft, steps: [...draft.steps, step], pending: undefined })}
        />
        <SafeJson
          title={draft.title}
          actions={draftActions(draft)}
          onImport={(step) => setSteps([...draft.steps, step])}
        />
      </section>

      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Description">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">Description</h2>
        <label className="block text-sm">
          <span className="font-medium text-slate-800">Title</span>
          <input
            type="text"
            value={draft.title}
            onChange={(event) => onChange({ ...draft, title: event.target.value })}
            placeholder="Raise the inference fee to 0.30 PLM per 1k tokens"
            data-testid="proposal-title"
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-800">Discussion link (forum thread)</span>
          <input
            type="url"
            value={draft.discussion ?? ""}
            onChange={(event) => onChange({ ...draft, discussion: event.target.value })}
            placeholder="https://forum.example/t/…"
            data-testid="proposal-discussion"
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <div className="grid gap-4 lg:grid-cols-2">
          <label className="block text-sm">
            <span className="font-medium text-slate-800">Body (markdown)</span>
            <textarea
              value={draft.body}
              onChange={(event) => onChange({ ...draft, body: event.target.value })}
              rows={16}
              data-testid="proposal-body"
              className="mt-1 w-full rounded-md border border-slate-300 p-2 font-mono text-xs"
            />
          </label>
          <div className="text-sm">
            <span className="font-medium text-slate-800">Preview</span>
            <div className="mt-1 rounded-md border border-slate-200 p-3" data-testid="proposal-preview">
              <h1 className="mb-2 text-xl font-semibold">{draft.title.trim() || "Untitled proposal"}</h1>
              <Markdown source={draft.body} />
            </div>
          </div>
        </div>
        <p className="text-xs text-slate-600">
          The description ends with <code>#proposer=</code> and your address when you submit: nobody else can submit the
          same proposal first.
        </p>
      </section>

      <TemperatureCheck draft={draft} actions={draftActions(draft)} onChange={onChange} />

      <SubmitPanel draft={draft} actions={draftActions(draft)} onSubmitted={onSubmitted} />
    </div>
  );
}
