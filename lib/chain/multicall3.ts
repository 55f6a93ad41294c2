import { multicall3Abi, type Address } from "viem";

/** Multicall3's canonical address: present on most EVM chains; scripts/lib/anvil.ts places it on anvil. */
export const MULTICALL3_ADDRESS: Address = "0xcA11bde05977b3631167028862bE2a173976CA11";

/** Multicall3 as a contract, for the reads it offers itself (block time, ETH balances) inside a batch. */
export const multicall3 = { address: MULTICALL3_ADDRESS, abi: multicall3Abi } as const;
