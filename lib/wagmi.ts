import { cookieStorage, createConfig, createStorage, http } from "wagmi";
import { chainAt } from "./config";

/**
 * One wagmi config per app instance (server render and browser). Reads are batched into Multicall3 and
 * JSON-RPC batches.
 *
 * Wallets come from EIP-6963 discovery (MetaMask, Rabby, Coinbase Wallet and other extensions announce
 * themselves; RainbowKit's modal lists them under "Installed"), not from RainbowKit's connector list: those
 * connectors bring WalletConnect, Coinbase and MetaMask SDK code, about 95 KB gzip of the first load, and
 * nothing here may call a wallet service on the internet anyway.
 */
export function getConfig(rpcUrl: string) {
  const chain = chainAt(rpcUrl);
  return createConfig({
    chains: [chain],
    multiInjectedProviderDiscovery: true,
    ssr: true,
    storage: createStorage({ storage: cookieStorage }),
    batch: { multicall: true },
    // Requests issued within 10 ms travel as one JSON-RPC batch: a page load then costs a few HTTP requests.
    transports: { [chain.id]: http(rpcUrl, { batch: { wait: 10 } }) },
  });
}

declare module "wagmi" {
  interface Register {
    config: ReturnType<typeof getConfig>;
  }
}
