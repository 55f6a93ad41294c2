import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { assertPortFree } from "./anvil";
import { rootDir } from "./paths";

const nextBin = join(rootDir, "node_modules", "next", "dist", "bin", "next");
const quietEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** `next build` (production); rejects with the build output when it fails. */
export function buildApp(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], { cwd: rootDir, env: quietEnv, stdio: "pipe" });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed:\n${output}`))));
  });
}

export type AppServer = { url: string; process: ChildProcess; stop: () => Promise<void> };

/**
 * `next start` on `host:port`; resolves once it serves pages. Browsers get `publicRpcUrl`; the server keeps
 * `serverRpcUrl` (by default the same) to itself, as it would one carrying an API key.
 */
export async function startApp(options: {
  port: number;
  publicRpcUrl: string;
  serverRpcUrl?: string;
  /** The indexer's API, for the server and browsers alike. */
  indexerUrl: string;
  host?: string;
  /** The gasless relay's sponsor key (RELAYER_PRIVATE_KEY); without it the relay refuses everything. */
  relayerPrivateKey?: string;
  /** Where the app's embedded database lives (APP_PGLITE_DIR); a fresh chain wants a fresh one. */
  appDataDir?: string;
  /** More server configuration (relay rules, DATABASE_URL…). */
  env?: Record<string, string>;
}): Promise<AppServer> {
  const host = options.host ?? "127.0.0.1";
  await assertPortFree(host, options.port);
  const child = spawn(process.execPath, [nextBin, "start", "--hostname", host, "--port", String(options.port)], {
    cwd: rootDir,
    env: {
      ...quietEnv,
      PUBLIC_RPC_URL: options.publicRpcUrl,
      RPC_URL: options.serverRpcUrl ?? options.publicRpcUrl,
      PUBLIC_INDEXER_URL: options.indexerUrl,
      INDEXER_URL: options.indexerUrl,
      ...(options.relayerPrivateKey && { RELAYER_PRIVATE_KEY: options.relayerPrivateKey }),
      ...(options.appDataDir && { APP_PGLITE_DIR: options.appDataDir }),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };
  const url = `http://${host}:${options.port}`;
  if (!(await answers(url, child))) {
    await stop();
    throw new Error(`The app did not answer on ${url} within 30 s:\n${log}`);
  }
  // The relay's database opens as the server starts (PGlite's first start takes seconds): wait for it too.
  if (options.relayerPrivateKey) {
    const relay = await fetch(`${url}/api/relay/status`, { signal: AbortSignal.timeout(120_000) }).catch(
      (error: Error) => error,
    );
    if (relay instanceof Error || !relay.ok) {
      await stop();
      const answer = relay instanceof Error ? relay.message : `${relay.status} ${await relay.text()}`;
      throw new Error(`The app's relay is not ready (${answer}):\n${log}`);
    }
  }
  return { url, process: child, stop };
}

async function answers(url: string, child: ChildProcess): Promise<boolean> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) return false;
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return false;
}
