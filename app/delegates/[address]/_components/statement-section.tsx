"use client";

import type { Address } from "viem";
import { CollapsibleMarkdown } from "@/components/markdown";
import { QueryState } from "@/components/query-state";
import { checkStatement, type DelegateStatement } from "@/lib/governance/delegates";
import { useStatementRecord } from "@/lib/hooks/use-delegate";

/** The indexed statement, checked against the version and hash the contract records now. */
function StatementCheck({ address, statement }: { address: Address; statement: DelegateStatement }) {
  const record = useStatementRecord(address);
  const version = `Version ${statement.version.toString()}`;
  return (
    <QueryState query={record} label="the statement's record">
      {() => {
        const check = checkStatement(statement, record.data!);
        if (check === "matches") {
          return (
            <span data-testid="statement-check" className="rounded bg-emerald-50 px-2 py-0.5 text-xs text-emerald-800">
              {version}: matches the hash recorded on chain
            </span>
          );
        }
        if (check === "newer-on-chain") {
          return (
            <span data-testid="statement-check" className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
              {version}: version {record.data!.version.toString()} is on chain and loads once indexed
            </span>
          );
        }
        return (
          <span data-testid="statement-check" className="rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-900">
            {version}: does not match the hash recorded on chain
          </span>
        );
      }}
    </QueryState>
  );
}

export function StatementSection({ address, statement }: { address: Address; statement?: DelegateStatement }) {
  return (
    <section className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 className="text-lg font-semibold">Statement</h2>
        {statement && <StatementCheck address={address} statement={statement} />}
      </div>
      {statement ? (
        <div data-testid="delegate-statement" className="rounded-lg border border-slate-200 bg-white p-5">
          <CollapsibleMarkdown source={statement.text} />
        </div>
      ) : (
        <p className="text-slate-600">This address has not published a statement.</p>
      )}
    </section>
  );
}
