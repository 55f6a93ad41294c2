"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { TransactionStatusLine } from "@/components/transaction/transaction-status";
import { formatTimestamp, formatTokens } from "@/lib/format";
import type { ProposalAction } from "@/lib/governance/actions";
import type { ProposalDraft } from "@/lib/governance/proposal-drafts";
import { bodyWithLinks, composeDescription } from "@/lib/governance/proposal-text";
import { useAccountSummary } from "@/lib/hooks/use-account-summary";
import { useDaoOverview } from "@/lib/hooks/use-dao-overview";
import { usePropose } from "@/lib/hooks/use-propose";
import { fetchPoll, linkPollProposal, pollQueryKey } from "@/lib/polls/client";
import { SimulationPanel } from "./simulation-panel";
import { useProposalSimulation } from "./use-proposal-simulation";
import { useProposeCheck } from "./use-propose-check";

/**
 * The governor's check of the actions as a proposal, the simulation, the proposal threshold against your voting power,
 * and the submit.
 */
export function SubmitPanel({
  draft,
  actions,
  onSubmitted,
}: {
  draft: ProposalDraft;
  actions: ProposalAction[];
  onSubmitted: (proposalId: bigint) => void;
}) {
  const proposeTx = usePropose();
  const queryClient = useQueryClient();
  const summary = useAccountSummary();
  const overview = useDaoOverview();
  const simulation = useProposalSimulation(actions);
  const proposeCheck = useProposeCheck(actions, proposeTx.account);
  const refusal = proposeCheck.data?.ok === false ? proposeCheck.data.error : undefined;
  const [override, setOverride] = useState(false);
  const threshold = overview.data?.settings.proposalThreshold;
  const votingPower = summary.data?.votingPower;
  const shortfall = threshold !== undefined && votingPower !== undefined && votingPower < threshold;
  const simulationFailed = simulation.data !== undefined && !simulation.data.ok;
  const pollId = draft.pollId;
  const poll = useQuery({
    queryKey: pollQueryKey(pollId ?? "0x"),
    queryFn: () => fetchPoll(pollId!),
    enabled: pollId !== undefined,
  });
  const pollOpen = poll.data && (poll.data.state === "open" || poll.data.state === "upcoming");

  const disabledReason = !draft.title.trim()
    ? "Give the proposal a title."
    : actions.length === 0
      ? "Add at least one action."
      : refusal
        ? "The governor refuses these actions as one proposal: see above."
        : pollId && poll.isPending
          ? "Reading the temperature check…"
          : pollOpen
            ? `The temperature check is open until ${formatTimestamp(BigInt(poll.data.end))}: submit once it has closed.`
            : simulation.isPending
              ? "Simulating…"
              : simulationFailed && !override
                ? "The simulation fails: fix the actions, or submit anyway after confirming below."
                : shortfall
                  ? `You need ${formatTokens(threshold)} PLM of voting power to propose; you have ${formatTokens(votingPower)} PLM.`
                  : undefined;

  const submit = async () => {
    if (!proposeTx.account) return;
    const body = bodyWithLinks(draft.body, {
      discussion: draft.discussion,
      pollUrl: pollId && `${window.location.origin}/polls/${pollId}`,
    });
    const description = composeDescription(draft.title, body, proposeTx.account);
    const id = await proposeTx.propose(actions, description);
    if (id === undefined) return;
    // The poll shows the proposal and the proposal the poll's result; the server checks the link on chain.
    if (pollId) {
      await linkPollProposal(pollId, id, description).catch((error: unknown) => console.error("poll link:", error));
      await queryClient.invalidateQueries({ queryKey: pollQueryKey(pollId) });
    }
    onSubmitted(id);
  };

  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-label="Simulate and submit">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">Simulate and submit</h2>
      {refusal && (
        <p role="alert" className="text-sm font-medium text-red-800" data-testid="propose-refusal">
          The governor would refuse this proposal: {refusal}
        </p>
      )}
      <SimulationPanel actions={actions} simulation={simulation} />
      {simulationFailed && (
        <label className="flex items-start gap-2 text-sm text-amber-900">
          <input
            type="checkbox"
            checked={override}
            onChange={(event) => setOverride(event.target.checked)}
            data-testid="simulation-override"
            className="mt-1"
          />
          I understand the simulation fails on the current chain state and want to submit anyway (for example, an
          earlier proposal will change that state before this one executes).
        </label>
      )}
      {summary.account && threshold !== undefined && votingPower !== undefined && (
        <p className="text-sm" data-testid="threshold-check">
          Proposal threshold {formatTokens(threshold)} PLM · your voting power {formatTokens(votingPower)} PLM
          {shortfall ? (
            <span className="text-red-800">
              {" "}
              · {formatTokens(threshold - votingPower)} PLM short.{" "}
              <Link href="/delegates" className="underline">
                Ask delegates to delegate to you
              </Link>{" "}
              or{" "}
              <Link href="/" className="underline">
                delegate your own tokens to yourself
              </Link>
              .
            </span>
          ) : (
            <span className="text-emerald-800"> · enough to propose</span>
          )}
        </p>
      )}
      <TransactionButton
        transaction={proposeTx}
        onClick={submit}
        disabledReason={disabledReason}
        testId="submit-proposal"
      >
        Submit proposal
      </TransactionButton>
      <TransactionStatusLine status={proposeTx.status} successText="Proposal submitted" />
    </section>
  );
}
