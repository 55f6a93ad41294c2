import type { VoteSupportName } from "../governance/votes";
import { voteSupportNames } from "../governance/votes";
import { contracts } from "../contracts";
import { useTransaction } from "./use-transaction";

/** The longest vote reason the app sends, in characters: reasons travel in the event and cost gas per byte. */
export const MAX_VOTE_REASON_LENGTH = 2_000;

/** Vote For, Against or Abstain on a proposal, with an optional reason. */
export function useCastVote(proposalId: bigint) {
  const transaction = useTransaction();
  const castVote = (support: VoteSupportName, reason: string) => {
    const supportValue = voteSupportNames.indexOf(support);
    const trimmed = reason.trim();
    return trimmed
      ? transaction.run({
          ...contracts.governor,
          functionName: "castVoteWithReason",
          args: [proposalId, supportValue, trimmed],
        })
      : transaction.run({ ...contracts.governor, functionName: "castVote", args: [proposalId, supportValue] });
  };
  return { ...transaction, castVote };
}
