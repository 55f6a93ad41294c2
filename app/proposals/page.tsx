import type { Metadata } from "next";
import Link from "next/link";
import { FeedLinks, feedAlternates } from "@/components/feed-links";
import { serverChainNow } from "@/lib/chain/server-clock";
import { renderRead } from "@/lib/indexer/server";
import { pollStates, type PollState } from "@/lib/polls/api";
import { serverPolls } from "@/lib/polls/server";
import { parseProposalFilter } from "./_components/proposal-filter";
import { PollList } from "./_components/poll-list";
import { ProposalList } from "./_components/proposal-list";

export const metadata: Metadata = {
  title: "Proposals",
  description: "Every change proposed to the Plenum network's economics, trust rules and treasury.",
  alternates: feedAlternates("/feeds/proposals", "Plenum proposals"),
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const tabClass = (selected: boolean) =>
  `border-b-2 px-1 pb-2 text-sm font-medium ${selected ? "border-blue-600 text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`;

export default async function ProposalsPage({ searchParams }: Props) {
  const params = await searchParams;
  const param = (name: string) => {
    const value = params[name];
    return typeof value === "string" ? value : null;
  };
  const checks = param("view") === "checks";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Proposals</h1>
          <p className="text-slate-600">
            Every change to the network&apos;s economics, trust rules and treasury, newest first.
          </p>
        </div>
        <Link
          href="/proposals/new"
          className="rounded-lg bg-blue-600 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-700"
        >
          New proposal
        </Link>
      </div>
      <nav aria-label="Proposal stages" className="flex gap-6 border-b border-slate-200">
        <Link href="/proposals" className={tabClass(!checks)} aria-current={checks ? undefined : "page"}>
          On chain
        </Link>
        <Link
          href="/proposals?view=checks"
          className={tabClass(checks)}
          aria-current={checks ? "page" : undefined}
          data-testid="checks-tab"
        >
          Temperature checks
        </Link>
      </nav>
      {checks ? <PollTab state={param("state")} /> : <ProposalTab param={param} />}
      <FeedLinks path="/feeds/proposals" what="every proposal as it moves" />
    </div>
  );
}

async function ProposalTab({ param }: { param: (name: string) => string | null }) {
  const filter = parseProposalFilter(param);
  // The first page renders on the server, from the indexer, with states at the chain's time.
  const now = await serverChainNow();
  const initial = await renderRead((client) => client.proposals({ ...filter, now }));
  return <ProposalList initialFilter={filter} initial={initial} />;
}

async function PollTab({ state }: { state: string | null }) {
  const initialState = pollStates.includes(state as PollState) ? (state as PollState) : undefined;
  // Rendered from the app database; when it does not answer, the browser asks again and shows what failed.
  const initial = await serverPolls()
    .then((polls) => polls.list({ state: initialState }))
    .catch(() => undefined);
  return <PollList initialState={initialState} initial={initial} />;
}
