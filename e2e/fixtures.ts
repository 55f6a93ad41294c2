import { test as base, expect } from "@playwright/test";
import type { Address } from "viem";
import { connectAnvil, type AnvilClient } from "../scripts/lib/chain";
import { connectThroughModal, injectTestWallet, type WalletOptions } from "./test-wallet";

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through playwright.config.ts (global setup).`);
  return value;
}

type Fixtures = {
  /** A viem client on the test anvil, to check what the page shows against the chain. */
  chain: AnvilClient;
  /**
   * Install the test wallet for `address` (before the first navigation; by default announced through EIP-6963
   * and on the app's chain), then connect through the modal, and make it reject the next prompt.
   */
  wallet: {
    install: (address: Address, options?: Partial<Pick<WalletOptions, "chainId" | "discovery">>) => Promise<void>;
    connect: (walletName?: string) => Promise<void>;
    rejectNextRequest: () => Promise<void>;
  };
};

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => {
    await use(requiredEnv("PLENUM_E2E_BASE_URL"));
  },
  chain: async ({}, use) => {
    const client = connectAnvil(requiredEnv("PLENUM_E2E_RPC_URL"));
    // Every test starts from the seeded chain and leaves it so: what one test does to time or state is undone.
    const snapshot = await client.snapshot();
    await use(client);
    await client.revert({ id: snapshot });
  },
  wallet: async ({ page, chain }, use) => {
    const rpcUrl = requiredEnv("PLENUM_E2E_RPC_URL");
    await use({
      install: async (address, options) => {
        await chain.impersonateAccount({ address });
        await injectTestWallet(page, {
          rpcUrl,
          address,
          chainId: options?.chainId ?? (await chain.getChainId()),
          discovery: options?.discovery ?? "eip6963",
        });
      },
      connect: (walletName) => connectThroughModal(page, walletName),
      rejectNextRequest: () => page.evaluate(() => window.plenumTestWallet.rejectNextRequest()),
    });
  },
});

export { expect };
