import { isAddress, type Address } from "viem";
import { z } from "zod";

const address = z.custom<Address>((value) => typeof value === "string" && isAddress(value), "an address");

/** The shape of deployments/<chainId>.json, written by scripts/deploy.ts. */
export const deploymentSchema = z.object({
  chainId: z.number(),
  deployBlock: z.number(),
  deployer: address,
  token: address,
  governor: address,
  timelock: address,
  networkParameters: address,
  modelRegistry: address,
  grantVesting: address,
  delegateStatements: address,
  disputeModule: address,
  guardian: address,
  panel: z.array(address),
});

export type Deployment = z.infer<typeof deploymentSchema>;
