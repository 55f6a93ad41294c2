"use client";

import dynamic from "next/dynamic";
import type { Address } from "viem";
import { QueryState } from "@/components/query-state";
import { Stat } from "@/components/stat";
import { formatTokens } from "@/lib/format";
import { delegateName, hasDelegateActivity } from "@/lib/governance/delegates";
import { useDelegateProfile } from "@/lib/hooks/use-delegate";
import type { DelegateProfileRecord, DelegateVote, Delegator, Page } from "@/lib/indexer/types";
import { FocusAreaChips } from "../../_components/focus-area-chips";
import { ParticipationLabel, participationExplanation } from "../../_components/participation-label";
import { DelegatorsList } from "./delegators-list";
import { StatementSection } from "./statement-section";
import { VotingHistory } from "./voting-history";
import { VotingPowerChart } from "./voting-power-chart";

// The write controls load after the profile's content: reading a profile does not wait for them.
const DelegateToButton = dynamic(
  () => import("@/components/delegation/delegate-to-button").then((module) => module.DelegateToButton),
  { ssr: false },
);
const StatementEditor = dynamic(() => import("./statement-editor").then((module) => module.StatementEditor), {
  ssr: false,
});

export function DelegateProfileView({
  address,
  initial,
  initialVotes,
  initialDelegators,
}: {
  address: Address;
  initial?: DelegateProfileRecord | null;
  initialVotes?: Page<DelegateVote>;
  initialDelegators?: Page<Delegator>;
}) {
  const profile = useDelegateProfile(address, initial);
  return (
    <QueryState query={profile} label="this delegate">
      {() => {
        const delegate = profile.data;
        // Unknown to the indexer, or known (it holds or held PLM) without anything a delegate does.
        if (!delegate || !hasDelegateActivity(delegate)) {
          return (
            <div data-testid="delegate-no-activity" className="space-y-2 py-12 text-center">
              <h1 className="text-2xl font-semibold">No delegate activity for this address</h1>
              <p className="font-mono text-sm text-slate-600">{address}</p>
              <p className="text-slate-600">
                It holds no voting power, has not published a statement, has no delegators and never voted.
              </p>
              <DelegateToButton delegatee={address} />
              <StatementEditor address={address} />
            </div>
          );
        }
        const statement = delegate.statement ?? undefined;
        return (
          <div className="space-y-8">
            <header className="space-y-2">
              <h1 data-testid="delegate-title" className="text-2xl font-semibold">
                {delegateName(delegate)}
              </h1>
              <p className="font-mono text-sm break-all text-slate-600">{address}</p>
              <FocusAreaChips areas={statement?.focusAreas ?? []} />
              <DelegateToButton delegatee={address} />
            </header>

            <section className="grid grid-cols-2 gap-4 md:grid-cols-4">
              <Stat label="Voting power">
                <span data-testid="profile-votes">{formatTokens(delegate.votingPower)}</span> PLM
              </Stat>
              <Stat label="Delegators" note={delegate.selfDelegated ? "plus its own tokens" : undefined}>
                <span data-testid="profile-delegators">{delegate.delegatorCount}</span>
              </Stat>
              <Stat label="Participation" note={participationExplanation}>
                <ParticipationLabel participation={delegate.participation} testId="profile-participation" />
              </Stat>
              <Stat label="Votes cast">
                <span data-testid="profile-votes-cast">{delegate.votesCast}</span>
              </Stat>
            </section>

            <StatementSection address={address} statement={statement} />
            <StatementEditor address={address} current={statement} />
            <VotingPowerChart history={delegate.powerHistory} />
            <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
              <VotingHistory address={address} initial={initialVotes} />
              <DelegatorsList delegate={address} initial={initialDelegators} />
            </div>
          </div>
        );
      }}
    </QueryState>
  );
}
