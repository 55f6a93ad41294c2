import { isAddress, type Address } from "viem";
// zod/mini: the app validates its configuration in the browser too, and the full zod API costs ~15 KB there.
import { z } from "zod/mini";

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
