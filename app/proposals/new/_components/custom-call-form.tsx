"use client";

import { useState } from "react";
import { formatAbiItem } from "viem/utils";
import { config } from "@/lib/config";
import { namedContracts } from "@/lib/contracts";
import type { ProposalAction } from "@/lib/governance/actions";
import { exampleArgument, parseAbiText, type CallableFunction } from "@/lib/governance/abi-inputs";
import { parseAddress, parseEthAmount } from "@/lib/governance/parse-input";
import { buildTemplate, type TemplateContext } from "@/lib/governance/templates";
import { AddStepButton } from "./add-step-button";

const inputClass = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
const OTHER = "other";

function callable(abi: readonly unknown[]): CallableFunction[] {
  return abi.filter(
    (item): item is CallableFunction =>
      typeof item === "object" &&
      item !== null &&
      "type" in item &&
      item.type === "function" &&
      "stateMutability" in item &&
      (item.stateMutability === "nonpayable" || item.stateMutability === "payable"),
  );
}

function parseInputs(json: string | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

/** Any function of a system contract, or of any contract from a pasted ABI, with a typed field per argument. */
export function CustomCallForm({
  texts,
  onTexts,
  context,
  onAdd,
}: {
  texts: Record<string, string>;
  onTexts: (texts: Record<string, string>) => void;
  context: TemplateContext;
  onAdd: (input: Record<string, string>, actions: ProposalAction[]) => void;
}) {
  // Every field lives in `texts` (the arguments as a JSON list of strings): the draft keeps them as typed.
  const contract = texts.contract ?? namedContracts[0].name;
  const target = texts.target ?? "";
  const abiText = texts.abi ?? "";
  const signature = texts.signature ?? "";
  const inputs = parseInputs(texts.inputs);
  const valueText = texts.value ?? "";
  const set = (changes: Record<string, string>) => onTexts({ ...texts, ...changes });
  const setContract = (value: string) => set({ contract: value, signature: "", inputs: "[]" });
  const setTarget = (value: string) => set({ target: value });
  const setAbiText = (value: string) => set({ abi: value });
  const setSignature = (value: string) => set({ signature: value, inputs: "[]" });
  const setInputs = (values: string[]) => set({ inputs: JSON.stringify(values) });
  const setValueText = (value: string) => set({ value });
  const [tried, setTried] = useState(false);

  const system = namedContracts.find((candidate) => candidate.name === contract);
  const pasted = system ? undefined : parseAbiText(abiText);
  const functions = system ? callable(system.abi) : pasted?.ok ? pasted.functions : [];
  const fn = functions.find((candidate) => formatAbiItem(candidate, { includeName: true }) === signature);
  const parsedTarget = system ? ({ ok: true, value: system.address } as const) : parseAddress(target);
  const parsedValue = valueText.trim() === "" ? ({ ok: true, value: 0n } as const) : parseEthAmount(valueText);

  const errors: string[] = [];
  if (!parsedTarget.ok) errors.push(parsedTarget.error);
  if (pasted && !pasted.ok && abiText.trim()) errors.push(pasted.error);
  if (!fn) errors.push("Pick a function.");
  if (!parsedValue.ok) errors.push(parsedValue.error);
  const built =
    fn && parsedTarget.ok && parsedValue.ok
      ? buildTemplate(
          { kind: "customCall", target: parsedTarget.value, fn, inputs, value: parsedValue.value },
          config.deployment,
          context,
        )
      : undefined;
  if (built && !built.ok) errors.push(...built.errors.map((error) => error.message));

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (built?.ok) {
          onAdd(
            {
              contract,
              target: parsedTarget.ok ? parsedTarget.value : target,
              abi: abiText,
              signature,
              inputs: JSON.stringify(inputs),
              value: valueText,
            },
            built.actions,
          );
        }
      }}
    >
      <label className="block text-sm">
        <span className="font-medium text-slate-800">Contract</span>
        <select
          value={contract}
          onChange={(event) => setContract(event.target.value)}
          className={inputClass}
          data-testid="custom-contract"
        >
          {namedContracts.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.name} ({candidate.address})
            </option>
          ))}
          <option value={OTHER}>Another contract (paste its ABI)</option>
        </select>
      </label>
      {!system && (
        <>
          <label className="block text-sm">
            <span className="font-medium text-slate-800">Target address</span>
            <input
              value={target}
              onChange={(event) => setTarget(event.target.value)}
              className={inputClass}
              data-testid="custom-target"
              placeholder="0x…"
            />
          </label>
          <label className="block text-sm">
            <span className="font-medium text-slate-800">ABI (JSON, or one function signature per line)</span>
            <textarea
              value={abiText}
              onChange={(event) => setAbiText(event.target.value)}
              rows={4}
              className={`${inputClass} font-mono text-xs`}
              data-testid="custom-abi"
              placeholder="function setRoute((address to, uint96 share)[] routes)"
            />
          </label>
        </>
      )}
      <label className="block text-sm">
        <span className="font-medium text-slate-800">Function</span>
        <select
          value={signature}
          onChange={(event) => setSignature(event.target.value)}
          className={inputClass}
          data-testid="custom-function"
        >
          <option value="">Pick a function…</option>
          {functions.map((candidate) => {
            const formatted = formatAbiItem(candidate, { includeName: true });
            return (
              <option key={formatted} value={formatted}>
                {formatted}
              </option>
            );
          })}
        </select>
      </label>
      {fn?.inputs.map((param, index) => (
        <label key={index} className="block text-sm">
          <span className="font-medium text-slate-800">
            {param.name || `argument ${index + 1}`}{" "}
            <span className="font-mono text-xs text-slate-600">{param.type}</span>
          </span>
          <input
            value={inputs[index] ?? ""}
            onChange={(event) => {
              const next = [...inputs];
              next[index] = event.target.value;
              setInputs(next);
            }}
            className={`${inputClass} font-mono`}
            data-testid={`custom-arg-${index}`}
            placeholder={exampleArgument(param)}
          />
        </label>
      ))}
      {fn?.stateMutability === "payable" && (
        <label className="block text-sm">
          <span className="font-medium text-slate-800">ETH value</span>
          <input value={valueText} onChange={(event) => setValueText(event.target.value)} className={inputClass} />
        </label>
      )}
      <AddStepButton errors={tried ? errors : []} />
    </form>
  );
}
