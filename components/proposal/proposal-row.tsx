import Link from "next/link";
import { formatDuration, formatTimestamp, shortAddress } from "@/lib/format";
import type { ProposalSummary } from "@/lib/chain/proposals";
import { DisputedMark, StateBadge } from "./state-badge";
import { VoteBar } from "./vote-bar";

/** What a proposal is waiting for, relative to the chain's time. */
function Timing({ proposal, now }: { proposal: ProposalSummary; now: bigint | undefined }) {
  const left = (time: bigint) => (now === undefined ? "" : time > now ? ` (in ${formatDuration(time - now)})` : "");
  if (proposal.state === "Active") {
    return (
      <span data-testid="time-left">
        {now === undefined
          ? "Voting open"
          : `${formatDuration(proposal.deadline > now ? proposal.deadline - now : 0n)} left`}
      </span>
    );
  }
  if (proposal.state === "Pending")
    return (
      <span>
        Voting starts {formatTimestamp(proposal.snapshot)}
        {left(proposal.snapshot)}
      </span>
    );
  if (proposal.state === "Queued") {
    return (
      <span data-testid="eta">
        ETA {formatTimestamp(proposal.eta)}
        {left(proposal.eta)}
      </span>
    );
  }
  return <span>Created {formatTimestamp(proposal.createdAt)}</span>;
}

export function ProposalRow({ proposal, now }: { proposal: ProposalSummary; now: bigint | undefined }) {
  return (
    <li
      data-testid="proposal-row"
      data-proposal-id={proposal.id.toString()}
      className="rounded-lg border border-slate-200 bg-white p-4 hover:border-slate-300"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <Link href={`/proposals/${proposal.id}`} className="font-medium text-slate-900 hover:underline">
            {proposal.title}
          </Link>
          <p className="mt-1 text-xs text-slate-600">
            by{" "}
            <span className="font-mono" title={proposal.proposer}>
              {shortAddress(proposal.proposer)}
            </span>{" "}
            · <Timing proposal={proposal} now={now} />
          </p>
        </div>
        <div className="flex items-center gap-2">
          {proposal.dispute?.status === "Open" && <DisputedMark />}
          <StateBadge state={proposal.state} />
        </div>
      </div>
      <div className="mt-3 max-w-md">
        <VoteBar votes={proposal.votes} />
      </div>
    </li>
  );
}
