"use client";

import { Markdown } from "@/components/markdown";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { formatCountdown, formatDuration, formatTimestamp, formatTokens, utf8Length } from "@/lib/format";
import { rulingsToDecide, type DisputeRecord } from "@/lib/governance/disputes";
import type { useCastRuling } from "@/lib/hooks/use-dispute-actions";
import { useLocalDraft } from "@/lib/hooks/use-local-draft";
import type { DisputeStanding } from "@/lib/hooks/use-dispute-standing";

type Choice = "Uphold" | "Reject";
type RulingDraft = { choice: Choice | ""; reason: string };

function parseDraft(stored: unknown): RulingDraft | undefined {
  if (typeof stored !== "object" || stored === null) return undefined;
  const { choice, reason } = stored as Record<string, unknown>;
  if (choice !== "" && choice !== "Uphold" && choice !== "Reject") return undefined;
  return typeof reason === "string" ? { choice, reason } : undefined;
}

const choiceStyles: Record<Choice, string> = {
  Uphold: "peer-checked:border-emerald-600 peer-checked:bg-emerald-50 peer-checked:text-emerald-900",
  Reject: "peer-checked:border-red-600 peer-checked:bg-red-50 peer-checked:text-red-900",
};

const choiceHints: Record<Choice, string> = {
  Uphold: "the proposal is harmful: cancel it",
  Reject: "the challenge fails: let it execute",
};

/** What this ruling does, given the rulings already cast: it decides the dispute, or counts toward a decision. */
function consequence(dispute: DisputeRecord, standing: DisputeStanding, choice: Choice): string {
  const needed = rulingsToDecide(dispute)[choice === "Uphold" ? "uphold" : "reject"];
  if (needed <= 1) {
    return choice === "Uphold"
      ? `Your ruling decides the dispute: the proposal is canceled through the governor and the challengers can withdraw their bonds plus the reward, ${formatTokens(dispute.totalBond + standing.upheldReward)} PLM in all.`
      : `Your ruling decides the dispute: the freeze lifts (the proposal can be executed once its ETA has passed) and the bonds, ${formatTokens(dispute.totalBond)} PLM, go to the treasury.`;
  }
  const after = needed - 1;
  return choice === "Uphold"
    ? `Your ruling counts toward upholding: ${after} more uphold ${after === 1 ? "ruling" : "rulings"} after yours cancel the proposal. Until then execution stays frozen.`
    : `Your ruling counts toward rejecting: ${after} more reject ${after === 1 ? "ruling" : "rulings"} after yours lift the freeze. Until then execution stays frozen.`;
}

/** A panel member's Uphold / Reject with a markdown reason, the consequence spelled out, and the deadline. */
export function RulingForm({
  dispute,
  standing,
  account,
  secondsLeft,
  ruling,
  onRuled,
}: {
  dispute: DisputeRecord;
  standing: DisputeStanding;
  account: string;
  secondsLeft: bigint;
  ruling: ReturnType<typeof useCastRuling>;
  onRuled: (ruled: { uphold: boolean; reason: string }) => void;
}) {
  const draft = useLocalDraft<RulingDraft>(
    `plenum:ruling-draft:${dispute.id}:${account}`,
    { choice: "", reason: "" },
    parseDraft,
  );
  const { choice, reason } = draft.value;
  const trimmed = reason.trim();
  const bytes = utf8Length(trimmed);
  const limit = standing.maxReasonLength;
  const disabledReason =
    standing.stake < dispute.expertStake
      ? `Your stake (${formatTokens(standing.stake)} PLM) is below what this dispute requires (${formatTokens(dispute.expertStake)} PLM, the minimum when it was filed): top it up before ruling.`
      : choice === ""
        ? "Choose Uphold or Reject."
        : bytes === 0
          ? "Give a reason: it is recorded on chain with your ruling."
          : bytes > limit
            ? `The reason is ${bytes.toLocaleString("en-US")} bytes; the limit is ${limit.toLocaleString("en-US")}.`
            : undefined;

  const submit = async () => {
    if (choice === "") return;
    const uphold = choice === "Uphold";
    if (await ruling.castRuling(uphold, trimmed)) {
      onRuled({ uphold, reason: trimmed });
      draft.clear();
    }
  };

  return (
    <div data-testid="ruling-form" className="space-y-3 rounded-md border border-indigo-200 bg-indigo-50/40 p-3">
      <div>
        <h3 className="font-semibold text-slate-800">Your ruling</h3>
        <p className="text-slate-600">
          You sit on the expert panel. Rulings close in{" "}
          <span data-testid="ruling-countdown" className="font-medium text-amber-800">
            {formatCountdown(secondsLeft)}
          </span>{" "}
          ({formatTimestamp(dispute.deadline)}).
        </p>
      </div>
      <fieldset className="grid grid-cols-2 gap-2" disabled={ruling.inProgress}>
        <legend className="sr-only">Your ruling</legend>
        {(["Uphold", "Reject"] as const).map((name) => (
          <label key={name} className="cursor-pointer">
            <input
              type="radio"
              name={`ruling-${dispute.id}`}
              value={name}
              className="peer sr-only"
              checked={choice === name}
              onChange={() => draft.update({ choice: name, reason })}
            />
            <span
              className={`block rounded-lg border border-slate-300 bg-white px-2 py-2 text-center peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600 ${choiceStyles[name]}`}
            >
              <span className="block font-medium">{name}</span>
              <span className="block text-xs text-slate-600">{choiceHints[name]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="block">
        <span className="text-slate-600">Reason (required, markdown; public and permanent)</span>
        <textarea
          value={reason}
          onChange={(event) => draft.update({ choice, reason: event.target.value })}
          rows={4}
          disabled={ruling.inProgress}
          className="mt-1 w-full rounded-lg border border-slate-300 bg-white p-2"
          placeholder="What you checked, and why it leads to this ruling."
          aria-describedby={`ruling-reason-length-${dispute.id}`}
        />
        <span
          id={`ruling-reason-length-${dispute.id}`}
          data-testid="ruling-reason-length"
          className={`text-xs ${bytes > limit ? "text-red-700" : "text-slate-600"}`}
        >
          {bytes.toLocaleString("en-US")} / {limit.toLocaleString("en-US")} bytes
          {draft.restored && " · draft restored"}
        </span>
      </label>
      {trimmed && (
        <div className="rounded border border-slate-200 bg-white p-2">
          <p className="text-xs uppercase tracking-wide text-slate-600">Preview</p>
          <Markdown source={trimmed} />
        </div>
      )}
      {choice !== "" && (
        <p data-testid="ruling-consequence" className="text-slate-800">
          {consequence(dispute, standing, choice)} A ruling is final; your stake stays locked for{" "}
          {formatDuration(standing.stakeLockAfterRuling)} after it, so governance can review it.
        </p>
      )}
      <TransactionButton
        transaction={ruling}
        onClick={() => void submit()}
        disabledReason={disabledReason}
        tone={choice === "Uphold" ? "danger" : "primary"}
        testId="cast-ruling"
      >
        {choice === "" ? "Rule" : `Rule: ${choice.toLowerCase()}`}
      </TransactionButton>
    </div>
  );
}
