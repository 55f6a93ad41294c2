"use client";

import { useState } from "react";
import { config } from "@/lib/config";
import type { ProposalAction } from "@/lib/governance/actions";
import {
  buildTemplateForm,
  templateForms,
  type FieldSpec,
  type FormTemplateKind,
} from "@/lib/governance/template-form";
import { slashGroundNames } from "@/lib/governance/disputes";
import { parameterChangeLine, parseParameterValue, type TemplateContext } from "@/lib/governance/templates";
import type { useRegistry } from "@/lib/hooks/use-registry";

type Registry = ReturnType<typeof useRegistry>["data"];
import { AddStepButton } from "./add-step-button";

const inputClass = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/** A template's text fields, checked as they are typed against the contracts' limits and the chain. */
export function TemplateFieldsForm({
  kind,
  parameterKey,
  texts,
  onTexts,
  context,
  registry,
  onAdd,
}: {
  kind: FormTemplateKind;
  parameterKey?: string;
  texts: Record<string, string>;
  onTexts: (texts: Record<string, string>) => void;
  context: TemplateContext;
  registry: Registry;
  onAdd: (input: Record<string, string>, actions: ProposalAction[]) => void;
}) {
  const [tried, setTried] = useState(false);
  const result = buildTemplateForm(kind, texts, config.deployment, context);
  const errorsOf = (field: string) =>
    result.ok || !tried ? [] : result.errors.filter((error) => error.field === field);
  const set = (field: string, value: string) => onTexts({ ...texts, [field]: value });
  const parameter = parameterKey ? context.parameters?.get(parameterKey) : undefined;
  const typedValue = parameter ? parseParameterValue(texts.value ?? "", parameter.unit) : undefined;
  const changeLine = parameter && typedValue?.ok ? parameterChangeLine(parameter, typedValue.value) : undefined;
  const unplaced =
    result.ok || !tried
      ? []
      : result.errors.filter((error) => !templateForms[kind].fields.some((field) => field.name === error.field));

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (result.ok) onAdd(texts, result.actions);
      }}
    >
      {templateForms[kind].fields.map((field) => (
        <div key={field.name}>
          <Field
            field={field}
            kind={kind}
            value={texts[field.name] ?? ""}
            onChange={(value) => set(field.name, value)}
            onPick={(values) => onTexts({ ...texts, ...values })}
            registry={registry}
            panel={context.panel}
            placeholder={parameter && field.name === "value" ? `in ${parameter.unit}` : field.placeholder}
          />
          {errorsOf(field.name).map((error) => (
            <p key={error.message} role="alert" data-testid="field-error" className="mt-1 text-sm text-red-800">
              {error.message}
            </p>
          ))}
        </div>
      ))}
      {changeLine && (
        <p className="text-sm font-medium text-slate-800" data-testid="parameter-change-line">
          {changeLine}
        </p>
      )}
      <AddStepButton errors={unplaced.map((error) => error.message)} />
    </form>
  );
}

function Field({
  field,
  kind,
  value,
  onChange,
  onPick,
  registry,
  panel,
  placeholder,
}: {
  field: FieldSpec;
  kind: FormTemplateKind;
  value: string;
  onChange: (value: string) => void;
  onPick: (values: Record<string, string>) => void;
  registry: Registry;
  panel: TemplateContext["panel"];
  placeholder?: string;
}) {
  const label = <span className="font-medium text-slate-800">{field.label}</span>;
  if (kind === "slashExpert" && (field.name === "expert" || field.name === "ground")) {
    const options =
      field.name === "expert"
        ? (panel ?? []).map((member) => ({ value: member, label: member }))
        : slashGroundNames.map((name, index) => ({ value: String(index), label: name }));
    return (
      <label className="block text-sm">
        {label}
        <select
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={inputClass}
          data-testid={`field-${field.name}`}
        >
          <option value="">{field.name === "expert" ? "Pick a panel member…" : "Pick a ground…"}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (kind === "delistModel" && field.name === "modelId") {
    return (
      <label className="block text-sm">
        {label}
        <select
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={inputClass}
          data-testid="field-modelId"
        >
          <option value="">Pick a model…</option>
          {registry?.models
            .filter((model) => !model.delisted)
            .map((model) => (
              <option key={model.id.toString()} value={model.id.toString()}>
                #{model.id.toString()} {model.name}
              </option>
            ))}
        </select>
      </label>
    );
  }
  if (kind === "revokePublisher" && field.name === "publisher") {
    return (
      <label className="block text-sm">
        {label}
        <select
          value={value}
          onChange={(event) => {
            const publisher = registry?.publishers.find((candidate) => candidate.address === event.target.value);
            onPick({ publisher: event.target.value, name: publisher?.name ?? "" });
          }}
          className={inputClass}
          data-testid="field-publisher"
        >
          <option value="">Pick a verified publisher…</option>
          {registry?.publishers
            .filter((publisher) => publisher.verified)
            .map((publisher) => (
              <option key={publisher.address} value={publisher.address}>
                {publisher.name} ({publisher.address})
              </option>
            ))}
        </select>
      </label>
    );
  }
  return (
    <label className="block text-sm">
      {label}
      {field.kind === "textarea" ? (
        <textarea
          value={value}
          onChange={(event) => onChange(event.target.value)}
          rows={3}
          className={inputClass}
          data-testid={`field-${field.name}`}
          placeholder={placeholder}
        />
      ) : (
        <input
          type="text"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={inputClass}
          data-testid={`field-${field.name}`}
          placeholder={placeholder}
        />
      )}
    </label>
  );
}
