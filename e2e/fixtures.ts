import { test as base, expect } from "@playwright/test";
import type { Address } from "viem";
import { connectAnvil, type AnvilClient } from "../scripts/lib/chain";
import { connectThroughModal, injectTestWallet } from "./test-wallet";

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through playwright.config.ts (global setup).`);
  return value;
}

type Fixtures = {
  /** A viem client on the test anvil, to check what the page shows against the chain. */
  chain: AnvilClient;
  /** Install the test wallet for `address` (before the first navigation), then connect through the modal. */
  wallet: { install: (address: Address) => Promise<void>; connect: () => Promise<void> };
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
      install: async (address) => {
        await chain.impersonateAccount({ address });
        await injectTestWallet(page, { rpcUrl, address, chainId: await chain.getChainId() });
      },
      connect: () => connectThroughModal(page),
    });
  },
});

export { expect };
