"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Hash } from "viem";
import { CollapsibleMarkdown } from "@/components/markdown";
import { PollResult } from "@/components/poll/poll-result";
import { pollKindLabels, PollStateBadge } from "@/components/poll/poll-state-badge";
import { ActionList } from "@/components/proposal/action-list";
import { QueryState } from "@/components/query-state";
import { Section } from "@/components/section";
import { formatTimestamp } from "@/lib/format";
import { decodeActions } from "@/lib/governance/actions";
import { useDecodeContext } from "@/lib/hooks/use-decode-context";
import type { BallotJson, PageJson, PollViewJson } from "@/lib/polls/api";
import { pollFromJson } from "@/lib/polls/api";
import { fetchPoll, fetchPollBallots, pollQueryKey } from "@/lib/polls/client";
import { PollPromotion } from "./poll-promotion";
import { PollVoteForm } from "./poll-vote-form";
import { PollVoters } from "./poll-voters";

/** A temperature check: what it asks, its result, the vote form while it is open, its voters and its export. */
export function PollDetail({
  id,
  initial,
  initialBallots,
}: {
  id: Hash;
  initial?: PollViewJson;
  initialBallots?: PageJson<BallotJson>;
}) {
  const poll = useQuery({ queryKey: pollQueryKey(id), queryFn: () => fetchPoll(id), initialData: initial });
  const ballots = useInfiniteQuery({
    queryKey: [...pollQueryKey(id), "ballots"],
    queryFn: ({ pageParam }) => fetchPollBallots(id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next ?? undefined,
    initialData: initialBallots ? { pages: [initialBallots], pageParams: [undefined] } : undefined,
  });
  const context = useDecodeContext();

  return (
    <QueryState query={poll} label="the temperature check">
      {() => {
        const view = poll.data!;
        const message = pollFromJson(view.poll);
        return (
          <div className="space-y-6">
            <header className="space-y-2">
              <p className="text-sm font-medium text-slate-600">
                <Link href="/proposals?view=checks" className="hover:underline">
                  Temperature checks
                </Link>{" "}
                · {pollKindLabels[view.kind]} · signed off chain, no gas
              </p>
              <div className="flex flex-wrap items-center gap-2">
                <PollStateBadge state={view.state} />
                <h1 className="text-2xl font-semibold break-words" data-testid="poll-title">
                  {view.title}
                </h1>
              </div>
              <p className="text-sm text-slate-600">
                by{" "}
                <Link href={`/delegates/${view.author}`} className="font-mono text-blue-700 hover:underline">
                  {view.author}
                </Link>
              </p>
              <p className="text-sm text-slate-600" data-testid="poll-schedule">
                Voting power at {formatTimestamp(message.snapshot)} · opens {formatTimestamp(message.start)} · closes{" "}
                {formatTimestamp(message.end)}
              </p>
              {message.discussion && (
                <p className="text-sm">
                  Discussion:{" "}
                  <a
                    href={message.discussion}
                    rel="noopener noreferrer nofollow ugc"
                    target="_blank"
                    className="break-all text-blue-700 underline"
                    data-testid="poll-discussion"
                  >
                    {message.discussion}
                  </a>
                </p>
              )}
              {view.proposalId && (
                <p className="text-sm font-medium" data-testid="poll-proposal-link">
                  This temperature check became{" "}
                  <Link href={`/proposals/${view.proposalId}`} className="text-blue-700 underline">
                    on-chain proposal {view.proposalId.slice(0, 10)}…
                  </Link>
                </p>
              )}
            </header>

            <Section title="Result" testId="poll-result-section">
              <PollResult kind={view.kind} result={view.result} />
            </Section>

            {view.state === "open" && (
              <PollVoteForm
                poll={view}
                message={message}
                onVoted={() => void Promise.all([poll.refetch(), ballots.refetch()])}
              />
            )}

            <Section title="Proposal">
              {message.body.trim() ? (
                <CollapsibleMarkdown source={message.body} />
              ) : (
                <p className="text-sm text-slate-600">No description.</p>
              )}
            </Section>

            {message.actions.length > 0 && (
              <Section title="Actions it would take on chain">
                {context ? (
                  <ActionList actions={decodeActions(message.actions, context)} />
                ) : (
                  <p className="animate-pulse text-sm text-slate-600">Decoding…</p>
                )}
              </Section>
            )}

            <PollVoters poll={view} ballots={ballots} />

            <PollPromotion poll={view} />

            <Section title="Verify it yourself">
              <p className="text-sm">
                Every signed message of this poll, with the weight each voter was counted with:{" "}
                <a
                  href={`/api/polls/${id}/export`}
                  download
                  className="text-blue-700 underline"
                  data-testid="poll-export"
                >
                  download the JSON
                </a>
                . <code className="rounded bg-slate-100 px-1">npm run verify:poll -- poll.json</code> checks every
                signature and re-reads every weight from the chain, and prints this result.
              </p>
            </Section>
          </div>
        );
      }}
    </QueryState>
  );
}
