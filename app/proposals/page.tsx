import type { Metadata } from "next";
import Link from "next/link";
import { serverChainNow } from "@/lib/chain/server-clock";
import { renderRead } from "@/lib/indexer/server";
import { parseProposalFilter } from "./_components/proposal-filter";
import { ProposalList } from "./_components/proposal-list";

export const metadata: Metadata = {
  title: "Proposals",
  description: "Every change proposed to the Plenum network's economics, trust rules and treasury.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProposalsPage({ searchParams }: Props) {
  const params = await searchParams;
  const filter = parseProposalFilter((name) => {
    const value = params[name];
    return typeof value === "string" ? value : null;
  });
  // The first page renders on the server, from the indexer, with states at the chain's time.
  const now = await serverChainNow();
  const initial = await renderRead((client) => client.proposals({ ...filter, now }));
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
      <ProposalList initialFilter={filter} initial={initial} />
    </div>
  );
}
