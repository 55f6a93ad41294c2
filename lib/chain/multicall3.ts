import type { Address } from "viem";

/** Multicall3's canonical address: present on most EVM chains; scripts/lib/anvil.ts places it on anvil. */
export const MULTICALL3_ADDRESS: Address = "0xcA11bde05977b3631167028862bE2a173976CA11";
