import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ProposalList } from "./_components/proposal-list";

export const metadata: Metadata = { title: "Proposals" };

export default function ProposalsPage() {
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
      {/* The filters live in the URL: the list reads them with useSearchParams, inside this boundary. */}
      <Suspense
        fallback={
          <p role="status" className="animate-pulse text-sm text-slate-500">
            Loading proposals…
          </p>
        }
      >
        <ProposalList />
      </Suspense>
    </div>
  );
}
