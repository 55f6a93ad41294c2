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
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${log}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return { url, process: child, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stop();
  throw new Error(`The app did not answer on ${url} within 30 s:\n${log}`);
}
