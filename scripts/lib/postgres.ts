import { execFile, execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./anvil";

export type Postgres = {
  databaseUrl: string;
  port: number;
  stop: () => Promise<void>;
  /** Stop the server and start it again: its shared buffers start empty (the OS file cache stays warm). */
  restart: () => Promise<void>;
};

const versionsDir = "/usr/lib/postgresql";
const run = promisify(execFile);

function binDir(): string | undefined {
  const versions = existsSync(versionsDir)
    ? readdirSync(versionsDir)
        .filter((version) => existsSync(join(versionsDir, version, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] && join(versionsDir, versions[0], "bin");
}

/**
 * Tests and benchmarks run their own clusters with Debian's PostgreSQL binaries (never its service or default
 * cluster). Install the package with apt when missing; that needs root, as on CI. Returns the bin dir.
 */
export function ensurePostgres(log: (line: string) => void = console.log): string {
  const existing = binDir();
  if (existing) return existing;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `No PostgreSQL under ${versionsDir}: install Debian's postgresql (sudo apt-get install -y postgresql).`,
    );
  }
  log("Installing PostgreSQL for the tests (apt-get install postgresql)...");
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "postgresql"]]) {
    const result = spawnSync("apt-get", args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (exit ${result.status}).`);
  }
  const installed = binDir();
  if (!installed) throw new Error(`apt-get installed postgresql but no ${versionsDir}/<version>/bin/initdb exists.`);
  return installed;
}

/**
 * A throwaway cluster in a fresh temporary folder on a free port of 127.0.0.1, with trust auth and no
 * durability. Resolves once the database `plenum` exists.
 */
export async function startPostgres(options: { log?: (line: string) => void } = {}): Promise<Postgres> {
  const bin = ensurePostgres(options.log);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "plenum-postgres-"));
  const dataDir = join(dir, "data");
  const logFile = join(dir, "server.log");
  // initdb refuses to run as root: the cluster then belongs to the `postgres` user the package creates.
  if (asRoot) chownSync(dir, postgresId("-u"), postgresId("-g"));
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", join(bin, tool), ...args], { cwd: dir })
      : run(join(bin, tool), args, { cwd: dir });

  let started = false;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      try {
        if (started) await pg("pg_ctl", ["stop", "-D", dataDir, "-m", "fast", "-w"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    })());

  try {
    const port = await freePort();
    await pg("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    appendFileSync(
      join(dataDir, "postgresql.conf"),
      [
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        "fsync = off",
        "synchronous_commit = off",
        "full_page_writes = off",
        "",
      ].join("\n"),
    );
    started = true;
    await pg("pg_ctl", ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "30"]);
    await pg("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "plenum"]);
    const restart = async () => {
      await pg("pg_ctl", ["stop", "-D", dataDir, "-m", "fast", "-w"]);
      await pg("pg_ctl", ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "30"]);
    };
    return { databaseUrl: `postgresql://postgres@127.0.0.1:${port}/plenum`, port, stop, restart };
  } catch (error) {
    const serverLog = existsSync(logFile) ? readFileSync(logFile, "utf8") : "(no server log)";
    await stop().catch(() => {});
    const detail = (error as { stderr?: string }).stderr || (error as Error).message;
    throw new Error(`PostgreSQL did not start: ${detail.trim()}\nServer log:\n${serverLog}`);
  }
}

function postgresId(flag: "-u" | "-g"): number {
  try {
    return Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  } catch {
    throw new Error("No `postgres` user: reinstall Debian's postgresql package, which creates it.");
  }
}
