"use client";

import Link from "next/link";
import { QueryState } from "@/components/query-state";
import { Section } from "@/components/section";
import { ShowMore } from "@/components/show-more";
import { formatTimestamp, formatTokens } from "@/lib/format";
import type { BallotJson, PageJson, PollViewJson } from "@/lib/polls/api";
import { chosenOptions } from "@/lib/polls/typed-data";

type Ballots = {
  data?: { pages: PageJson<BallotJson>[] };
  isPending: boolean;
  error: Error | null;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/** The counting vote of each voter, heaviest first, with its weight at the snapshot and its reason. */
export function PollVoters({ poll, ballots }: { poll: PollViewJson; ballots: Ballots }) {
  const choiceLabel = (choice: string) =>
    chosenOptions(poll.kind, poll.poll.options.length, BigInt(choice))
      .map((i) => poll.poll.options[i])
      .join(", ");
  return (
    <Section title="Voters" testId="poll-voter-section">
      <QueryState query={ballots} label="the voters">
        {() => {
          const shown = ballots.data!.pages.flatMap((page) => page.items);
          if (shown.length === 0) return <p className="text-sm text-slate-600">Nobody has voted yet.</p>;
          return (
            <div className="space-y-3">
              <ul className="divide-y divide-slate-100" aria-label="Voters">
                {shown.map((ballot) => (
                  <li key={ballot.voter} className="py-2 text-sm" data-testid="poll-voter">
                    <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                      <Link
                        href={`/delegates/${ballot.voter}`}
                        className="font-mono break-all text-blue-700 hover:underline"
                      >
                        {ballot.voter}
                      </Link>
                      <span>
                        <span className="font-medium" data-testid="poll-voter-choice">
                          {choiceLabel(ballot.choice)}
                        </span>{" "}
                        · <span data-testid="poll-voter-weight">{formatTokens(BigInt(ballot.weight))} PLM</span>
                      </span>
                    </div>
                    {ballot.reason && (
                      <p
                        className="mt-1 whitespace-pre-line break-words text-slate-700"
                        data-testid="poll-voter-reason"
                      >
                        {ballot.reason}
                      </p>
                    )}
                    <p className="text-xs text-slate-600">signed {formatTimestamp(BigInt(ballot.timestamp))}</p>
                  </li>
                ))}
              </ul>
              <ShowMore query={ballots} label="voters" />
            </div>
          );
        }}
      </QueryState>
    </Section>
  );
}
