import { connectorsForWallets } from "@rainbow-me/rainbowkit";
import { injectedWallet, metaMaskWallet } from "@rainbow-me/rainbowkit/wallets";
import { cookieStorage, createConfig, createStorage, http } from "wagmi";
import { chainAt } from "./config";

/**
 * One wagmi config per app instance (server render and browser). Reads are batched into Multicall3 and
 * JSON-RPC batches. Wallet connectors exist only in the browser, and only wallets that need no network
 * service (injected, MetaMask).
 */
export function getConfig(rpcUrl: string) {
  const chain = chainAt(rpcUrl);
  const connectors =
    typeof window === "undefined"
      ? []
      : connectorsForWallets([{ groupName: "Wallets", wallets: [injectedWallet, metaMaskWallet] }], {
          appName: "Plenum",
          projectId: "plenum",
        });
  return createConfig({
    chains: [chain],
    connectors,
    ssr: true,
    storage: createStorage({ storage: cookieStorage }),
    batch: { multicall: true },
    transports: { [chain.id]: http(rpcUrl, { batch: true }) },
  });
}

declare module "wagmi" {
  interface Register {
    config: ReturnType<typeof getConfig>;
  }
}
