/** The guardian (security council): who it is, when its term ends, how long a pause lasts. */
import { encodeFunctionData, type Address } from "viem";
import { networkParametersAbi, plenumGovernorAbi } from "../../contracts/abis.generated";
import { formatDuration, formatTimestamp } from "../../format";
import { call, governorCall } from "./calls";
import { boundsErrors, checkAddress } from "./field-checks";
import type { Definitions, FieldError } from "./types";

export type GuardianInputs = {
  /** PlenumGovernor.setProposalGuardian: the zero address removes the guardian. */
  proposalGuardian: { guardian: Address };
  /** PlenumGovernor.setGuardianTermEnd (a timestamp; one in the past ends the term at once). */
  guardianTermEnd: { termEnd: bigint };
  /** NetworkParameters.setPauseDuration (seconds): how long a pause lasts unless renewed. */
  pauseDuration: { seconds: bigint };
};

export const guardianTemplates: Definitions<GuardianInputs> = {
  proposalGuardian: {
    title: "Proposal guardian (security council)",
    validate: ({ guardian }) => {
      const errors: FieldError[] = [];
      checkAddress(errors, "guardian", guardian, "guardian", { allowZero: true });
      return errors;
    },
    encode: ({ guardian }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setProposalGuardian", args: [guardian] }),
      ),
  },

  guardianTermEnd: {
    title: "End of the guardian's term",
    validate: ({ termEnd }, { guardian, now }) => {
      if (!guardian || now === undefined) {
        return [{ field: "termEnd", message: "The guardian's term is not loaded yet" }];
      }
      const latest = now + guardian.maxTerm;
      if (termEnd > latest) {
        return [
          {
            field: "termEnd",
            message:
              `The guardian's term can end at the latest ${formatTimestamp(latest)}, ${formatDuration(guardian.maxTerm)} ` +
              `from now (PlenumGovernor: GuardianTermTooLong)`,
          },
        ];
      }
      return [];
    },
    encode: ({ termEnd }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setGuardianTermEnd", args: [Number(termEnd)] }),
      ),
  },

  pauseDuration: {
    title: "How long a pause lasts",
    validate: ({ seconds }, { guardian }) => {
      if (!guardian) return [{ field: "seconds", message: "The pause settings are not loaded yet" }];
      return boundsErrors(
        "seconds",
        seconds,
        guardian.minPauseDuration,
        guardian.maxPauseDuration,
        formatDuration,
        "A pause",
        "NetworkParameters MIN_PAUSE_DURATION / MAX_PAUSE_DURATION",
      );
    },
    encode: ({ seconds }, addresses) => [
      call(
        addresses.networkParameters,
        encodeFunctionData({ abi: networkParametersAbi, functionName: "setPauseDuration", args: [seconds] }),
      ),
    ],
  },
};
