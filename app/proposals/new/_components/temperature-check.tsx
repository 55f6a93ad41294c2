"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useBlock } from "wagmi";
import { PollStateBadge } from "@/components/poll/poll-state-badge";
import { SignedMessageStatusLine } from "@/components/signed-message-status";
import { config } from "@/lib/config";
import { contracts } from "@/lib/contracts";
import { formatTimestamp } from "@/lib/format";
import type { ProposalAction } from "@/lib/governance/actions";
import type { ProposalDraft } from "@/lib/governance/proposal-drafts";
import { useSignedMessage } from "@/lib/hooks/use-signed-message";
import { pollLimits, pollToJson } from "@/lib/polls/api";
import { fetchPoll, pollQueryKey, publishPoll } from "@/lib/polls/client";
import { basicOptions, pollDomain, pollTypedData, type Poll, type PollKind } from "@/lib/polls/typed-data";

const HOUR = 3_600n;
const startDelays = { now: 0n, hour: HOUR, day: 24n * HOUR } as const;

function sameActions(a: readonly ProposalAction[], b: readonly ProposalAction[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (action, i) =>
        action.target.toLowerCase() === b[i].target.toLowerCase() &&
        action.value === b[i].value &&
        action.calldata.toLowerCase() === b[i].calldata.toLowerCase(),
    )
  );
}

/** The temperature check published from this draft: its state and a link, or the form that publishes one. */
export function TemperatureCheck({
  draft,
  actions,
  onChange,
}: {
  draft: ProposalDraft;
  actions: ProposalAction[];
  onChange: (draft: ProposalDraft) => void;
}) {
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Temperature check">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">Temperature check</h2>
      {draft.pollId ? (
        <PublishedPoll id={draft.pollId} actions={actions} />
      ) : (
        <PublishPollForm draft={draft} actions={actions} onPublished={(pollId) => onChange({ ...draft, pollId })} />
      )}
    </section>
  );
}

function PublishedPoll({ id, actions }: { id: `0x${string}`; actions: ProposalAction[] }) {
  const poll = useQuery({ queryKey: pollQueryKey(id), queryFn: () => fetchPoll(id) });
  const view = poll.data;
  const changed =
    view &&
    !sameActions(
      actions,
      view.poll.actions.map((action) => ({ ...action, value: BigInt(action.value) })),
    );
  return (
    <div className="space-y-2 text-sm" data-testid="draft-poll">
      <p className="flex flex-wrap items-center gap-2">
        {view && <PollStateBadge state={view.state} />}
        <Link href={`/polls/${id}`} className="font-medium text-blue-700 underline">
          {view ? view.title : "Your temperature check"}
        </Link>
        {view && <span className="text-slate-600">closes {formatTimestamp(BigInt(view.end))}</span>}
      </p>
      {poll.error && <p className="text-red-800">Could not read the temperature check: {poll.error.message}</p>}
      {changed && view.poll.actions.length > 0 && (
        <p className="text-amber-800" role="alert">
          The actions changed since the temperature check: submitted like this, the proposal will not be linked to it.
        </p>
      )}
    </div>
  );
}

function PublishPollForm({
  draft,
  actions,
  onPublished,
}: {
  draft: ProposalDraft;
  actions: ProposalAction[];
  onPublished: (pollId: `0x${string}`) => void;
}) {
  const [kind, setKind] = useState<PollKind>("basic");
  const [optionsText, setOptionsText] = useState("");
  const [startDelay, setStartDelay] = useState<keyof typeof startDelays>("now");
  const [days, setDays] = useState("3");
  const block = useBlock({ query: { refetchInterval: 15_000 } });
  const signed = useSignedMessage();

  const options =
    kind === "basic"
      ? [...basicOptions]
      : optionsText
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean);
  const duration = Number(days);
  const disabledReason = !signed.account
    ? "Connect a wallet to publish."
    : !draft.title.trim()
      ? "Give the proposal a title first."
      : kind !== "basic" && (options.length < 2 || options.length > pollLimits.options)
        ? `Write 2 to ${pollLimits.options} options, one per line.`
        : !Number.isInteger(duration) || duration < 1 || duration > 30
          ? "Voting runs for 1 to 30 days."
          : !block.data
            ? "Reading the chain's time…"
            : undefined;

  const publish = async () => {
    if (!block.data) return;
    // "Now" is the latest block's time, the clock the server (and the governor) judge the poll by.
    const start = block.data.timestamp + startDelays[startDelay];
    let poll: Poll | undefined;
    const domain = pollDomain(config.chainId, contracts.governor.address);
    const published = await signed.sign(
      (author) => {
        poll = {
          author,
          title: draft.title.trim(),
          body: draft.body,
          discussion: draft.discussion?.trim() ?? "",
          kind,
          options,
          // Voting power is read where it can no longer change: just before the latest block.
          snapshot: block.data.timestamp - 1n,
          start,
          end: start + BigInt(duration) * 24n * HOUR,
          actions,
        };
        return pollTypedData(domain, poll);
      },
      (signature) =>
        publishPoll({
          poll: pollToJson(poll!),
          signature,
          chainId: domain.chainId,
          verifyingContract: domain.verifyingContract,
        }),
    );
    if (published) onPublished(published.id);
  };

  return (
    <form
      className="space-y-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        void publish();
      }}
    >
      <p className="text-slate-600">
        Ask the token holders first, without gas: they sign their votes, weighted by their voting power at the snapshot.
        The poll carries this draft&apos;s title, body, discussion link and {actions.length} action
        {actions.length === 1 ? "" : "s"}; once it closes you submit the proposal from here and the two link to each
        other.
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="block">
          <span className="font-medium">Question</span>
          <select
            value={kind}
            onChange={(event) => setKind(event.target.value as PollKind)}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
            data-testid="poll-kind"
          >
            <option value="basic">For / Against / Abstain</option>
            <option value="single">Single choice</option>
            <option value="approval">Approval (several options)</option>
          </select>
        </label>
        <label className="block">
          <span className="font-medium">Opens</span>
          <select
            value={startDelay}
            onChange={(event) => setStartDelay(event.target.value as keyof typeof startDelays)}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
          >
            <option value="now">Now</option>
            <option value="hour">In an hour</option>
            <option value="day">In a day</option>
          </select>
        </label>
        <label className="block">
          <span className="font-medium">Runs for (days)</span>
          <input
            type="number"
            min={1}
            max={30}
            value={days}
            onChange={(event) => setDays(event.target.value)}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
            data-testid="poll-days"
          />
        </label>
      </div>
      {kind !== "basic" && (
        <label className="block">
          <span className="font-medium">Options, one per line (2 to {pollLimits.options})</span>
          <textarea
            value={optionsText}
            onChange={(event) => setOptionsText(event.target.value)}
            rows={4}
            className="mt-1 w-full rounded-md border border-slate-300 p-2"
            data-testid="poll-options"
          />
        </label>
      )}
      <button
        type="submit"
        disabled={disabledReason !== undefined || signed.busy}
        className="rounded-lg border border-blue-600 px-4 py-2 font-semibold text-blue-700 hover:bg-blue-50 disabled:opacity-50"
        data-testid="publish-poll"
      >
        Publish as a temperature check (sign, no gas)
      </button>
      {disabledReason && <p className="text-slate-600">{disabledReason}</p>}
      <SignedMessageStatusLine status={signed.status} doneText="Temperature check published." />
    </form>
  );
}
