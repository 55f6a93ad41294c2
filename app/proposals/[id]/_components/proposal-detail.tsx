"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { CollapsibleMarkdown } from "@/components/markdown";
import { QueryState } from "@/components/query-state";
import { formatTimestamp } from "@/lib/format";
import { proposalBodyPreview } from "@/lib/markdown/collapse";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { useProposal } from "@/lib/hooks/use-proposal";
import { toProposalSummary } from "@/lib/indexer/proposals";
import type { IndexedVote, Page, ProposalDetailRecord } from "@/lib/indexer/types";
import type { CreatedProposal } from "@/lib/chain/proposal-created";
import type { ProposalDetail as Detail } from "@/lib/chain/proposals";
import type { TimelockRoles } from "@/lib/chain/timelock-roles";
import { useGuardian } from "@/lib/hooks/use-guardian";
import { splitDescription } from "@/lib/governance/proposal-text";
import { DisputedMark, StateBadge } from "@/components/proposal/state-badge";
import { ActionList } from "@/components/proposal/action-list";
import { ProposalNotFound } from "./proposal-not-found";
import { PollSummary } from "@/components/poll/poll-summary";
import { Section } from "@/components/section";
import { StatusTimeline } from "./status-timeline";
import { TimelockOperation } from "./timelock-operation";
import { VoteSummary } from "./vote-summary";
import type { PollSummaryJson } from "@/lib/polls/api";
import { VoterList } from "./voter-list";

// The write controls load after the page's content: reading a proposal does not wait for them.
const VotePanel = dynamic(() => import("./vote-panel").then((module) => module.VotePanel), { ssr: false });
// Disputed proposals only: the dispute's code loads with it.
const DisputePanel = dynamic(() => import("./dispute-panel").then((module) => module.DisputePanel), { ssr: false });
const FileDispute = dynamic(() => import("./file-dispute").then((module) => module.FileDispute), { ssr: false });
const DisputeActions = dynamic(
  () => import("@/components/dispute/dispute-actions").then((module) => module.DisputeActions),
  { ssr: false },
);
const PauseParameters = dynamic(
  () => import("@/components/guardian/pause-parameters").then((module) => module.PauseParameters),
  { ssr: false },
);
const ProposalActions = dynamic(() => import("./proposal-actions").then((module) => module.ProposalActions), {
  ssr: false,
});

/** The page as the indexer alone can show it, until (or while) the chain's live state cannot be read. */
function indexedDetail(record: ProposalDetailRecord): Detail {
  const summary = toProposalSummary(record);
  return {
    ...summary,
    decodedActions: [],
    timeline: { ...summary, voteStart: summary.snapshot, extendedAt: undefined },
    timelockOperation: { id: "0x", salt: "0x", state: "Unset", readyAt: 0n },
  };
}

/** The live state of a proposal the indexer has not reached yet, with its text from the chain's ProposalCreated log. */
function createdDetail(live: Detail, created: CreatedProposal): Detail {
  const { title, body } = splitDescription(created.description);
  const { createdAt, description } = created;
  return { ...live, title, body, description, createdAt, timeline: { ...live.timeline, createdAt } };
}

export function ProposalDetail({
  id,
  initial,
  created,
  initialVotes,
  initialLive,
  initialRoles,
  poll,
}: {
  id: bigint;
  /** The temperature check this proposal was submitted from, if any. */
  poll?: PollSummaryJson;
  initial?: ProposalDetailRecord | null;
  /** The live state and the timelock's roles as the server read them; undefined when it could not. */
  initialLive?: Detail | null;
  initialRoles?: TimelockRoles;
  /** For a proposal the indexer does not have yet: its text from the chain. */
  created?: CreatedProposal;
  initialVotes?: Page<IndexedVote>;
}) {
  const { record, live } = useProposal(id, initial, initialLive);
  // Read with the page's first live reads, not after the guardian controls' code loads: one JSON-RPC batch.
  useGuardian();
  const now = useChainNow();
  if (live.data === null) return <ProposalNotFound id={id.toString()} />;
  // History (the indexer) and live state (the chain) load and fail on their own: the page shows whichever arrived
  // (the server renders the history), and each failure its own error with a retry. A proposal the indexer does not
  // have yet shows from the chain until it does.
  const indexing = record.data === null;
  const detail =
    indexing && live.data && created
      ? createdDetail(live.data, created)
      : (live.data ?? (record.data ? indexedDetail(record.data) : undefined));
  const hasLive = live.data !== undefined;
  const historyError = record.error && (
    <QueryState query={record} label="this proposal's history" renderOnError>
      {() => null}
    </QueryState>
  );
  const liveError = live.error && (
    <QueryState query={live} label="this proposal's live state" renderOnError>
      {() => null}
    </QueryState>
  );
  if (!detail) {
    return (
      historyError ??
      liveError ?? (
        <p role="status" className="animate-pulse text-sm text-slate-600">
          Loading this proposal…
        </p>
      )
    );
  }
  return (
    <article className="space-y-6">
      <div>
        <Link href="/proposals" className="text-sm text-slate-600 hover:text-slate-800">
          ← All proposals
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <StateBadge state={detail.state} />
          {detail.dispute?.status === "Open" && <DisputedMark />}
        </div>
        <h1 className="mt-2 text-2xl font-semibold">{detail.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          Proposed by <span className="font-mono">{detail.proposer}</span> on {formatTimestamp(detail.createdAt)}
        </p>
        <p className="mt-1 break-all font-mono text-xs text-slate-600">#{detail.id.toString()}</p>
      </div>

      {indexing && (
        <p
          role="status"
          data-testid="being-indexed"
          className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
        >
          Being indexed… This proposal is on chain; its votes and history appear here once the indexer reaches it.
        </p>
      )}
      {historyError}
      {liveError}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          {hasLive && (
            <Section title="Actions" testId="actions">
              <ActionList actions={detail.decodedActions} />
            </Section>
          )}
          <Section title="Description" testId="description">
            <CollapsibleMarkdown source={detail.body} limit={proposalBodyPreview} />
          </Section>
          {poll && <PollSummary poll={poll} />}
          {hasLive && detail.disputeDetail && (
            <Section title="Dispute" testId="dispute">
              <div className="space-y-4">
                <DisputePanel dispute={detail.disputeDetail} now={now} />
                <DisputeActions dispute={detail.disputeDetail} />
              </div>
            </Section>
          )}
          {hasLive && detail.state === "Queued" && !detail.disputeDetail && (
            <Section title="Challenge" testId="challenge">
              <FileDispute detail={detail} now={now} />
            </Section>
          )}
          <Section
            title={`Voters (${(record.data?.voterCount ?? detail.voterCount).toLocaleString("en-US")})`}
            testId="voters"
          >
            <VoterList proposalId={id} initial={initialVotes} />
            <a
              href={`/proposals/${id}/votes.csv`}
              download
              className="mt-3 inline-block text-sm text-blue-700 underline"
              data-testid="votes-csv"
            >
              Download every vote (CSV)
            </a>
          </Section>
        </div>
        {hasLive && (
          <div className="space-y-6">
            {(detail.state === "Active" || detail.state === "Pending") && (
              <Section title="Vote" testId="vote">
                <VotePanel detail={detail} />
              </Section>
            )}
            <Section title="What happens next" testId="proposal-actions">
              <ProposalActions detail={detail} now={now} />
              <PauseParameters />
            </Section>
            <Section title="Status" testId="status">
              <StatusTimeline timeline={detail.timeline} now={now} frozen={detail.dispute?.status === "Open"} />
            </Section>
            <Section title="Votes" testId="votes">
              <VoteSummary votes={detail.votes} quorum={detail.quorum} quorumIsEstimate={detail.quorumIsEstimate} />
            </Section>
            <Section title="Timelock" testId="timelock">
              <TimelockOperation detail={detail} initialRoles={initialRoles} />
            </Section>
          </div>
        )}
      </div>
    </article>
  );
}
