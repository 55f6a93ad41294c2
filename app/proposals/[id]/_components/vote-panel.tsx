"use client";

import { CollapsibleMarkdown } from "@/components/markdown";
import { SponsoredButton } from "@/components/transaction/sponsored-button";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { TransactionStatusLine } from "@/components/transaction/transaction-status";
import { VoteSupportBadge } from "@/components/vote-support-badge";
import type { ProposalDetail } from "@/lib/chain/proposals";
import { formatTimestamp, formatTokens } from "@/lib/format";
import { voteSupportNames, type VoteSupportName } from "@/lib/governance/votes";
import { MAX_VOTE_REASON_LENGTH, useCastVote } from "@/lib/hooks/use-cast-vote";
import { useLocalDraft } from "@/lib/hooks/use-local-draft";
import { useVoteOf } from "@/lib/hooks/use-proposal-votes";
import { useVoterStatus } from "@/lib/hooks/use-voter-status";

type Ballot = { support: VoteSupportName | ""; reason: string };

function parseBallot(stored: unknown): Ballot | undefined {
  if (typeof stored !== "object" || stored === null) return undefined;
  const { support, reason } = stored as Record<string, unknown>;
  const choice = support === "" ? "" : voteSupportNames.find((name) => name === support);
  return choice !== undefined && typeof reason === "string" ? { support: choice, reason } : undefined;
}

const supportStyles: Record<VoteSupportName, string> = {
  For: "peer-checked:border-emerald-600 peer-checked:bg-emerald-50 peer-checked:text-emerald-900",
  Against: "peer-checked:border-red-600 peer-checked:bg-red-50 peer-checked:text-red-900",
  Abstain: "peer-checked:border-slate-600 peer-checked:bg-slate-100 peer-checked:text-slate-900",
};

/** For / Against / Abstain with an optional reason, for the connected account while the proposal is Active. */
export function VotePanel({ detail }: { detail: ProposalDetail }) {
  const vote = useCastVote(detail.id);
  // The status line stays in place when the ballot gives way to the vote cast: it is the live region announcing it.
  return (
    <>
      <Ballot detail={detail} vote={vote} />
      <TransactionStatusLine status={vote.status} successText="Your vote was counted" />
    </>
  );
}

function Ballot({ detail, vote }: { detail: ProposalDetail; vote: ReturnType<typeof useCastVote> }) {
  const active = detail.state === "Active";
  const voter = useVoterStatus(detail.id, detail.snapshot, detail.state !== "Pending");
  const yours = useVoteOf(detail.id, voter.data?.hasVoted ? voter.account : undefined).data;
  const ballot = useLocalDraft<Ballot>(
    `plenum:vote-draft:${detail.id}:${voter.account ?? "none"}`,
    { support: "", reason: "" },
    parseBallot,
  );

  if (detail.state === "Pending") {
    return <p className="text-sm text-slate-600">Voting opens {formatTimestamp(detail.snapshot)}.</p>;
  }
  if (!active && !voter.data?.hasVoted) {
    return <p className="text-sm text-slate-600">Voting closed {formatTimestamp(detail.deadline)}.</p>;
  }
  if (!voter.account) {
    return <p className="text-sm text-slate-600">Connect a wallet (top right) to vote.</p>;
  }
  if (voter.error) {
    return (
      <p role="alert" className="text-sm text-red-800">
        Could not read your voting power.{" "}
        <button type="button" className="underline" onClick={() => voter.refetch()}>
          Retry
        </button>
      </p>
    );
  }
  if (!voter.data) return <p className="animate-pulse text-sm text-slate-600">Reading your voting power…</p>;

  const { hasVoted, votingPower } = voter.data;
  if (hasVoted) {
    return (
      <div data-testid="your-vote" className="space-y-2 text-sm">
        <p>
          You voted {yours ? <VoteSupportBadge support={yours.support} /> : null}
          {yours && <> with {formatTokens(yours.weight)} PLM</>}.
        </p>
        {yours?.reason && (
          <div className="rounded border border-slate-200 bg-slate-50 p-2">
            <CollapsibleMarkdown source={yours.reason} />
          </div>
        )}
        <p className="text-slate-600">
          A vote is final: the governor counts one vote per account and refuses a second one.
        </p>
      </div>
    );
  }

  const { support, reason } = ballot.value;
  const reasonLength = reason.trim().length;
  const disabledReason =
    votingPower === 0n
      ? `You had no voting power at the snapshot (${formatTimestamp(detail.snapshot)}): only votes delegated before it count.`
      : support === ""
        ? "Choose For, Against or Abstain."
        : reasonLength > MAX_VOTE_REASON_LENGTH
          ? `The reason is ${reasonLength.toLocaleString("en-US")} characters; the limit is ${MAX_VOTE_REASON_LENGTH.toLocaleString("en-US")}.`
          : undefined;

  const submit = async (sponsored: boolean) => {
    if (support === "") return;
    const cast = sponsored ? vote.castSponsoredVote : vote.castVote;
    if (await cast(support, reason)) ballot.clear();
  };

  return (
    <div data-testid="vote-panel" className="space-y-3 text-sm">
      <p>
        Your voting power at the snapshot:{" "}
        <span className="font-semibold" data-testid="vote-power">
          {formatTokens(votingPower)} PLM
        </span>
      </p>
      <fieldset className="grid grid-cols-3 gap-2" disabled={vote.inProgress}>
        <legend className="sr-only">Your vote</legend>
        {voteSupportNames.map((name) => (
          <label key={name} className="cursor-pointer">
            <input
              type="radio"
              name="support"
              value={name}
              className="peer sr-only"
              checked={support === name}
              onChange={() => ballot.update({ support: name, reason })}
            />
            <span
              className={`block rounded-lg border border-slate-300 px-2 py-2 text-center font-medium peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600 ${supportStyles[name]}`}
            >
              {name}
            </span>
          </label>
        ))}
      </fieldset>
      <label className="block">
        <span className="text-slate-600">Reason (optional, markdown)</span>
        <textarea
          value={reason}
          onChange={(event) => ballot.update({ support, reason: event.target.value })}
          rows={4}
          className="mt-1 w-full rounded-lg border border-slate-300 p-2"
          placeholder="Why you vote this way: delegators read it."
          aria-describedby="reason-length"
        />
        <span
          id="reason-length"
          data-testid="reason-length"
          className={`text-xs ${reasonLength > MAX_VOTE_REASON_LENGTH ? "text-red-700" : "text-slate-600"}`}
        >
          {reasonLength.toLocaleString("en-US")} / {MAX_VOTE_REASON_LENGTH.toLocaleString("en-US")} characters
        </span>
      </label>
      <div className="flex flex-wrap items-start gap-2">
        <TransactionButton
          transaction={vote}
          onClick={() => void submit(false)}
          disabledReason={disabledReason}
          testId="cast-vote"
        >
          {support ? `Vote ${support}` : "Vote"}
        </TransactionButton>
        <SponsoredButton
          transaction={vote}
          kind="vote"
          account={voter.account}
          power={votingPower}
          disabled={Boolean(disabledReason)}
          onClick={() => void submit(true)}
          testId="cast-sponsored-vote"
        >
          Vote without gas (sponsored by the DAO)
        </SponsoredButton>
      </div>
    </div>
  );
}
