import Link from "next/link";
import { Section } from "@/components/section";
import type { PollSummaryJson } from "@/lib/polls/api";
import { PollResult } from "./poll-result";
import { PollStateBadge } from "./poll-state-badge";

/** On a proposal's page: the temperature check it came from, with its result. */
export function PollSummary({ poll }: { poll: PollSummaryJson }) {
  return (
    <Section title="Temperature check" testId="proposal-poll">
      <div className="space-y-3">
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <PollStateBadge state={poll.state} />
          <Link
            href={`/polls/${poll.id}`}
            className="font-medium text-blue-700 underline"
            data-testid="proposal-poll-link"
          >
            {poll.title}
          </Link>
          <span className="text-slate-600">signed off chain before this proposal</span>
        </p>
        <PollResult kind={poll.kind} result={poll.result} />
      </div>
    </Section>
  );
}
