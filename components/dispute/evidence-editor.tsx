"use client";

import { useId } from "react";
import { Markdown } from "@/components/markdown";
import { utf8Length } from "@/lib/format";

/** Evidence for the panel as the chain counts it: the text's UTF-8 length against the module's limit. */
export function evidenceProblem(evidence: string, maxBytes: bigint | undefined): string | undefined {
  const bytes = utf8Length(evidence);
  if (maxBytes !== undefined && BigInt(bytes) > maxBytes) {
    return `The evidence is ${bytes.toLocaleString("en-US")} bytes; the limit is ${maxBytes.toLocaleString("en-US")}.`;
  }
  return undefined;
}

/** A markdown textarea for dispute evidence with its byte count against the limit and a live preview. */
export function EvidenceEditor({
  value,
  onChange,
  maxBytes,
  saved,
  disabled,
  label,
  placeholder,
}: {
  value: string;
  onChange: (value: string) => void;
  maxBytes: bigint | undefined;
  saved: boolean;
  disabled: boolean;
  label: string;
  placeholder: string;
}) {
  const bytes = utf8Length(value);
  const over = maxBytes !== undefined && BigInt(bytes) > maxBytes;
  const lengthId = useId();
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <label className="block">
        <span className="text-slate-600">{label}</span>
        <textarea
          value={value}
          onChange={(event) => onChange(event.target.value)}
          rows={8}
          disabled={disabled}
          className="mt-1 w-full rounded-lg border border-slate-300 p-2"
          placeholder={placeholder}
          aria-describedby={lengthId}
          data-testid="evidence"
        />
        <span
          id={lengthId}
          data-testid="evidence-length"
          className={`text-xs ${over ? "text-red-700" : "text-slate-600"}`}
        >
          {bytes.toLocaleString("en-US")}
          {maxBytes !== undefined ? ` / ${maxBytes.toLocaleString("en-US")}` : ""} bytes
          {saved && " · draft saved in this browser"}
        </span>
      </label>
      <div>
        <span className="text-slate-600">Preview</span>
        <div
          className="mt-1 min-h-[4rem] rounded-lg border border-slate-200 bg-slate-50 p-2"
          data-testid="evidence-preview"
        >
          {value.trim() ? <Markdown source={value} /> : <p className="text-slate-600">The panel reads it here.</p>}
        </div>
      </div>
    </div>
  );
}
