import type { Client } from "viem";
import { multicall } from "viem/actions";
import { contracts } from "../contracts";
import { parameterKeyName } from "../governance/actions";
import { multicall3 } from "./multicall3";

export type DaoOverview = Awaited<ReturnType<typeof readDaoOverview>>;

/** Everything the overview shows, read in one Multicall3 batch. */
export async function readDaoOverview(client: Client) {
  const { token, governor, timelock, networkParameters, modelRegistry, grantVesting } = contracts;
  const [
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
  ] = await multicall(client, {
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
  });
  return {
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
  };
}
