"use client";

import { useEffect, useId, useState, type ReactNode } from "react";
import { isAddressEqual, type Address } from "viem";
import { Markdown } from "@/components/markdown";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { TransactionStatusLine } from "@/components/transaction/transaction-status";
import { statementMatchesChain, type DelegateStatement } from "@/lib/governance/delegates";
import {
  addFocusArea,
  checkDraft,
  draftFromStatement,
  draftStorageKey,
  formatCount,
  hasFocusArea,
  parseStoredDraft,
  removeFocusArea,
  sameStatement,
  statementLimits,
  suggestedFocusAreas,
  type DraftField,
  type DraftProblem,
  type StatementDraft,
} from "@/lib/governance/statement-draft";
import { useStatementRecord } from "@/lib/hooks/use-delegate";
import { usePublishStatement } from "@/lib/hooks/use-publish-statement";
import { useLocalDraft } from "@/lib/hooks/use-local-draft";

type Publisher = ReturnType<typeof usePublishStatement>;
/** The profile owner's editor for their delegate statement; nothing for anyone else. */
export function StatementEditor({ address, current }: { address: Address; current?: DelegateStatement }) {
  const publisher = usePublishStatement();
  if (!publisher.account || !isAddressEqual(publisher.account, address)) return null;
  // A new published version starts a fresh form (pre-filled from it, unless a draft is stored).
  return (
    <EditorForm key={current?.version.toString() ?? "none"} address={address} current={current} publisher={publisher} />
  );
}

function EditorForm({
  address,
  current,
  publisher,
}: {
  address: Address;
  current?: DelegateStatement;
  publisher: Publisher;
}) {
  const [published] = useState(() => draftFromStatement(current));
  const stored = useLocalDraft(draftStorageKey(address), published, parseStoredDraft);
  const draft = stored.value;
  const [tag, setTag] = useState("");
  const [tagError, setTagError] = useState<string>();
  const ids = { name: useId(), text: useId(), tag: useId(), title: useId() };
  const { status, inProgress } = publisher;
  const record = useStatementRecord(address);
  const isUpdate = current !== undefined;
  // A stored draft that is exactly what is published now is no draft.
  const { restored, clear } = stored;
  const restoredUnchanged = restored && isUpdate && sameStatement(draft, published);
  useEffect(() => {
    if (restoredUnchanged) clear();
  }, [restoredUnchanged, clear]);

  if (!stored.loaded) return null;

  const change = (next: StatementDraft) => stored.update(next);
  const addArea = (area: string): boolean => {
    const result = addFocusArea(draft.focusAreas, area);
    if (!result.ok) {
      setTagError(result.reason);
      return false;
    }
    setTagError(undefined);
    change({ ...draft, focusAreas: result.areas });
    return true;
  };
  const removeArea = (area: string) => {
    setTagError(undefined);
    change({ ...draft, focusAreas: removeFocusArea(draft.focusAreas, area) });
  };
  const addTag = () => {
    if (addArea(tag)) setTag("");
  };
  const discard = () => {
    stored.clear();
    setTag("");
    setTagError(undefined);
  };

  const check = checkDraft(draft);
  // Republishing the same content is refused only when it is what the contract records (the section's read).
  const matchesChain =
    current !== undefined && record.data !== undefined && statementMatchesChain(current, record.data);
  const unchanged = matchesChain && sameStatement(draft, published);
  const disabledReason = check.problems.length
    ? check.problems[0].message + (check.problems.length > 1 ? ` (and ${check.problems.length - 1} more above)` : "")
    : unchanged
      ? `Nothing to publish: this is version ${current!.version} as published. Edit it first.`
      : undefined;
  const limitProblems = (field: DraftField) =>
    check.problems.filter((problem) => problem.field === field && problem.kind === "limit");

  return (
    <section
      data-testid="statement-editor"
      aria-labelledby={ids.title}
      className="space-y-5 rounded-lg border border-indigo-200 bg-indigo-50/40 p-5"
    >
      <header className="space-y-1">
        <h2 id={ids.title} data-testid="statement-editor-title" className="text-lg font-semibold">
          {current ? "Update your statement" : "Publish your statement"}
        </h2>
        <p className="text-sm text-slate-600">
          {current
            ? `Version ${current.version} is published. Publishing again records version ${current.version + 1n} on chain.`
            : "Tell delegators who you are, what you focus on and how you vote. It is recorded on chain."}{" "}
          Your draft is saved in this browser as you type, until you publish it.
        </p>
        {restored && (
          <p data-testid="statement-draft-restored" className="text-sm text-indigo-800">
            Restored your unpublished draft from this browser.
          </p>
        )}
      </header>

      <div className="space-y-1">
        <label htmlFor={ids.name} className="block text-sm font-medium text-slate-800">
          Display name
        </label>
        <input
          id={ids.name}
          data-testid="statement-name"
          type="text"
          value={draft.displayName}
          readOnly={inProgress}
          aria-invalid={limitProblems("displayName").length > 0}
          onChange={(event) => change({ ...draft, displayName: event.target.value })}
          className="w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        <ByteCounter
          testId="statement-name-bytes"
          bytes={check.bytes.displayName}
          limit={statementLimits.displayNameBytes}
        />
        <Problems problems={limitProblems("displayName")} />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={ids.text} className="block text-sm font-medium text-slate-800">
            Statement <span className="font-normal text-slate-600">(markdown)</span>
          </label>
          <textarea
            id={ids.text}
            data-testid="statement-text"
            rows={14}
            value={draft.statement}
            readOnly={inProgress}
            aria-invalid={limitProblems("statement").length > 0}
            onChange={(event) => change({ ...draft, statement: event.target.value })}
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
          />
          <ByteCounter
            testId="statement-text-bytes"
            bytes={check.bytes.statement}
            limit={statementLimits.statementBytes}
          />
          <Problems problems={limitProblems("statement")} />
        </div>
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-800">Preview</p>
          <div
            data-testid="statement-preview"
            className="max-h-[32rem] min-h-24 overflow-y-auto rounded-md border border-slate-200 bg-white p-4"
          >
            {draft.statement.trim() ? (
              <Markdown source={draft.statement} />
            ) : (
              <p className="text-sm text-slate-600">Your statement, as delegators will see it.</p>
            )}
          </div>
        </div>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">
          Focus areas{" "}
          <span data-testid="statement-focus-count" className="font-normal text-slate-600">
            {check.input.focusAreas.length} / {statementLimits.focusAreas}
          </span>
        </legend>
        <div role="group" aria-label="Suggested focus areas" className="flex flex-wrap gap-2">
          {suggestedFocusAreas.map((area) => {
            const selected = hasFocusArea(draft.focusAreas, area);
            return (
              <button
                key={area}
                type="button"
                aria-pressed={selected}
                disabled={inProgress}
                onClick={() => (selected ? removeArea(area) : addArea(area))}
                className={`rounded-full border px-3 py-1 text-xs font-medium ${
                  selected
                    ? "border-indigo-600 bg-indigo-600 text-white"
                    : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
                }`}
              >
                {area}
              </button>
            );
          })}
        </div>
        {check.input.focusAreas.length > 0 && (
          <ul aria-label="Your focus areas" className="flex flex-wrap gap-1.5">
            {check.input.focusAreas.map((area) => (
              <li
                key={area}
                data-testid="statement-focus-area"
                className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pr-1 pl-2.5 text-xs font-medium text-indigo-800"
              >
                {area}
                <button
                  type="button"
                  aria-label={`Remove ${area}`}
                  disabled={inProgress}
                  onClick={() => removeArea(area)}
                  className="rounded-full px-1 text-indigo-700 hover:bg-indigo-100"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={ids.tag} className="sr-only">
            Add a focus area of your own
          </label>
          <input
            id={ids.tag}
            data-testid="statement-tag"
            type="text"
            placeholder="Another focus area"
            value={tag}
            readOnly={inProgress}
            onChange={(event) => {
              setTag(event.target.value);
              setTagError(undefined);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                addTag();
              }
            }}
            className="w-64 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
          />
          <button
            type="button"
            data-testid="statement-tag-add"
            disabled={inProgress}
            onClick={addTag}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Add
          </button>
          <span className="text-xs text-slate-600">
            Up to {statementLimits.focusAreas}, each at most {statementLimits.focusAreaBytes} bytes.
          </span>
        </div>
        {tagError && <ProblemLine testId="statement-tag-error">{tagError}</ProblemLine>}
        <Problems problems={limitProblems("focusAreas")} />
      </fieldset>

      <div className="flex flex-wrap items-start gap-3">
        <TransactionButton
          transaction={publisher}
          testId="statement-publish"
          disabledReason={disabledReason}
          onClick={async () => {
            if (await publisher.publish(check.input)) stored.clear();
          }}
        >
          {current ? "Update statement" : "Publish statement"}
        </TransactionButton>
        {stored.saved && (
          <button
            type="button"
            data-testid="statement-discard"
            disabled={inProgress}
            onClick={discard}
            className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-50"
          >
            Discard draft
          </button>
        )}
        {stored.saved && (
          <span data-testid="statement-draft-saved" className="self-center text-xs text-slate-600">
            Draft saved in this browser.
          </span>
        )}
      </div>
      <TransactionStatusLine status={status} successText={isUpdate ? "Statement updated" : "Statement published"} />
    </section>
  );
}

function ByteCounter({ bytes, limit, testId }: { bytes: number; limit: number; testId: string }) {
  return (
    <p data-testid={testId} className={`text-xs ${bytes > limit ? "font-semibold text-red-700" : "text-slate-600"}`}>
      {formatCount(bytes)} / {formatCount(limit)} bytes
    </p>
  );
}

function Problems({ problems }: { problems: DraftProblem[] }) {
  return problems.map((problem) => (
    <ProblemLine key={problem.message} testId="statement-problem">
      {problem.message}
    </ProblemLine>
  ));
}

function ProblemLine({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <p role="alert" data-testid={testId} className="text-sm text-red-800">
      {children}
    </p>
  );
}
