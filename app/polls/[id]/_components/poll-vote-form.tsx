"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Section } from "@/components/section";
import { SignedMessageStatusLine } from "@/components/signed-message-status";
import { formatTimestamp, formatTokens } from "@/lib/format";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { useSignedMessage } from "@/lib/hooks/use-signed-message";
import { pollLimits, voteToJson, type PollViewJson } from "@/lib/polls/api";
import { castPollVote, fetchPollBallot, pollQueryKey } from "@/lib/polls/client";
import { chosenOptions, pollVoteTypedData, type Poll, type PollVote } from "@/lib/polls/typed-data";

/**
 * The vote: one option (or, for approval, any set), a reason, and a signature: no gas. Voting again replaces the
 * earlier vote until the poll closes.
 */
export function PollVoteForm({ poll, message, onVoted }: { poll: PollViewJson; message: Poll; onVoted: () => void }) {
  const [chosen, setChosen] = useState<number[]>([]);
  const [reason, setReason] = useState("");
  const signed = useSignedMessage();
  const now = useChainNow();
  const approval = poll.kind === "approval";
  const account = signed.account;
  const yours = useQuery({
    queryKey: [...pollQueryKey(poll.id), "ballot", account],
    queryFn: () => fetchPollBallot(poll.id, account!),
    enabled: account !== undefined,
  });
  const yourBallot = yours.data?.ballot;

  const choose = (index: number, on: boolean) =>
    setChosen(approval ? (on ? [...chosen, index] : chosen.filter((i) => i !== index)) : [index]);

  const disabledReason = !signed.account
    ? "Connect a wallet to vote."
    : chosen.length === 0
      ? approval
        ? "Approve at least one option."
        : "Choose an option."
      : reason.length > pollLimits.reason
        ? `The reason is over ${pollLimits.reason.toLocaleString("en-US")} characters.`
        : now === undefined
          ? "Reading the chain's time…"
          : undefined;

  const submit = async () => {
    if (now === undefined) return;
    const choice = approval ? chosen.reduce((mask, i) => mask | (1n << BigInt(i)), 0n) : BigInt(chosen[0]);
    // Signed at the chain's time, kept inside the poll's window.
    // Later than your counting vote, even within the same second: the latest signed vote counts.
    const earliest = yourBallot ? BigInt(yourBallot.timestamp) + 1n : message.start;
    const timestamp = now > message.end ? message.end : now < earliest ? earliest : now;
    let vote: PollVote | undefined;
    const stored = await signed.sign(
      (voter) => {
        vote = { poll: poll.id, voter, choice, reason, timestamp };
        return pollVoteTypedData(poll.domain, vote);
      },
      (signature) =>
        castPollVote(poll.id, {
          vote: voteToJson(vote!),
          signature,
          chainId: poll.domain.chainId,
          verifyingContract: poll.domain.verifyingContract,
        }),
    );
    if (stored) {
      onVoted();
      void yours.refetch();
    }
  };

  return (
    <Section title="Vote (no gas)" testId="poll-vote-form">
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {yourBallot && (
          <p className="rounded-md bg-slate-50 p-2 text-sm" data-testid="your-poll-vote">
            You voted{" "}
            <span className="font-medium">
              {chosenOptions(poll.kind, poll.poll.options.length, BigInt(yourBallot.choice))
                .map((i) => poll.poll.options[i])
                .join(", ")}
            </span>{" "}
            with {formatTokens(BigInt(yourBallot.weight))} PLM (signed {formatTimestamp(BigInt(yourBallot.timestamp))}).
            Vote again to change it.
          </p>
        )}
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{approval ? "Approve any number of options" : "Your choice"}</legend>
          {poll.poll.options.map((option, index) => (
            <label key={option} className="flex items-center gap-2 text-sm">
              <input
                type={approval ? "checkbox" : "radio"}
                name="poll-choice"
                checked={chosen.includes(index)}
                onChange={(event) => choose(index, event.target.checked)}
                data-testid="poll-choice"
              />
              {option}
            </label>
          ))}
        </fieldset>
        <label className="block text-sm">
          <span className="font-medium">Reason (optional, shown with your vote)</span>
          <textarea
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={3}
            maxLength={pollLimits.reason}
            data-testid="poll-reason"
            className="mt-1 w-full rounded-md border border-slate-300 p-2"
          />
        </label>
        <p className="text-xs text-slate-600">
          Your weight is your voting power at the snapshot. You can vote again until the poll closes: your latest vote
          counts.
        </p>
        <button
          type="submit"
          disabled={disabledReason !== undefined || signed.busy}
          className="rounded-lg bg-blue-600 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-700 disabled:opacity-50"
          data-testid="poll-vote"
        >
          Sign vote (no gas)
        </button>
        {disabledReason && <p className="text-sm text-slate-600">{disabledReason}</p>}
        <SignedMessageStatusLine status={signed.status} doneText="Your vote is counted." />
      </form>
    </Section>
  );
}
