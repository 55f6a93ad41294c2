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
import { parseParameterValue } from "@/lib/governance/parse-input";
import { parameterChangeLine, type TemplateContext } from "@/lib/governance/templates";
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
  const pick = (placeholderText: string, options: { value: string; label: string }[], onSelect = onChange) => (
    <label className="block text-sm">
      {label}
      <select
        value={value}
        onChange={(event) => onSelect(event.target.value)}
        className={inputClass}
        data-testid={`field-${field.name}`}
      >
        <option value="">{placeholderText}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
  if (kind === "slashExpert" && field.name === "expert") {
    return pick(
      "Pick a panel member…",
      (panel ?? []).map((member) => ({ value: member, label: member })),
    );
  }
  if (kind === "slashExpert" && field.name === "ground") {
    return pick(
      "Pick a ground…",
      slashGroundNames.map((name, index) => ({ value: String(index), label: name })),
    );
  }
  if (kind === "delistModel" && field.name === "modelId") {
    return pick(
      "Pick a model…",
      (registry?.models ?? [])
        .filter((model) => !model.delisted)
        .map((model) => ({ value: model.id.toString(), label: `#${model.id.toString()} ${model.name}` })),
    );
  }
  if (kind === "revokePublisher" && field.name === "publisher") {
    const publishers = (registry?.publishers ?? []).filter((publisher) => publisher.verified);
    return pick(
      "Pick a verified publisher…",
      publishers.map((publisher) => ({ value: publisher.address, label: `${publisher.name} (${publisher.address})` })),
      (address) =>
        onPick({ publisher: address, name: publishers.find((publisher) => publisher.address === address)?.name ?? "" }),
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
