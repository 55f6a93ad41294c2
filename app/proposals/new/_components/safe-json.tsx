"use client";

import { useState } from "react";
import { config } from "@/lib/config";
import type { ProposalAction } from "@/lib/governance/actions";
import type { DraftStep } from "@/lib/governance/proposal-drafts";
import { exportSafeBatch, importSafeBatch, safeBatchJson } from "@/lib/governance/safe-batch";

const linkButton = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50";

/** The draft's actions as a Safe Transaction Builder file, out and in. */
export function SafeJson({
  title,
  actions,
  onImport,
}: {
  title: string;
  actions: ProposalAction[];
  onImport: (step: DraftStep) => void;
}) {
  const [problems, setProblems] = useState<string[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const chainId = config.chainId;
  const timelock = config.deployment.timelock;

  const download = () => {
    const file = exportSafeBatch(actions, { chainId, timelock, name: title.trim() || "Plenum proposal" });
    const url = URL.createObjectURL(new Blob([safeBatchJson(file)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${(title.trim() || "plenum-proposal").replace(/[^\w-]+/g, "-").toLowerCase()}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };

  const upload = async (file: File) => {
    const result = importSafeBatch(await file.text(), { chainId, timelock });
    if (!result.ok) {
      setProblems(result.errors);
      setNotes([]);
      return;
    }
    setProblems([]);
    setNotes([
      `Imported ${result.actions.length} action${result.actions.length === 1 ? "" : "s"} from ${file.name}.`,
      ...result.warnings,
    ]);
    onImport({ id: crypto.randomUUID(), kind: "imported", input: { file: file.name }, actions: result.actions });
  };

  return (
    <div className="space-y-2 text-sm" data-testid="safe-json">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={linkButton}
          onClick={download}
          disabled={actions.length === 0}
          data-testid="export-json"
        >
          Export actions (Safe Transaction Builder JSON)
        </button>
        {/* The file input is hidden: the label shows its focus. */}
        <label
          className={`${linkButton} cursor-pointer has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-600`}
        >
          Import actions from JSON
          <input
            type="file"
            accept="application/json,.json"
            className="sr-only"
            data-testid="import-json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void upload(file);
            }}
          />
        </label>
      </div>
      {problems.map((problem) => (
        <p key={problem} role="alert" data-testid="import-error" className="text-red-800">
          {problem}
        </p>
      ))}
      {notes.map((note) => (
        <p key={note} role="status" className="text-slate-600">
          {note}
        </p>
      ))}
    </div>
  );
}
