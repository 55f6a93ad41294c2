"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { formatTimestamp } from "@/lib/format";
import { newDraft, type ProposalDraft } from "@/lib/governance/proposal-drafts";
import { descriptionTemplate } from "@/lib/governance/proposal-text";
import { useProposalDrafts } from "@/lib/hooks/use-proposal-drafts";
import { DraftEditor } from "./draft-editor";

/** The drafts of this browser, and the open one (`?draft=<id>`). */
export function ProposalBuilder() {
  const router = useRouter();
  const draftId = useSearchParams().get("draft");
  const { drafts, loaded, save, remove } = useProposalDrafts();
  if (!loaded) {
    return (
      <p role="status" className="animate-pulse text-sm text-slate-600">
        Loading your drafts…
      </p>
    );
  }
  const open = drafts.find((draft) => draft.id === draftId);
  const start = () => {
    const draft = newDraft(crypto.randomUUID(), descriptionTemplate(), Date.now());
    save(draft);
    router.replace(`/proposals/new?draft=${draft.id}`);
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_16rem]">
      <div className="min-w-0">
        {open ? (
          <DraftEditor
            key={open.id}
            draft={open}
            onChange={(draft: ProposalDraft) => save({ ...draft, updatedAt: Date.now() })}
            onSubmitted={(proposalId) => {
              remove(open.id);
              router.push(`/proposals/${proposalId}`);
            }}
          />
        ) : (
          <div className="space-y-3 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">
            {draftId && (
              <p role="alert" className="text-sm text-amber-800">
                There is no draft {draftId} in this browser: it was submitted or deleted.
              </p>
            )}
            <button
              type="button"
              onClick={start}
              data-testid="new-draft"
              className="rounded-lg bg-blue-600 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-700"
            >
              Start a new proposal
            </button>
          </div>
        )}
      </div>
      <aside className="space-y-2" aria-label="Drafts">
        <div className="flex items-center justify-between">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">Your drafts</h2>
          {open && (
            <button type="button" onClick={start} className="text-sm text-blue-700 hover:underline">
              New
            </button>
          )}
        </div>
        {drafts.length === 0 ? (
          <p className="text-sm text-slate-600">No drafts yet.</p>
        ) : (
          <ul className="space-y-2">
            {drafts.map((draft) => (
              <li
                key={draft.id}
                data-testid="draft"
                className={`rounded-lg border bg-white p-3 text-sm ${draft.id === open?.id ? "border-blue-400" : "border-slate-200"}`}
              >
                <Link href={`/proposals/new?draft=${draft.id}`} className="block font-medium hover:text-blue-700">
                  {draft.title.trim() || "Untitled draft"}
                </Link>
                <p className="text-xs text-slate-600">
                  {draft.steps.length} step{draft.steps.length === 1 ? "" : "s"} · saved{" "}
                  {formatTimestamp(BigInt(Math.floor(draft.updatedAt / 1000)))}
                </p>
                <button
                  type="button"
                  onClick={() => {
                    if (
                      window.confirm(
                        `Delete the draft "${draft.title.trim() || "Untitled draft"}"? It cannot be restored.`,
                      )
                    ) {
                      remove(draft.id);
                    }
                  }}
                  className="mt-1 text-xs text-red-700 hover:underline"
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}
