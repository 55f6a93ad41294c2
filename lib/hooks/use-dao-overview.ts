import { useReadContracts } from "wagmi";
import { multicall3 } from "../chain/multicall3";
import { contracts } from "../contracts";
import { parameterKeyName } from "../governance/actions";

/** Everything the overview shows, read in one Multicall3 batch. */
export function useDaoOverview() {
  const { token, governor, timelock, networkParameters, modelRegistry, grantVesting } = contracts;
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...token, functionName: "totalSupply" },
      { ...token, functionName: "balanceOf", args: [timelock.address] },
      { ...governor, functionName: "votingDelay" },
      { ...governor, functionName: "votingPeriod" },
      { ...governor, functionName: "proposalThreshold" },
      { ...governor, functionName: "quorumNumerator" },
      { ...governor, functionName: "quorumDenominator" },
      { ...governor, functionName: "lateQuorumVoteExtension" },
      { ...timelock, functionName: "getMinDelay" },
      { ...networkParameters, functionName: "allParameters" },
      { ...modelRegistry, functionName: "publishers" },
      { ...modelRegistry, functionName: "modelCount" },
      { ...grantVesting, functionName: "grantCount" },
      { ...multicall3, functionName: "getEthBalance", args: [timelock.address] },
    ],
    query: {
      select: ([
        totalSupply,
        treasuryTokens,
        votingDelay,
        votingPeriod,
        proposalThreshold,
        quorumNumerator,
        quorumDenominator,
        lateQuorumExtension,
        timelockDelay,
        [keys, infos],
        publishers,
        modelCount,
        grantCount,
        treasuryEth,
      ]) => ({
        totalSupply,
        treasuryTokens,
        treasuryEth,
        quorum: (totalSupply * quorumNumerator) / quorumDenominator,
        quorumNumerator,
        quorumDenominator,
        settings: { votingDelay, votingPeriod, proposalThreshold, lateQuorumExtension, timelockDelay },
        parameters: keys.map((key, i) => ({ key: parameterKeyName(key), ...infos[i] })),
        publisherCount: publishers.length,
        modelCount,
        grantCount,
      }),
    },
  });
  return reads;
}
