"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { isAddressEqual } from "viem";
import { useAccount } from "wagmi";
import { Section } from "@/components/section";
import { newDraft } from "@/lib/governance/proposal-drafts";
import { useProposalDrafts } from "@/lib/hooks/use-proposal-drafts";
import { pollFromJson, type PollViewJson } from "@/lib/polls/api";

/**
 * After a poll closes its author submits it on chain from a builder draft: the draft it was published from, or a new
 * one with the poll's title, body, discussion link and actions.
 */
export function PollPromotion({ poll }: { poll: PollViewJson }) {
  const router = useRouter();
  const { address } = useAccount();
  const { drafts, loaded, save } = useProposalDrafts();
  if (poll.state !== "closed") return null;
  const isAuthor = address !== undefined && isAddressEqual(address, poll.author);
  const draft = drafts.find((candidate) => candidate.pollId === poll.id);

  const startDraft = () => {
    const message = pollFromJson(poll.poll);
    const created = {
      ...newDraft(crypto.randomUUID(), message.body, Date.now()),
      title: message.title,
      discussion: message.discussion,
      pollId: poll.id,
      steps:
        message.actions.length > 0
          ? [{ id: crypto.randomUUID(), kind: "imported", input: {}, actions: message.actions }]
          : [],
    };
    save(created);
    router.push(`/proposals/new?draft=${created.id}`);
  };

  return (
    <Section title="Next: on chain" testId="poll-promotion">
      <p className="text-sm">
        The temperature check has closed. Its author can now submit it as an on-chain proposal; the proposal will link
        here and show this result.
      </p>
      {isAuthor && loaded && (
        <div className="mt-3">
          {draft ? (
            <Link
              href={`/proposals/new?draft=${draft.id}`}
              className="inline-block rounded-lg bg-blue-600 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-700"
              data-testid="poll-open-draft"
            >
              Open your draft to submit it on chain
            </Link>
          ) : (
            <button
              type="button"
              onClick={startDraft}
              className="rounded-lg bg-blue-600 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-700"
              data-testid="poll-start-draft"
            >
              Start a proposal draft from this poll
            </button>
          )}
        </div>
      )}
    </Section>
  );
}
