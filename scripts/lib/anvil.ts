import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { createPublicClient, createTestClient, http, publicActions, type Hex } from "viem";
import { foundry } from "viem/chains";
import { MULTICALL3_ADDRESS } from "../../lib/chain/multicall3";
import { foundryBinary } from "./foundry";

export type Anvil = { rpcUrl: string; port: number; process: ChildProcess; stop: () => Promise<void> };

/** Fails with a clear message when `host:port` is already taken. */
export async function assertPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `Port ${port} on ${host} is already in use: stop whatever listens there (another anvil?) and retry.`,
            )
          : error,
      ),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Start the native anvil binary (not the npm launcher, which forks several processes) and wait until it
 * answers, then place Multicall3 at its canonical address.
 */
export async function startAnvil(options: { host?: string; port?: number; args?: string[] } = {}): Promise<Anvil> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? (await freePort());
  await assertPortFree(host, port);
  const child = spawn(foundryBinary("anvil"), ["--host", host, "--port", String(port), ...(options.args ?? [])], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));

  const rpcUrl = `http://${host}:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };
  try {
    await waitForRpc(rpcUrl, exited, () => log);
    await installMulticall3(rpcUrl);
  } catch (error) {
    await stop();
    throw error;
  }
  return { rpcUrl, port, process: child, stop };
}

async function waitForRpc(rpcUrl: string, exited: Promise<number | null>, log: () => string): Promise<void> {
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 0 }) });
  let stopped = false;
  void exited.then(() => (stopped = true));
  for (let attempt = 0; attempt < 200; attempt++) {
    if (stopped) throw new Error(`anvil exited before it answered:\n${log()}`);
    try {
      await client.getChainId();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`anvil did not answer on ${rpcUrl} within 10 s:\n${log()}`);
}

/** anvil has no Multicall3: run viem's creation code in an eth_call and set the returned runtime code. */
export async function installMulticall3(rpcUrl: string): Promise<void> {
  const client = createTestClient({ chain: foundry, mode: "anvil", transport: http(rpcUrl) }).extend(publicActions);
  const existing = await client.getCode({ address: MULTICALL3_ADDRESS });
  if (existing && existing !== "0x") return;
  const { data } = await client.call({ data: await multicall3CreationCode() });
  if (!data) throw new Error("Multicall3 creation code returned no runtime code");
  await client.setCode({ address: MULTICALL3_ADDRESS, bytecode: data });
}

async function multicall3CreationCode(): Promise<Hex> {
  // viem keeps the bytecode in a module its package exports do not list; load that file directly.
  const viemDir = dirname(createRequire(import.meta.url).resolve("viem/package.json"));
  const contracts: { multicall3Bytecode: Hex } = await import(
    pathToFileURL(join(viemDir, "_esm", "constants", "contracts.js")).href
  );
  return contracts.multicall3Bytecode;
}
