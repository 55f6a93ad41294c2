"use client";

import Link from "next/link";
import { ProposalRow } from "@/components/proposal/proposal-row";
import type { ProposalSummary } from "@/lib/chain/proposals";
import { QueryState } from "@/components/query-state";
import { needsAttention } from "@/lib/governance/attention";
import { useChainNow } from "@/lib/hooks/use-chain-now";
import { useOpenProposals } from "@/lib/hooks/use-proposals";

/** Proposals open for votes, waiting in the timelock, or under dispute. */
export function NeedsAttention({ initial }: { initial?: ProposalSummary[] }) {
  const proposals = useOpenProposals(initial);
  const now = useChainNow();
  return (
    <section aria-labelledby="needs-attention">
      <div className="flex items-baseline justify-between">
        <h2 id="needs-attention" className="text-lg font-semibold">
          Needs attention
        </h2>
        <Link href="/proposals" className="text-sm text-slate-600 hover:underline">
          All proposals
        </Link>
      </div>
      <QueryState query={proposals} label="proposals">
        {() => {
          const open = proposals.data!.filter(needsAttention);
          return open.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">Nothing is being voted on, queued or disputed right now.</p>
          ) : (
            <ul className="mt-3 space-y-3" data-testid="needs-attention">
              {open.map((proposal) => (
                <ProposalRow key={proposal.id.toString()} proposal={proposal} now={now} />
              ))}
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}
