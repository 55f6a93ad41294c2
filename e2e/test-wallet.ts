import type { Page } from "@playwright/test";
import type { Address } from "viem";

type WalletOptions = { rpcUrl: string; address: Address; chainId: number };

/**
 * Runs in the page before any app script: an EIP-1193 provider announced through EIP-6963, as a browser
 * extension wallet would. It exposes no account until `eth_requestAccounts` (so wagmi does not reconnect on
 * its own), and forwards everything else to anvil, where the account is unlocked or impersonated.
 */
function installTestWallet({ rpcUrl, address, chainId }: WalletOptions) {
  let connected = false;
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const emit = (event: string, value: unknown) => listeners.get(event)?.forEach((listener) => listener(value));

  async function rpc(method: string, params: unknown) {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: Date.now(), method, params: params ?? [] }),
    });
    const body = await response.json();
    if (body.error)
      throw Object.assign(new Error(body.error.message), { code: body.error.code, data: body.error.data });
    return body.result;
  }

  const provider = {
    async request({ method, params }: { method: string; params?: unknown[] }) {
      switch (method) {
        case "eth_requestAccounts":
        case "wallet_requestPermissions":
          connected = true;
          emit("connect", { chainId: `0x${chainId.toString(16)}` });
          emit("accountsChanged", [address]);
          return method === "eth_requestAccounts" ? [address] : [{ parentCapability: "eth_accounts" }];
        case "eth_accounts":
          return connected ? [address] : [];
        case "wallet_revokePermissions":
          connected = false;
          emit("accountsChanged", []);
          return null;
        case "eth_chainId":
          return `0x${chainId.toString(16)}`;
        case "wallet_switchEthereumChain":
          return null;
        case "eth_sendTransaction": {
          // anvil estimates in the latest block but mines in the next: estimate at `pending`, add 20%.
          const tx: Record<string, string> = { ...(params?.[0] as Record<string, string>), from: address };
          if (!tx.gas) {
            const estimate = BigInt(await rpc("eth_estimateGas", [tx, "pending"]));
            tx.gas = `0x${((estimate * 12n) / 10n).toString(16)}`;
          }
          return rpc("eth_sendTransaction", [tx]);
        }
        default:
          return rpc(method, params);
      }
    },
    on(event: string, listener: (...args: unknown[]) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
    },
    removeListener(event: string, listener: (...args: unknown[]) => void) {
      listeners.get(event)?.delete(listener);
    },
  };

  const info = {
    uuid: "5d3b2c4e-6a1f-4d4e-9b7a-plenum-test",
    name: "Plenum Test Wallet",
    rdns: "org.plenum.testwallet",
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%234f46e5'/%3E%3C/svg%3E",
  };
  const announce = () =>
    window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
}

export async function injectTestWallet(page: Page, options: WalletOptions): Promise<void> {
  await page.addInitScript(installTestWallet, options);
}

/** Connect through the RainbowKit modal, picking the test wallet as a user would. */
export async function connectThroughModal(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Connect Wallet" }).click();
  await page.getByRole("dialog").getByText("Plenum Test Wallet").click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
}
