import { useConfig } from "wagmi";
import type { VoteSupportName } from "../governance/votes";
import { voteSupportNames } from "../governance/votes";
import { contracts } from "../contracts";
import { relayVote } from "../relay/client";
import { domainFromEip5267, extendedBallotTypedData } from "../relay/typed-data";
import { useTransaction } from "./use-transaction";

/** The longest vote reason the app sends, in characters: reasons travel in the event and cost gas per byte. */
export const MAX_VOTE_REASON_LENGTH = 2_000;

/** Vote For, Against or Abstain on a proposal, with an optional reason: sent by the voter, or signed and relayed. */
export function useCastVote(proposalId: bigint) {
  const transaction = useTransaction();
  const config = useConfig();
  const { governor } = contracts;

  const castVote = (support: VoteSupportName, reason: string) => {
    const supportValue = voteSupportNames.indexOf(support);
    const trimmed = reason.trim();
    return trimmed
      ? transaction.run({ ...governor, functionName: "castVoteWithReason", args: [proposalId, supportValue, trimmed] })
      : transaction.run({ ...governor, functionName: "castVote", args: [proposalId, supportValue] });
  };

  /** The same vote as an ExtendedBallot the voter signs and the DAO's relay sends (castVoteWithReasonAndParamsBySig). */
  const castSponsoredVote = (support: VoteSupportName, reason: string) =>
    transaction.sponsor(async (voter) => {
      const { readContracts } = await import("wagmi/actions");
      const [domain, nonce] = await readContracts(config, {
        allowFailure: false,
        contracts: [
          { ...governor, functionName: "eip712Domain" },
          { ...governor, functionName: "nonces", args: [voter] },
        ],
      });
      const ballot = {
        proposalId,
        support: voteSupportNames.indexOf(support) as 0 | 1 | 2,
        voter,
        nonce,
        reason: reason.trim(),
        params: "0x" as const,
      };
      const signed = domainFromEip5267(domain);
      return {
        typedData: extendedBallotTypedData(signed, ballot),
        submit: (signature) =>
          relayVote({
            ...ballot,
            proposalId: proposalId.toString(),
            nonce: nonce.toString(),
            signature,
            chainId: signed.chainId,
            verifyingContract: signed.verifyingContract,
          }),
      };
    });

  return { ...transaction, castVote, castSponsoredVote };
}
