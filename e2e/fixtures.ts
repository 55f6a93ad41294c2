import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import type { Address, Hash } from "viem";
import { contracts } from "../lib/contracts";
import { connectAnvil, type AnvilClient } from "../scripts/lib/chain";
import { governanceHelper, type GovernanceHelper } from "../scripts/lib/governance";
import { waitForIndexer } from "../scripts/lib/indexer";
import { connectThroughModal, injectTestWallet, type WalletOptions } from "./test-wallet";

/** A value e2e/global-setup.ts hands the tests. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through playwright.config.ts (global setup).`);
  return value;
}

/**
 * Wait until the indexer has processed the chain's latest block: what a test wrote from the script side then shows on
 * pages that read history from the indexer.
 */
export function indexerCaughtUp(): Promise<void> {
  return waitForIndexer(requiredEnv("PLENUM_E2E_INDEXER_URL"), requiredEnv("PLENUM_E2E_RPC_URL"));
}

type Fixtures = {
  /** A viem client on the test anvil, to check what the page shows against the chain. */
  chain: AnvilClient;
  /** Proposals driven on that chain from the script side: propose, vote, wait for snapshot, deadline and ETA. */
  governance: GovernanceHelper;
  /**
   * Install the test wallet for `address` (before the first navigation; by default announced through EIP-6963),
   * then connect through the modal; make it reject the next prompt, or move it to another chain as its user would.
   */
  wallet: {
    install: (address: Address, options?: Pick<WalletOptions, "discovery">) => Promise<void>;
    connect: (walletName?: string) => Promise<void>;
    rejectNextRequest: () => Promise<void>;
    switchChain: (chainId: number) => Promise<void>;
    /** Replace or lose the transaction the wallet sent, while it is pending (turn anvil's automine off first). */
    speedUpLastSent: () => Promise<Hash>;
    cancelLastSent: () => Promise<Hash>;
    dropLastSent: () => Promise<Hash>;
  };
  /** A second (third…) user: a fresh browser context with the test wallet of `address`, connected on `path`. */
  openAs: (address: Address, path: string) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => {
    await use(requiredEnv("PLENUM_E2E_BASE_URL"));
  },
  // A test that wrote from the script side opens pages as a visitor a moment later would: once the indexer has the
  // write. (Tests that want history to lag close the indexer's gate and reload.)
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      await indexerCaughtUp();
      return goto(url, options);
    };
    await use(page);
  },
  chain: async ({}, use) => {
    const client = connectAnvil(requiredEnv("PLENUM_E2E_RPC_URL"));
    // Every test starts from the seeded chain and leaves it so: what one test does to time or state is undone.
    // Automine is a setting of the node, not chain state, so a revert keeps it: it is turned back on here, which
    // mines whatever a test left pending, and the revert undoes that block.
    const snapshot = await client.snapshot();
    await use(client);
    await client.setAutomine(true);
    await client.revert({ id: snapshot });
    // A new block on the restored chain shows the indexer the reorg; the next test starts once it has dropped what
    // this one added. When the new block has the number of one the test mined, Ponder 0.16 now and then handles the
    // reorg but not the block that revealed it, and then waits for the next one: another block gets it going. On a
    // loaded machine that has taken more than three blocks of ten seconds each.
    for (let attempt = 1; ; attempt++) {
      await client.mine({ blocks: 1 });
      try {
        await waitForIndexer(requiredEnv("PLENUM_E2E_INDEXER_URL"), requiredEnv("PLENUM_E2E_RPC_URL"), 10_000);
        break;
      } catch (error) {
        if (attempt === 5) throw error;
      }
    }
  },
  governance: async ({ chain }, use) => {
    await use(governanceHelper(chain, contracts));
  },
  wallet: async ({ page, chain }, use) => {
    const rpcUrl = requiredEnv("PLENUM_E2E_RPC_URL");
    await use({
      install: async (address, options) => {
        await chain.impersonateAccount({ address });
        await injectTestWallet(page, {
          rpcUrl,
          address,
          chainId: await chain.getChainId(),
          discovery: options?.discovery ?? "eip6963",
        });
      },
      connect: (walletName) => connectThroughModal(page, walletName),
      rejectNextRequest: () => page.evaluate(() => window.plenumTestWallet.rejectNextRequest()),
      switchChain: (chainId) => page.evaluate((id) => window.plenumTestWallet.switchChain(id), chainId),
      speedUpLastSent: () => page.evaluate(() => window.plenumTestWallet.speedUpLastSent()),
      cancelLastSent: () => page.evaluate(() => window.plenumTestWallet.cancelLastSent()),
      dropLastSent: () => page.evaluate(() => window.plenumTestWallet.dropLastSent()),
    });
  },
  openAs: async ({ browser, baseURL, chain }, use) => {
    const rpcUrl = requiredEnv("PLENUM_E2E_RPC_URL");
    const contexts: BrowserContext[] = [];
    await use(async (address, path) => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      const page = await context.newPage();
      await indexerCaughtUp();
      await chain.impersonateAccount({ address });
      await injectTestWallet(page, { rpcUrl, address, chainId: await chain.getChainId(), discovery: "eip6963" });
      await page.goto(path);
      await connectThroughModal(page);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };
