"use client";

import type { Address } from "viem";
import { useReadContracts } from "wagmi";
import { TransactionButton } from "@/components/transaction/transaction-button";
import { TransactionStatusLine } from "@/components/transaction/transaction-status";
import { contracts } from "@/lib/contracts";
import { formatTimestamp, formatTokens } from "@/lib/format";
import type { DisputeRecord } from "@/lib/governance/disputes";
import { useAddEvidence, useJoinDispute } from "@/lib/hooks/use-dispute-actions";
import { useLocalDraft } from "@/lib/hooks/use-local-draft";
import { EvidenceEditor, evidenceProblem } from "./evidence-editor";

const { disputeModule, token } = contracts;

function parseEvidence(stored: unknown): string | undefined {
  return typeof stored === "string" ? stored : undefined;
}

/**
 * While a dispute is open, before its deadline: add evidence (anyone, no bond), or join it as a co-challenger with
 * the same bond as its filer, with that evidence or none. `bonded` says the account already has a bond in it.
 */
export function DisputeSubmission({
  dispute,
  account,
  bonded,
}: {
  dispute: DisputeRecord;
  account: Address;
  bonded: boolean;
}) {
  const joining = useJoinDispute(dispute.id);
  const adding = useAddEvidence(dispute.id);
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...disputeModule, functionName: "MAX_EVIDENCE_LENGTH" },
      { ...token, functionName: "balanceOf", args: [account] },
      { ...token, functionName: "allowance", args: [account, disputeModule.address] },
    ],
    query: { select: ([maxEvidenceBytes, balance, allowance]) => ({ maxEvidenceBytes, balance, allowance }) },
  });
  const draft = useLocalDraft(`plenum:dispute-evidence:${dispute.id}`, "", parseEvidence);
  const evidence = draft.value;
  const chain = reads.data;
  const busy = joining.inProgress || adding.inProgress;
  const tooLong = evidenceProblem(evidence, chain?.maxEvidenceBytes);

  const addReason = evidence.trim() === "" ? "Write the evidence first." : tooLong;
  const joinReason = !chain
    ? reads.error
      ? "Could not read your balance."
      : "Reading your balance…"
    : chain.balance < dispute.bond
      ? `You hold ${formatTokens(chain.balance)} PLM; joining posts ${formatTokens(dispute.bond)} PLM.`
      : tooLong;

  const add = async () => {
    if (await adding.add(evidence)) draft.clear();
  };
  const join = async () => {
    if (!chain) return;
    if (await joining.join(dispute.bond, chain.allowance, evidence.trim() === "" ? "" : evidence)) draft.clear();
  };

  return (
    <div data-testid="dispute-submission" className="space-y-3 rounded-md border border-slate-200 p-3">
      <p className="text-slate-700">
        {bonded ? (
          <>
            You have a bond in this dispute. You may add evidence for the panel until{" "}
            {formatTimestamp(dispute.deadline)}.
          </>
        ) : (
          <>
            Until {formatTimestamp(dispute.deadline)} anyone may add evidence for the panel (no bond), or join this
            dispute as a co-challenger with the same bond of {formatTokens(dispute.bond)} PLM: upheld, every challenger
            gets the bond back plus an equal share of the reward; rejected, every bond goes to the treasury; timed out,
            the bonds are refunded.
          </>
        )}
      </p>
      <EvidenceEditor
        value={evidence}
        onChange={draft.update}
        maxBytes={chain?.maxEvidenceBytes}
        saved={draft.saved}
        disabled={busy}
        label={bonded ? "Evidence (markdown)" : "Evidence (markdown; optional when joining)"}
        placeholder="Data, links, what the panel should weigh."
      />
      <div className="flex flex-wrap gap-2">
        <TransactionButton
          transaction={{ ...adding, inProgress: busy }}
          onClick={() => void add()}
          disabledReason={addReason}
          tone="plain"
          testId="add-evidence"
        >
          Add evidence
        </TransactionButton>
        {!bonded && (
          <TransactionButton
            transaction={{ ...joining.posting, inProgress: busy }}
            onClick={() => void join()}
            disabledReason={joinReason}
            tone="danger"
            testId="join-dispute"
          >
            {chain && chain.allowance < dispute.bond ? "Approve bond and join" : "Join with your bond"} (
            {formatTokens(dispute.bond)} PLM)
          </TransactionButton>
        )}
      </div>
      <TransactionStatusLine status={joining.approval.status} successText="Bond approved" />
      <TransactionStatusLine status={joining.posting.status} successText="You joined the dispute" />
      <TransactionStatusLine status={adding.status} successText="Evidence added" />
    </div>
  );
}
