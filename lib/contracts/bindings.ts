import {
  delegateStatementsAbi,
  disputeModuleAbi,
  grantVestingAbi,
  modelRegistryAbi,
  networkParametersAbi,
  plenumGovernorAbi,
  plenumTokenAbi,
  timelockControllerAbi,
} from "./abis.generated";
import type { Deployment } from "./deployment";

/** The typed ABI of each contract of the system, by the name its binding has; to deploy, before there are addresses. */
export const systemAbis = {
  token: plenumTokenAbi,
  governor: plenumGovernorAbi,
  timelock: timelockControllerAbi,
  networkParameters: networkParametersAbi,
  modelRegistry: modelRegistryAbi,
  grantVesting: grantVestingAbi,
  delegateStatements: delegateStatementsAbi,
  disputeModule: disputeModuleAbi,
} as const;

/**
 * Address and typed ABI of each contract of `deployment`, ready for wagmi, viem and Ponder. The app, the indexer,
 * the scripts and the tests all bind through here; nothing binds to the environment at import.
 */
export function contractsFor(deployment: Deployment) {
  return {
    token: { address: deployment.token, abi: systemAbis.token },
    governor: { address: deployment.governor, abi: systemAbis.governor },
    timelock: { address: deployment.timelock, abi: systemAbis.timelock },
    networkParameters: { address: deployment.networkParameters, abi: systemAbis.networkParameters },
    modelRegistry: { address: deployment.modelRegistry, abi: systemAbis.modelRegistry },
    grantVesting: { address: deployment.grantVesting, abi: systemAbis.grantVesting },
    delegateStatements: { address: deployment.delegateStatements, abi: systemAbis.delegateStatements },
    disputeModule: { address: deployment.disputeModule, abi: systemAbis.disputeModule },
  } as const;
}

export type SystemContracts = ReturnType<typeof contractsFor>;

/** The system's contracts with the names their Solidity sources give them, to name an address or a log's emitter. */
export function namedContractsFor(contracts: SystemContracts) {
  return [
    { name: "PlenumToken", ...contracts.token },
    { name: "PlenumGovernor", ...contracts.governor },
    { name: "TimelockController", ...contracts.timelock },
    { name: "NetworkParameters", ...contracts.networkParameters },
    { name: "ModelRegistry", ...contracts.modelRegistry },
    { name: "GrantVesting", ...contracts.grantVesting },
    { name: "DelegateStatements", ...contracts.delegateStatements },
    { name: "DisputeModule", ...contracts.disputeModule },
  ] as const;
}
