"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { QueryState } from "@/components/query-state";
import { config } from "@/lib/config";
import {
  readSettings,
  settingsProposalDraft,
  type ReadSettings,
  type SettingsTexts,
} from "@/lib/analytics/settings-draft";
import { formatDuration, formatTimestamp, formatTokens } from "@/lib/format";
import { useProposalDrafts } from "@/lib/hooks/use-proposal-drafts";
import type { WhatIfSettings } from "@/lib/indexer/types";
import { useWhatIf } from "./use-analytics";

const inputClass = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

const fields: { setting: keyof SettingsTexts; label: string; hint: string }[] = [
  { setting: "quorumNumerator", label: "Quorum (% of the supply)", hint: "a whole percent, 1 to 100" },
  { setting: "votingPeriod", label: "Voting period", hint: "e.g. 5 days, 36h" },
  { setting: "lateQuorumExtension", label: "Late-quorum extension", hint: "e.g. 1 day; 0 for none" },
];

/** The settings to try, their recount, and the draft that proposes them. */
export function WhatIf({ current, quorumDenominator }: { current: WhatIfSettings; quorumDenominator: bigint }) {
  const router = useRouter();
  const drafts = useProposalDrafts();
  const [texts, setTexts] = useState<SettingsTexts>({
    quorumNumerator: String(current.quorumNumerator),
    votingPeriod: formatDuration(current.votingPeriod),
    lateQuorumExtension: current.lateQuorumExtension === 0n ? "0 seconds" : formatDuration(current.lateQuorumExtension),
  });
  const [tried, setTried] = useState<Extract<ReadSettings, { ok: true }>>();
  const [errors, setErrors] = useState<Extract<ReadSettings, { ok: false }>["errors"]>([]);
  const query = useWhatIf(tried?.settings);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readSettings(texts, config.deployment, { quorumDenominator });
    if (read.ok) {
      setErrors([]);
      setTried(read);
    } else setErrors(read.errors);
  };
  const differs =
    tried !== undefined &&
    (Object.keys(current) as (keyof WhatIfSettings)[]).some((setting) => tried.settings[setting] !== current[setting]);
  const draft = () => {
    if (!tried || !query.data) return;
    const created = settingsProposalDraft(crypto.randomUUID(), Date.now(), tried, current, query.data);
    drafts.save(created);
    router.push(`/proposals/new?draft=${created.id}`);
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        The governor now asks a quorum of {String(current.quorumNumerator)}% over {formatDuration(current.votingPeriod)}
        , extended by {formatDuration(current.lateQuorumExtension)} when quorum comes late. Try other settings: every
        past proposal is recounted from its votes and their times.
      </p>
      <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-3" aria-label="Settings to try">
        {fields.map(({ setting, label, hint }) => {
          const fieldErrors = errors.filter((error) => error.setting === setting);
          const id = `what-if-${setting}`;
          return (
            <label key={setting} htmlFor={id} className="block text-sm">
              {label}
              <input
                id={id}
                value={texts[setting]}
                onChange={(event) => setTexts({ ...texts, [setting]: event.target.value })}
                aria-invalid={fieldErrors.length > 0}
                aria-describedby={`${id}-hint`}
                className={inputClass}
              />
              <span id={`${id}-hint`} className="mt-1 block text-xs text-slate-600">
                {fieldErrors.length > 0 ? (
                  <span role="alert" className="text-red-700">
                    {fieldErrors.map((error) => error.message).join("; ")}
                  </span>
                ) : (
                  hint
                )}
              </span>
            </label>
          );
        })}
        <div className="sm:col-span-3">
          <button
            type="submit"
            className="rounded-lg bg-blue-600 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-700"
          >
            Recount past proposals
          </button>
        </div>
      </form>

      {tried && (
        <QueryState query={query} label="the recount">
          {() =>
            query.data && (
              <div className="space-y-3" data-testid="what-if-result" aria-live="polite">
                <p className="text-sm">
                  Of the {query.data.evaluated} proposals whose voting ended, {query.data.succeeded.actual} passed; with
                  a quorum of {String(query.data.settings.quorumNumerator)}%,{" "}
                  {formatDuration(query.data.settings.votingPeriod)} of voting and a{" "}
                  {formatDuration(query.data.settings.lateQuorumExtension)} extension, {query.data.succeeded.simulated}{" "}
                  would have.{" "}
                  <strong data-testid="what-if-changed">
                    {query.data.changedCount === 0
                      ? "No outcome would change."
                      : `${query.data.changedCount} outcome${query.data.changedCount === 1 ? "" : "s"} would change:`}
                  </strong>
                </p>
                {query.data.changed.length > 0 && (
                  <ul className="space-y-2 text-sm">
                    {query.data.changed.map((outcome) => (
                      <li
                        key={String(outcome.id)}
                        data-testid="what-if-outcome"
                        className="rounded-md border border-slate-200 p-2"
                      >
                        <Link href={`/proposals/${outcome.id}`} className="font-medium text-blue-700 underline">
                          {outcome.title}
                        </Link>{" "}
                        would have <strong>{outcome.simulated === "Succeeded" ? "passed" : "failed"}</strong> (it{" "}
                        {outcome.actual === "Succeeded" ? "passed" : "failed"}).
                        <span className="block text-slate-600">
                          Counted by {formatTimestamp(outcome.voteEnd)}: {formatTokens(outcome.forVotes)} for,{" "}
                          {formatTokens(outcome.againstVotes)} against, {formatTokens(outcome.abstainVotes)} abstain,
                          against a quorum of {formatTokens(outcome.quorum)} PLM
                          {outcome.quorumReachedAt === null
                            ? " (not reached)"
                            : ` (reached ${formatTimestamp(outcome.quorumReachedAt)})`}
                          .{outcome.votesLeftOut > 0 && ` ${outcome.votesLeftOut} later votes left out.`}
                          {outcome.beyondHistory &&
                            " The deadline tried is after the real one: later votes are unknown."}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                {query.data.changedCount > query.data.changed.length && (
                  <p className="text-sm text-slate-600">The newest {query.data.changed.length} are listed.</p>
                )}
                {query.data.beyondHistory > 0 && (
                  <p className="text-sm text-slate-600">
                    For {query.data.beyondHistory} proposals the deadline tried falls after the real one: votes that
                    could have come later are not known, so they count as not cast.
                  </p>
                )}
                {differs ? (
                  <button
                    type="button"
                    onClick={draft}
                    data-testid="draft-settings-proposal"
                    className="rounded-lg border border-blue-600 px-4 py-2 text-sm font-semibold text-blue-700 hover:bg-blue-50"
                  >
                    Draft a proposal with these settings
                  </button>
                ) : (
                  <p className="text-sm text-slate-600">These are the governor&apos;s settings now.</p>
                )}
              </div>
            )
          }
        </QueryState>
      )}
    </div>
  );
}
