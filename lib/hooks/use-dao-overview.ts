import { useBalance, useReadContracts } from "wagmi";
import { contracts } from "../contracts";
import { hexToString } from "viem";

/** Everything the overview shows that one Multicall3 batch can read. */
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
      { ...networkParameters, functionName: "paused" },
      { ...modelRegistry, functionName: "publishers" },
      { ...modelRegistry, functionName: "modelCount" },
      { ...grantVesting, functionName: "grantCount" },
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
        paused,
        publishers,
        modelCount,
        grantCount,
      ]) => ({
        totalSupply,
        treasuryTokens,
        quorum: (totalSupply * quorumNumerator) / quorumDenominator,
        quorumNumerator,
        quorumDenominator,
        settings: { votingDelay, votingPeriod, proposalThreshold, lateQuorumExtension, timelockDelay },
        parameters: keys.map((key, i) => ({ key: hexToString(key, { size: 32 }).replace(/\0+$/, ""), ...infos[i] })),
        paused,
        publisherCount: publishers.length,
        modelCount,
        grantCount,
      }),
    },
  });
  const treasuryEth = useBalance({ address: timelock.address });
  return { ...reads, treasuryEth: treasuryEth.data?.value };
}
