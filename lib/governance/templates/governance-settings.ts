/** Governance settings: the governor's voting delay, period, threshold, quorum and late-quorum extension, and the timelock's delay. */
import { encodeFunctionData, maxUint256 } from "viem";
import { plenumGovernorAbi, timelockControllerAbi } from "../../contracts/abis.generated";
import { call, governorCall } from "./calls";
import { plm } from "./field-checks";
import { contractLimits } from "./limits";
import type { Definitions, FieldError } from "./types";

export type GovernanceSettingInputs = {
  /** PlenumGovernor.setVotingDelay (seconds: the token's clock is the timestamp). */
  votingDelay: { seconds: bigint };
  /** PlenumGovernor.setVotingPeriod (seconds). */
  votingPeriod: { seconds: bigint };
  /** PlenumGovernor.setProposalThreshold (PLM wei). */
  proposalThreshold: { amount: bigint };
  /** PlenumGovernor.updateQuorumNumerator (of `quorumDenominator`, by default percent). */
  quorumNumerator: { numerator: bigint };
  /** PlenumGovernor.setLateQuorumVoteExtension (seconds). */
  lateQuorumExtension: { seconds: bigint };
  /** TimelockController.updateDelay, called on the timelock itself (seconds). */
  timelockDelay: { seconds: bigint };
};

export const governanceSettingTemplates: Definitions<GovernanceSettingInputs> = {
  votingDelay: {
    title: "Voting delay",
    validate: ({ seconds }) =>
      durationErrors(seconds, contractLimits.maxVotingDelay, "The voting delay", "uint48, GovernorSettings"),
    encode: ({ seconds }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setVotingDelay", args: [Number(seconds)] }),
      ),
  },

  votingPeriod: {
    title: "Voting period",
    validate: ({ seconds }) => {
      if (seconds <= 0n) {
        return [
          {
            field: "seconds",
            message: "The voting period must be more than 0 (GovernorSettings: GovernorInvalidVotingPeriod)",
          },
        ];
      }
      return durationErrors(seconds, contractLimits.maxVotingPeriod, "The voting period", "uint32, GovernorSettings");
    },
    encode: ({ seconds }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setVotingPeriod", args: [Number(seconds)] }),
      ),
  },

  proposalThreshold: {
    title: "Proposal threshold",
    validate: ({ amount }, { totalSupply }) => {
      if (amount < 0n) return [{ field: "amount", message: "The proposal threshold cannot be negative" }];
      if (totalSupply !== undefined && amount > totalSupply) {
        return [
          {
            field: "amount",
            message: `No one could propose: ${plm(amount)} is more than the whole supply (${plm(totalSupply)})`,
          },
        ];
      }
      return [];
    },
    encode: ({ amount }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({ abi: plenumGovernorAbi, functionName: "setProposalThreshold", args: [amount] }),
      ),
  },

  quorumNumerator: {
    title: "Quorum",
    validate: ({ numerator }, { quorumDenominator = 100n }) => {
      if (numerator <= 0n) {
        return [
          {
            field: "numerator",
            message: "The quorum cannot be 0: PlenumGovernor refuses it (QuorumNumeratorZero)",
          },
        ];
      }
      if (numerator > quorumDenominator) {
        return [
          {
            field: "numerator",
            message:
              `The quorum numerator cannot exceed the denominator (${quorumDenominator}): ` +
              `GovernorVotesQuorumFraction reverts with GovernorInvalidQuorumFraction`,
          },
        ];
      }
      return [];
    },
    encode: ({ numerator }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({ abi: plenumGovernorAbi, functionName: "updateQuorumNumerator", args: [numerator] }),
      ),
  },

  lateQuorumExtension: {
    title: "Late-quorum vote extension",
    validate: ({ seconds }) =>
      durationErrors(
        seconds,
        contractLimits.maxLateQuorumExtension,
        "The late-quorum extension",
        "uint48, GovernorPreventLateQuorum",
      ),
    encode: ({ seconds }, addresses) =>
      governorCall(
        addresses,
        encodeFunctionData({
          abi: plenumGovernorAbi,
          functionName: "setLateQuorumVoteExtension",
          args: [Number(seconds)],
        }),
      ),
  },

  timelockDelay: {
    title: "Timelock delay (challenge window)",
    validate: ({ seconds }) => {
      if (seconds <= 0n) {
        return [
          {
            field: "seconds",
            message:
              "The timelock delay must be more than 0: it is the challenge window, and with none a queued proposal " +
              "could not be disputed (a Plenum rule: TimelockController itself accepts any delay)",
          },
        ];
      }
      return durationErrors(seconds, maxUint256, "The timelock delay", "uint256");
    },
    encode: ({ seconds }, addresses) => [
      call(
        addresses.timelock,
        encodeFunctionData({ abi: timelockControllerAbi, functionName: "updateDelay", args: [seconds] }),
      ),
    ],
  },
};

function durationErrors(seconds: bigint, max: bigint, what: string, source: string): FieldError[] {
  if (seconds < 0n) return [{ field: "seconds", message: `${what} cannot be negative` }];
  if (seconds > max)
    return [{ field: "seconds", message: `${what} does not fit its type (${source}): at most ${max} seconds` }];
  return [];
}
