import Link from "next/link";
import type { ReactNode } from "react";
import { delegateName } from "@/lib/governance/delegates";
import type { IndexedDelegate } from "@/lib/indexer/types";
import { formatTokens, shortAddress } from "@/lib/format";
import { MarkdownExcerpt } from "@/components/markdown";
import { FocusAreaChips } from "./focus-area-chips";
import { ParticipationLabel } from "./participation-label";

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="font-medium tabular-nums">{children}</dd>
    </div>
  );
}

/** One delegate in the directory. */
export function DelegateCard({ delegate }: { delegate: IndexedDelegate }) {
  const { statement } = delegate;
  return (
    <li
      data-testid="delegate-row"
      data-address={delegate.address}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[1fr_auto]"
    >
      <div className="min-w-0 space-y-2">
        <div className="flex flex-wrap items-baseline gap-x-3">
          <Link
            href={`/delegates/${delegate.address}`}
            data-testid="delegate-name"
            className="text-lg font-semibold text-slate-900 hover:text-indigo-700"
          >
            {delegateName(delegate)}
          </Link>
          {statement && (
            <span className="font-mono text-xs text-slate-600" title={delegate.address}>
              {shortAddress(delegate.address)}
            </span>
          )}
        </div>
        {statement ? (
          <p data-testid="delegate-excerpt" className="text-sm text-slate-600">
            <MarkdownExcerpt source={statement.text} length={180} />
          </p>
        ) : (
          <p className="text-sm italic text-slate-600">No statement published.</p>
        )}
        <FocusAreaChips areas={statement?.focusAreas ?? []} />
      </div>
      <dl className="grid grid-cols-3 gap-4 text-sm md:w-96">
        <Figure label="Voting power">
          <span data-testid="delegate-votes">{formatTokens(delegate.votingPower, 0)}</span> PLM
        </Figure>
        <Figure label="Delegators">
          <span data-testid="delegate-delegators">{delegate.delegatorCount}</span>
        </Figure>
        <Figure label="Participation">
          <ParticipationLabel participation={delegate.participation} testId="delegate-participation" />
        </Figure>
      </dl>
    </li>
  );
}
