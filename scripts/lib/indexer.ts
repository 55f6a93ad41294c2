import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Deployment } from "../../lib/contracts/deployment";
import { assertPortFree, freePort } from "./anvil";
import { rootDir } from "./paths";

const ponderBin = join(rootDir, "node_modules", "ponder", "dist", "esm", "bin", "ponder.js");

export type Indexer = {
  url: string;
  process: ChildProcess;
  /** Everything the indexer logged so far. */
  log: () => string;
  stop: () => Promise<void>;
};

/**
 * `ponder start` over `deployment` on `rpcUrl`: PostgreSQL when `databaseUrl` is given, else PGlite in a fresh
 * temporary folder (removed on stop). Resolves once it has indexed the chain's latest block.
 */
type Head = { number: number; timestamp: number };

/** The latest block the indexer has processed, from its /status route. */
async function indexedHead(indexerUrl: string): Promise<Head | undefined> {
  const response = await fetch(`${indexerUrl}/status`, { signal: AbortSignal.timeout(2_000) });
  if (!response.ok) return undefined;
  const status = (await response.json()) as Record<string, { block?: Head }>;
  return Object.values(status)[0]?.block;
}

async function chainHead(rpcUrl: string): Promise<Head> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_getBlockByNumber", params: ["latest", false] }),
  });
  const { result } = (await response.json()) as { result: { number: string; timestamp: string } };
  return { number: Number(result.number), timestamp: Number(result.timestamp) };
}

/**
 * Wait until the indexer's latest block is the chain's: same number and time, so that after anvil went back to a
 * snapshot and mined anew, the indexer has also dropped what the abandoned blocks added.
 */
export async function waitForIndexer(indexerUrl: string, rpcUrl: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [indexed, latest] = await Promise.all([indexedHead(indexerUrl).catch(() => undefined), chainHead(rpcUrl)]);
    if (indexed?.number === latest.number && indexed.timestamp === latest.timestamp) return;
    if (Date.now() > deadline) {
      throw new Error(`The indexer is at ${JSON.stringify(indexed)}, the chain at ${JSON.stringify(latest)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startIndexer(options: {
  rpcUrl: string;
  deployment: Deployment;
  databaseUrl?: string;
  port?: number;
  host?: string;
  /** The database schema this instance writes (one per deployment). */
  schema?: string;
  pollingInterval?: number;
  /** How long the backfill may take before this gives up. */
  readyTimeoutMs?: number;
}): Promise<Indexer> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? (await freePort());
  await assertPortFree(host, port);
  const workDir = mkdtempSync(join(tmpdir(), "plenum-indexer-"));
  const deploymentFile = join(workDir, "deployment.json");
  writeFileSync(deploymentFile, JSON.stringify(options.deployment));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PONDER_TELEMETRY_DISABLED: "true",
    RPC_URL: options.rpcUrl,
    CHAIN_ID: String(options.deployment.chainId),
    DEPLOYMENT_FILE: deploymentFile,
    PGLITE_DIR: join(workDir, "pglite"),
    POLLING_INTERVAL: String(options.pollingInterval ?? 250),
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [
      ponderBin,
      "--root",
      join(rootDir, "indexer"),
      "--log-format",
      "json",
      "--log-level",
      "warn",
      "start",
      "--schema",
      options.schema ?? "plenum",
      "--hostname",
      host,
      "--port",
      String(port),
    ],
    { cwd: rootDir, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      // Ponder runs workers of its own: stop the whole process group.
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    }
    rmSync(workDir, { recursive: true, force: true });
  };
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The indexer exited (code ${child.exitCode}):\n${output}`);
    }
    const [indexed, latest] = await Promise.all([indexedHead(url).catch(() => undefined), chainHead(options.rpcUrl)]);
    if (indexed && indexed.number >= latest.number) return { url, process: child, log: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`The indexer was not ready on ${url} in time:\n${output}`);
}
