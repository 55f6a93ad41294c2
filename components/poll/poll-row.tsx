import Link from "next/link";
import { formatTimestamp, shortAddress } from "@/lib/format";
import type { PollSummaryJson } from "@/lib/polls/api";
import { describeResult } from "@/lib/polls/result";
import { pollKindLabels, PollStateBadge } from "./poll-state-badge";

/** A temperature check in a list: state, title, schedule and the leading option. */
export function PollRow({ poll }: { poll: PollSummaryJson }) {
  const described = describeResult(poll.kind, poll.result);
  const leading = poll.result.options.reduce(
    (best, option, i) => (BigInt(option.weight) > BigInt(poll.result.options[best].weight) ? i : best),
    0,
  );
  const schedule =
    poll.state === "upcoming"
      ? `Opens ${formatTimestamp(BigInt(poll.start))}`
      : poll.state === "open"
        ? `Closes ${formatTimestamp(BigInt(poll.end))}`
        : `Closed ${formatTimestamp(BigInt(poll.end))}`;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="poll-row">
      <div className="flex flex-wrap items-center gap-2">
        <PollStateBadge state={poll.state} />
        <span className="text-xs text-slate-600">{pollKindLabels[poll.kind]}</span>
      </div>
      <Link href={`/polls/${poll.id}`} className="mt-1 block font-medium break-words hover:text-blue-700">
        {poll.title}
      </Link>
      <p className="mt-1 text-sm text-slate-600">
        by {shortAddress(poll.author)} · {schedule} · {described.voters}
        {poll.result.voters > 0 && (
          <>
            {" "}
            · leading: {described.options[leading].label} ({described.options[leading].share})
          </>
        )}
        {poll.proposalId && (
          <>
            {" "}
            ·{" "}
            <Link href={`/proposals/${poll.proposalId}`} className="text-blue-700 underline">
              on-chain proposal
            </Link>
          </>
        )}
      </p>
    </li>
  );
}
