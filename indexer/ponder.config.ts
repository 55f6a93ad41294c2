import { createConfig } from "ponder";
import { contractsFor } from "../lib/contracts/bindings";
import { localTransport } from "./local-transport";
import { indexerSettings } from "./settings";

const { rpcUrl, deployment, database, pollingInterval } = indexerSettings(process.env);
const contracts = contractsFor(deployment);
const startBlock = deployment.deployBlock;
const chain = "plenum";
const isLocal = deployment.chainId === 31337;

/** Every contract of the deployment, from its deployment block, on the one chain the deployment names. */
export default createConfig({
  database,
  chains: {
    [chain]: {
      id: deployment.chainId,
      rpc: isLocal ? localTransport(rpcUrl) : rpcUrl,
      pollingInterval,
      // A local chain is thrown away and rebuilt: never reuse its cached blocks and logs.
      disableCache: isLocal,
    },
  },
  contracts: {
    Token: { chain, ...contracts.token, startBlock },
    Governor: { chain, ...contracts.governor, startBlock },
    Timelock: { chain, ...contracts.timelock, startBlock },
    NetworkParameters: { chain, ...contracts.networkParameters, startBlock },
    ModelRegistry: { chain, ...contracts.modelRegistry, startBlock },
    GrantVesting: { chain, ...contracts.grantVesting, startBlock },
    DelegateStatements: { chain, ...contracts.delegateStatements, startBlock },
    DisputeModule: { chain, ...contracts.disputeModule, startBlock },
  },
});
