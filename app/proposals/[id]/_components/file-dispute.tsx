"use client";

import { useRef, useState } from "react";
import { zeroAddress } from "viem";
import { useReadContracts } from "wagmi";
import { Markdown } from "@/components/markdown";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { TransactionStatusLine } from "@/components/transaction/transaction-status";
import type { ProposalDetail } from "@/lib/chain/proposals";
import { contracts } from "@/lib/contracts";
import { formatCountdown, formatTimestamp, formatTokens, utf8Length } from "@/lib/format";
import { useFileDispute } from "@/lib/hooks/use-dispute-actions";
import { useLocalDraft } from "@/lib/hooks/use-local-draft";

const { disputeModule, token } = contracts;

function parseEvidence(stored: unknown): string | undefined {
  return typeof stored === "string" ? stored : undefined;
}

/** Challenge a queued proposal before its ETA: the bond, approve and file in one guided flow, evidence. */
export function FileDispute({ detail, now }: { detail: ProposalDetail; now?: bigint }) {
  const flow = useFileDispute(detail.id);
  const { approval, filing } = flow;
  const account = filing.account;
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...disputeModule, functionName: "bond" },
      { ...disputeModule, functionName: "MAX_EVIDENCE_LENGTH" },
      { ...token, functionName: "balanceOf", args: [account ?? zeroAddress] },
      { ...token, functionName: "allowance", args: [account ?? zeroAddress, disputeModule.address] },
    ],
    query: {
      select: ([bond, maxEvidenceBytes, balance, allowance]) => ({ bond, maxEvidenceBytes, balance, allowance }),
    },
  });
  const draft = useLocalDraft(`plenum:dispute-draft:${detail.id}`, "", parseEvidence);
  const [running, setRunning] = useState(false);
  const started = useRef(false);

  const eta = detail.eta;
  const windowClosed = now !== undefined && now >= eta;
  const evidence = draft.value;
  const evidenceBytes = utf8Length(evidence);
  const chain = reads.data;
  const allowanceCovers = chain !== undefined && account !== undefined && chain.allowance >= chain.bond;
  // The approval step is skipped when the allowance covered the bond before this flow approved anything.
  const approvalSkipped = allowanceCovers && approval.status.step === "idle";

  const disabledReason = windowClosed
    ? `The challenge window closed at the ETA, ${formatTimestamp(eta)}: a dispute can no longer be filed.`
    : !chain
      ? reads.error
        ? "Could not read the bond and your balance."
        : "Reading the bond and your balance…"
      : chain.balance < chain.bond
        ? `You hold ${formatTokens(chain.balance)} PLM; the bond is ${formatTokens(chain.bond)} PLM.`
        : evidence.trim() === ""
          ? "Write the evidence for the panel first."
          : BigInt(evidenceBytes) > chain.maxEvidenceBytes
            ? `The evidence is ${evidenceBytes.toLocaleString("en-US")} bytes; the limit is ${chain.maxEvidenceBytes.toLocaleString("en-US")}.`
            : undefined;

  const submit = async () => {
    if (started.current || !chain) return;
    started.current = true;
    setRunning(true);
    try {
      if (!allowanceCovers) {
        // Step 1: the module pulls the bond with transferFrom. Stop here if it did not confirm (the status says why).
        if (!(await flow.approve(chain.bond))) return;
      }
      // Step 2. On success every query is refreshed: the page shows the dispute in place of this form.
      if (await flow.file(evidence)) draft.clear();
    } finally {
      started.current = false;
      setRunning(false);
    }
  };

  // One button for both steps: disabled from the first click until the last write settles.
  const transaction = { ...filing, inProgress: running || approval.inProgress || filing.inProgress };

  return (
    <div data-testid="file-dispute" className="space-y-4 text-sm">
      <p className="text-slate-700">
        If you believe this proposal harms the network, challenge it before it can execute: post a bond in PLM and give
        the expert panel your evidence.
      </p>

      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-500">Bond</dt>
        <dd data-testid="dispute-bond-required">{chain ? `${formatTokens(chain.bond)} PLM` : "…"}</dd>
        <dt className="text-slate-500">Your balance</dt>
        <dd data-testid="plm-balance">
          {!account ? "Connect a wallet to see it" : chain ? `${formatTokens(chain.balance)} PLM` : "…"}
        </dd>
        <dt className="text-slate-500">Your allowance to the dispute module</dt>
        <dd data-testid="plm-allowance">{!account ? "—" : chain ? `${formatTokens(chain.allowance)} PLM` : "…"}</dd>
        <dt className="text-slate-500">Challenge window</dt>
        <dd data-testid="challenge-window" className={windowClosed ? "font-medium text-red-800" : undefined}>
          {windowClosed ? (
            <>Closed at the ETA, {formatTimestamp(eta)}</>
          ) : (
            <>
              Open until the ETA, {formatTimestamp(eta)}
              {now !== undefined && <>, in {formatCountdown(eta - now)}</>}
            </>
          )}
        </dd>
      </dl>
      {reads.error && (
        <p role="alert" className="text-red-800">
          Could not read the bond and your balance.{" "}
          <button type="button" className="underline" onClick={() => reads.refetch()}>
            Retry
          </button>
        </p>
      )}

      <div>
        <h3 className="font-medium">What happens</h3>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700">
          <li>Execution is frozen until the panel rules or the ruling deadline passes.</li>
          <li>
            <span className="font-medium">Upheld:</span> the proposal is canceled; you withdraw your bond plus a reward.
          </li>
          <li>
            <span className="font-medium">Rejected:</span> the freeze lifts and your bond goes to the treasury.
          </li>
          <li>
            <span className="font-medium">Timed out</span> (no ruling by the deadline): the freeze lifts and your bond
            is refunded.
          </li>
        </ul>
      </div>

      <div className="grid gap-3 md:grid-cols-2">
        <label className="block">
          <span className="text-slate-600">Evidence (markdown)</span>
          <textarea
            value={evidence}
            onChange={(event) => draft.update(event.target.value)}
            rows={8}
            disabled={transaction.inProgress}
            className="mt-1 w-full rounded-lg border border-slate-300 p-2"
            placeholder="Why this proposal should not execute: data, links, who is harmed."
            aria-describedby="evidence-length"
            data-testid="evidence"
          />
          <span
            id="evidence-length"
            data-testid="evidence-length"
            className={`text-xs ${chain && BigInt(evidenceBytes) > chain.maxEvidenceBytes ? "text-red-700" : "text-slate-500"}`}
          >
            {evidenceBytes.toLocaleString("en-US")}
            {chain ? ` / ${chain.maxEvidenceBytes.toLocaleString("en-US")}` : ""} bytes
            {draft.saved && " · draft saved in this browser"}
          </span>
        </label>
        <div>
          <span className="text-slate-600">Preview</span>
          <div
            className="mt-1 min-h-[4rem] rounded-lg border border-slate-200 bg-slate-50 p-2"
            data-testid="evidence-preview"
          >
            {evidence.trim() ? (
              <Markdown source={evidence} />
            ) : (
              <p className="text-slate-400">The panel reads your evidence here.</p>
            )}
          </div>
        </div>
      </div>

      <ol className="space-y-2">
        <li data-testid="step-approve">
          <p>
            <span className="font-medium">1. Approve the bond.</span>{" "}
            {approvalSkipped ? (
              <span className="text-slate-600">
                Not needed: your allowance already covers the {chain && formatTokens(chain.bond)} PLM bond.
              </span>
            ) : (
              <span className="text-slate-600">
                Allow the dispute module to take the {chain && formatTokens(chain.bond)} PLM bond (first wallet prompt).
              </span>
            )}
          </p>
          <TransactionStatusLine status={approval.status} successText="Bond approved" />
        </li>
        <li data-testid="step-file">
          <p>
            <span className="font-medium">2. File the dispute.</span>{" "}
            <span className="text-slate-600">
              The module takes the bond and records your evidence ({approvalSkipped ? "the only" : "second"} wallet
              prompt).
            </span>
          </p>
          <TransactionStatusLine status={filing.status} successText="Dispute filed" />
        </li>
      </ol>

      <TransactionButton
        transaction={transaction}
        onClick={() => void submit()}
        disabledReason={disabledReason}
        tone="danger"
        testId="file-dispute-button"
      >
        {allowanceCovers ? "File dispute" : "Approve bond and file dispute"}
      </TransactionButton>
    </div>
  );
}
