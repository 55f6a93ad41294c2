import type { Metadata } from "next";
import { pageSizes } from "@/lib/indexer/page-sizes";
import { renderRead } from "@/lib/indexer/server";
import { DelegateDirectory } from "./_components/delegate-directory";
import { parseDelegateFilter } from "./_components/delegate-filter";

export const metadata: Metadata = {
  title: "Delegates",
  description: "Everyone who holds voting power in the Plenum DAO or has published a delegate statement.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DelegatesPage({ searchParams }: Props) {
  const params = await searchParams;
  const filter = parseDelegateFilter((name) => {
    const value = params[name];
    return typeof value === "string" ? value : null;
  });
  // The first page renders on the server, from the indexer; with the indexer down the browser loads it.
  const initial = await renderRead((client) => client.delegates({ ...filter, limit: pageSizes.delegates }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Delegates</h1>
        <p className="text-slate-600">
          Everyone who holds voting power or has published a statement, with their record on chain.
        </p>
      </div>
      <DelegateDirectory initialFilter={filter} initial={initial} />
    </div>
  );
}
