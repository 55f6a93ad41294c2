import type { Page } from "@playwright/test";
import {
  isAddressEqual,
  type Address,
  type Hash,
  type Hex,
  type TypedDataDefinition,
  type TypedDataParameter,
} from "viem";
import { anvilAccount } from "../scripts/lib/chain";

export type WalletOptions = {
  rpcUrl: string;
  address: Address;
  /** The app's chain: the wallet starts on it (a test moves it elsewhere with `switchChain`). */
  chainId: number;
  /** How the wallet makes itself known: an EIP-6963 announcement (modern extensions) or `window.ethereum` only. */
  discovery: "eip6963" | "window.ethereum";
};

/** What a test can do to the wallet from outside the page: `page.evaluate(() => window.plenumTestWallet...)`. */
export type TestWalletControls = {
  rejectNextRequest: () => void;
  /** What a user does in the wallet's own UI: move it to another network. */
  switchChain: (chainId: number) => void;
  /**
   * What a user does to the last transaction the wallet sent while it is still pending (anvil's automine off):
   * speed it up (the same call again, same nonce, twice the fees), cancel it (a 0 ETH transfer to themselves,
   * same nonce, twice the fees), or lose it (the node drops it, as a node does with an underpriced one).
   * Speed-up and cancel resolve to the replacement's hash, drop to the dropped one's.
   */
  speedUpLastSent: () => Promise<Hash>;
  cancelLastSent: () => Promise<Hash>;
  dropLastSent: () => Promise<Hash>;
};

declare global {
  interface Window {
    plenumTestWallet: TestWalletControls;
    /** eth_signTypedData_v4's JSON, signed on the test's side (`signTypedDataAs`). */
    plenumTestWalletSignTypedData: (typedData: string) => Promise<Hex>;
  }
}

/**
 * Runs in the page before any app script: an EIP-1193 provider, as a browser extension wallet would
 * inject. It exposes no account until `eth_requestAccounts`, then remembers the connection and its chain
 * for the tab's session (a reload reconnects, as with a real extension), and forwards everything else to
 * anvil, where the account is unlocked or impersonated. A test can make it reject the next request, as a
 * user clicking "Reject" would, and speed up, cancel or drop the transaction it sent.
 */
function installTestWallet({ rpcUrl, address, chainId: appChainId, discovery }: WalletOptions) {
  const session = { connected: "plenum-test-wallet:connected", chainId: "plenum-test-wallet:chainId" };
  let connected = sessionStorage.getItem(session.connected) === address;
  let chainId = Number(sessionStorage.getItem(session.chainId) ?? appChainId);
  let rejectNext = false;
  let lastSent: { hash: Hash; tx: Record<string, string> } | undefined;
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const emit = (event: string, value: unknown) => listeners.get(event)?.forEach((listener) => listener(value));
  const hexChainId = () => `0x${chainId.toString(16)}`;
  const userRejected = () => Object.assign(new Error("User rejected the request."), { code: 4001 });
  const promptsUser = new Set([
    "eth_requestAccounts",
    "wallet_requestPermissions",
    "eth_sendTransaction",
    "eth_signTypedData_v4",
  ]);
  const switchTo = (requested: number) => {
    chainId = requested;
    sessionStorage.setItem(session.chainId, String(chainId));
    emit("chainChanged", hexChainId());
  };
  window.plenumTestWallet = {
    rejectNextRequest: () => {
      rejectNext = true;
    },
    switchChain: switchTo,
    speedUpLastSent: () => replaceLastSent((tx) => tx),
    cancelLastSent: () => replaceLastSent(() => ({ to: address, value: "0x0", data: "0x", gas: "0x5208" })),
    dropLastSent: async () => {
      const hash = sentHash();
      await rpc("anvil_dropTransaction", [hash]);
      return hash;
    },
  };

  function sentHash(): Hash {
    if (!lastSent) throw new Error("The test wallet has sent nothing yet.");
    return lastSent.hash;
  }

  /** Send `change(last transaction)` in the last transaction's nonce, with both fees doubled. */
  async function replaceLastSent(change: (tx: Record<string, string>) => Record<string, string>) {
    const pending = await rpc("eth_getTransactionByHash", [sentHash()]);
    if (!pending || pending.blockNumber) throw new Error("The wallet's last transaction is not pending.");
    const doubled = (fee: string) => `0x${(BigInt(fee) * 2n).toString(16)}`;
    return rpc("eth_sendTransaction", [
      {
        ...change(lastSent!.tx),
        from: address,
        nonce: pending.nonce,
        maxFeePerGas: doubled(pending.maxFeePerGas),
        maxPriorityFeePerGas: doubled(pending.maxPriorityFeePerGas),
      },
    ]);
  }

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
      if (promptsUser.has(method) && rejectNext) {
        rejectNext = false;
        throw userRejected();
      }
      switch (method) {
        case "eth_requestAccounts":
        case "wallet_requestPermissions":
          connected = true;
          sessionStorage.setItem(session.connected, address);
          emit("connect", { chainId: hexChainId() });
          emit("accountsChanged", [address]);
          return method === "eth_requestAccounts" ? [address] : [{ parentCapability: "eth_accounts" }];
        case "eth_accounts":
          return connected ? [address] : [];
        case "wallet_revokePermissions":
          connected = false;
          sessionStorage.removeItem(session.connected);
          emit("accountsChanged", []);
          return null;
        case "eth_chainId":
          return hexChainId();
        case "wallet_switchEthereumChain": {
          const requested = Number((params?.[0] as { chainId: string }).chainId);
          if (requested !== appChainId) throw Object.assign(new Error("Unrecognized chain."), { code: 4902 });
          switchTo(requested);
          return null;
        }
        case "eth_signTypedData_v4": {
          // Signed outside the page with the account's key (anvil cannot sign for accounts it only impersonates).
          const [signer, typedData] = params as [string, string];
          if (signer.toLowerCase() !== address.toLowerCase())
            throw new Error(`The wallet holds ${address}, not ${signer}.`);
          return window.plenumTestWalletSignTypedData(typedData);
        }
        case "eth_sendTransaction": {
          // anvil estimates in the latest block but mines in the next: estimate at `pending`, add 20%.
          const tx: Record<string, string> = { ...(params?.[0] as Record<string, string>), from: address };
          if (!tx.gas) {
            const estimate = BigInt(await rpc("eth_estimateGas", [tx, "pending"]));
            tx.gas = `0x${((estimate * 12n) / 10n).toString(16)}`;
          }
          const hash = await rpc("eth_sendTransaction", [tx]);
          lastSent = { hash, tx };
          return hash;
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
  if (discovery === "window.ethereum") {
    Object.assign(window, { ethereum: provider });
    return;
  }
  const announce = () =>
    window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
}

export async function injectTestWallet(page: Page, options: WalletOptions): Promise<void> {
  await page.exposeFunction("plenumTestWalletSignTypedData", (typedData: string) =>
    signTypedDataAs(options.address, typedData),
  );
  await page.addInitScript(installTestWallet, options);
}

/**
 * What a wallet does with eth_signTypedData_v4: sign the JSON typed data with the key of `address` (an account of
 * anvil's mnemonic). Integers arrive as decimal strings and become bigints again.
 */
async function signTypedDataAs(address: Address, json: string): Promise<Hex> {
  const index = Array.from({ length: 64 }, (_, i) => i).find((i) => isAddressEqual(anvilAccount(i).address, address));
  if (index === undefined) throw new Error(`${address} is not among the first 64 accounts of anvil's mnemonic.`);
  const { domain, types, primaryType, message } = JSON.parse(json) as {
    domain: Record<string, unknown>;
    types: Record<string, TypedDataParameter[]>;
    primaryType: string;
    message: Record<string, unknown>;
  };
  const { EIP712Domain: _, ...messageTypes } = types;
  const revived = Object.fromEntries(
    messageTypes[primaryType].map(({ name, type }) => [
      name,
      /^u?int\d*$/.test(type) ? BigInt(message[name] as string) : message[name],
    ]),
  );
  const definition: TypedDataDefinition<Record<string, TypedDataParameter[]>, string> = {
    domain: { ...domain, chainId: Number(domain.chainId) },
    types: messageTypes,
    primaryType,
    message: revived,
  };
  return anvilAccount(index).signTypedData(definition);
}

/** Connect through the RainbowKit modal, picking the wallet by the name the modal lists it under. */
export async function connectThroughModal(page: Page, walletName = "Plenum Test Wallet"): Promise<void> {
  await page.getByRole("button", { name: "Connect Wallet" }).click();
  await page.getByRole("dialog").getByText(walletName, { exact: true }).click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
}
