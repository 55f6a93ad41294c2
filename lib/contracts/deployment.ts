import { isAddress, type Address } from "viem";
// zod/mini: the app validates its configuration in the browser too, and the full zod API costs ~15 KB there.
import { z } from "zod/mini";

export const addressSchema = z.custom<Address>((value) => typeof value === "string" && isAddress(value), "an address");

/** The shape of deployments/<chainId>.json, written by scripts/deploy.ts. */
export const deploymentSchema = z.object({
  chainId: z.number(),
  deployBlock: z.number(),
  deployer: addressSchema,
  token: addressSchema,
  governor: addressSchema,
  timelock: addressSchema,
  networkParameters: addressSchema,
  modelRegistry: addressSchema,
  grantVesting: addressSchema,
  delegateStatements: addressSchema,
  disputeModule: addressSchema,
  guardian: addressSchema,
  panel: z.array(addressSchema),
});

export type Deployment = z.infer<typeof deploymentSchema>;
