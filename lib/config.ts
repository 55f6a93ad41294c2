import { defineChain, type Chain } from "viem";
import { foundry } from "viem/chains";
import { z } from "zod/mini";
import { MULTICALL3_ADDRESS } from "./chain/multicall3";
import { deploymentSchema } from "./contracts/deployment";

const schema = z.object({
  chainId: z.coerce.number().check(z.int(), z.positive()),
  devPanel: z.pipe(
    z.enum(["true", "false"]),
    z.transform((value) => value === "true"),
  ),
  deployment: z.pipe(
    z.pipe(
      z.string(),
      z.transform((json) => JSON.parse(json) as unknown),
    ),
    deploymentSchema,
  ),
});

// NEXT_PUBLIC_* values are inlined at build time, so each is read by its literal name here and nowhere else. The RPC
// URLs are read at request time by the server (lib/server-config.ts).
const parsed = schema.parse({
  chainId: process.env.NEXT_PUBLIC_CHAIN_ID ?? "31337",
  devPanel: process.env.NEXT_PUBLIC_DEV_PANEL ?? "true",
  deployment: process.env.NEXT_PUBLIC_DEPLOYMENT,
});

if (parsed.deployment.chainId !== parsed.chainId) {
  throw new Error(`The deployment is for chain ${parsed.deployment.chainId}, the app for chain ${parsed.chainId}.`);
}

const LOCAL_CHAIN_ID = 31337;

/** The configured chain, reached through `rpcUrl`, with Multicall3 so wagmi and viem batch reads into it. */
export function chainAt(rpcUrl: string): Chain {
  const base = parsed.chainId === LOCAL_CHAIN_ID ? foundry : undefined;
  return defineChain({
    id: parsed.chainId,
    name: base?.name ?? `Chain ${parsed.chainId}`,
    nativeCurrency: base?.nativeCurrency ?? { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    contracts: { multicall3: { address: MULTICALL3_ADDRESS } },
  });
}

export const config = {
  chainId: parsed.chainId,
  deployment: parsed.deployment,
  isLocalChain: parsed.chainId === LOCAL_CHAIN_ID,
  /** The dev panel only ever shows on the local chain. */
  devPanel: parsed.devPanel && parsed.chainId === LOCAL_CHAIN_ID,
} as const;
