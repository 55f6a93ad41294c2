import type { Address } from "viem";

/** The shape of deployments/<chainId>.json, written by scripts/deploy.ts. */
export type Deployment = {
  chainId: number;
  deployBlock: number;
  deployer: Address;
  token: Address;
  governor: Address;
  timelock: Address;
  networkParameters: Address;
  modelRegistry: Address;
  grantVesting: Address;
  delegateStatements: Address;
  disputeModule: Address;
  guardian: Address;
  panel: Address[];
};
