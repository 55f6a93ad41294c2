"use client";

import { zeroAddress } from "viem";
import { useReadContracts } from "wagmi";
import { EvidenceEditor, evidenceProblem } from "@/components/dispute/evidence-editor";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { TransactionStatusLine } from "@/components/transaction/transaction-status";
import type { ProposalDetail } from "@/lib/chain/proposals";
import { contracts } from "@/lib/contracts";
import { formatCountdown, formatTimestamp, formatTokens } from "@/lib/format";
import { useFileDispute } from "@/lib/hooks/use-dispute-actions";
import { useLocalDraft } from "@/lib/hooks/use-local-draft";

const { disputeModule, governor, token } = contracts;

function parseEvidence(stored: unknown): string | undefined {
  return typeof stored === "string" ? stored : undefined;
}

/** Challenge a queued proposal before its ETA: the bond, approve and file in one guided flow, evidence. */
export function FileDispute({ detail, now }: { detail: ProposalDetail; now?: bigint }) {
  const flow = useFileDispute(detail.id);
  const { approval, posting: filing } = flow;
  const account = filing.account;
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...disputeModule, functionName: "bond" },
      { ...disputeModule, functionName: "MAX_EVIDENCE_LENGTH" },
      { ...token, functionName: "balanceOf", args: [account ?? zeroAddress] },
      { ...token, functionName: "allowance", args: [account ?? zeroAddress, disputeModule.address] },
      { ...governor, functionName: "isPanelProposal", args: [detail.id] },
      { ...disputeModule, functionName: "isPanelMember", args: [account ?? zeroAddress] },
    ],
    query: {
      select: ([bond, maxEvidenceBytes, balance, allowance, panelProposal, panelMember]) => ({
        bond,
        maxEvidenceBytes,
        balance,
        allowance,
        panelProposal,
        panelMember,
      }),
    },
  });
  const draft = useLocalDraft(`plenum:dispute-draft:${detail.id}`, "", parseEvidence);

  const eta = detail.eta;
  const windowClosed = now !== undefined && now >= eta;
  const evidence = draft.value;
  const chain = reads.data;
  const allowanceCovers = chain !== undefined && account !== undefined && chain.allowance >= chain.bond;
  // The approval step is skipped when the allowance covered the bond before this flow approved anything.
  const approvalSkipped = allowanceCovers && approval.status.step === "idle";

  if (chain?.panelProposal) {
    return (
      <p data-testid="not-disputable" className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">
        This proposal only changes the dispute panel (its members, quorum, stakes or slashing, or the dispute module
        itself), so the panel cannot judge it and it cannot be disputed. Its checks are the vote, the timelock delay and
        the guardian.
      </p>
    );
  }

  const disabledReason = windowClosed
    ? `The challenge window closed at the ETA, ${formatTimestamp(eta)}: a dispute can no longer be filed.`
    : !chain
      ? reads.error
        ? "Could not read the bond and your balance."
        : "Reading the bond and your balance…"
      : chain.panelMember
        ? "You sit on the expert panel: panel members rule on disputes and do not file them."
        : chain.balance < chain.bond
          ? `You hold ${formatTokens(chain.balance)} PLM; the bond is ${formatTokens(chain.bond)} PLM.`
          : evidence.trim() === ""
            ? "Write the evidence for the panel first."
            : evidenceProblem(evidence, chain.maxEvidenceBytes);

  const submit = async () => {
    if (!chain) return;
    // On success every query is refreshed: the page shows the dispute in place of this form.
    if (await flow.file(chain.bond, chain.allowance, evidence)) draft.clear();
  };

  const transaction = { ...filing, inProgress: flow.inProgress };

  return (
    <div data-testid="file-dispute" className="space-y-4 text-sm">
      <p className="text-slate-700">
        If you believe this proposal harms the network, challenge it before it can execute: post a bond in PLM and give
        the expert panel your evidence.
      </p>

      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">Bond</dt>
        <dd data-testid="dispute-bond-required">{chain ? `${formatTokens(chain.bond)} PLM` : "…"}</dd>
        <dt className="text-slate-600">Your balance</dt>
        <dd data-testid="plm-balance">
          {!account ? "Connect a wallet to see it" : chain ? `${formatTokens(chain.balance)} PLM` : "…"}
        </dd>
        <dt className="text-slate-600">Your allowance to the dispute module</dt>
        <dd data-testid="plm-allowance">{!account ? "—" : chain ? `${formatTokens(chain.allowance)} PLM` : "…"}</dd>
        <dt className="text-slate-600">Challenge window</dt>
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
            <span className="font-medium">Upheld:</span> the proposal is canceled; you withdraw your bond plus a reward
            (shared equally with anyone who joins your dispute).
          </li>
          <li>
            <span className="font-medium">Rejected:</span> the freeze lifts and your bond goes to the treasury.
          </li>
          <li>
            <span className="font-medium">Timed out</span> (no ruling by the deadline): the freeze lifts and your bond
            is refunded.
          </li>
          <li>While it is open, anyone may add evidence, and anyone may join it with the same bond.</li>
        </ul>
      </div>

      <EvidenceEditor
        value={evidence}
        onChange={draft.update}
        maxBytes={chain?.maxEvidenceBytes}
        saved={draft.saved}
        disabled={transaction.inProgress}
        label="Evidence (markdown)"
        placeholder="Why this proposal should not execute: data, links, who is harmed."
      />

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
