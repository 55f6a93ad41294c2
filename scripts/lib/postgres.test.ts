// Starts real throwaway PostgreSQL clusters and talks to them through psql (pg has no types installed here).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, onTestFinished } from "vitest";
import { assertPortFree } from "./anvil";
import { ensurePostgres, startPostgres } from "./postgres";

const run = promisify(execFile);

async function sql(databaseUrl: string, ...commands: string[]): Promise<string> {
  const args = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", databaseUrl];
  const { stdout } = await run(join(ensurePostgres(), "psql"), [...args, ...commands.flatMap((c) => ["-c", c])]);
  return stdout.trim();
}

describe("startPostgres", () => {
  it("serves the plenum database, then stops and leaves nothing behind", async () => {
    const postgres = await startPostgres();
    onTestFinished(postgres.stop);
    const folder = dirname(await sql(postgres.databaseUrl, "SHOW data_directory"));
    expect(existsSync(folder)).toBe(true);
    expect(postgres.databaseUrl).toBe(`postgresql://postgres@127.0.0.1:${postgres.port}/plenum`);

    const rows = await sql(
      postgres.databaseUrl,
      "CREATE TABLE votes (voter text PRIMARY KEY, weight numeric NOT NULL)",
      "INSERT INTO votes VALUES ('0xabc', 123456789012345678901234567890)",
      "SELECT voter || '|' || weight FROM votes",
    );
    expect(rows).toBe("0xabc|123456789012345678901234567890");

    await postgres.stop();
    await postgres.stop();
    expect(existsSync(folder)).toBe(false);
    await assertPortFree("127.0.0.1", postgres.port);
  });

  it("runs two clusters side by side", async () => {
    const [a, b] = await Promise.all([startPostgres(), startPostgres()]);
    onTestFinished(() => Promise.all([a.stop(), b.stop()]).then(() => {}));
    expect(a.port).not.toBe(b.port);
    await sql(a.databaseUrl, "CREATE TABLE only_in_a (id int)");
    expect(await sql(a.databaseUrl, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'")).toBe("1");
    expect(await sql(b.databaseUrl, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'")).toBe("0");
  });
});
