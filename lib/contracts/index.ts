import { config } from "../config";
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

const { deployment } = config;

/** Address and typed ABI of each contract of the configured deployment, ready for wagmi and viem. */
export const contracts = {
  token: { address: deployment.token, abi: plenumTokenAbi },
  governor: { address: deployment.governor, abi: plenumGovernorAbi },
  timelock: { address: deployment.timelock, abi: timelockControllerAbi },
  networkParameters: { address: deployment.networkParameters, abi: networkParametersAbi },
  modelRegistry: { address: deployment.modelRegistry, abi: modelRegistryAbi },
  grantVesting: { address: deployment.grantVesting, abi: grantVestingAbi },
  delegateStatements: { address: deployment.delegateStatements, abi: delegateStatementsAbi },
  disputeModule: { address: deployment.disputeModule, abi: disputeModuleAbi },
} as const;

/** The system's contracts with the names their Solidity sources give them, to name an address or a log's emitter. */
export const namedContracts = [
  { name: "PlenumToken", ...contracts.token },
  { name: "PlenumGovernor", ...contracts.governor },
  { name: "TimelockController", ...contracts.timelock },
  { name: "NetworkParameters", ...contracts.networkParameters },
  { name: "ModelRegistry", ...contracts.modelRegistry },
  { name: "GrantVesting", ...contracts.grantVesting },
  { name: "DelegateStatements", ...contracts.delegateStatements },
  { name: "DisputeModule", ...contracts.disputeModule },
] as const;
