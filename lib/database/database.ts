import type { PGlite } from "@electric-sql/pglite";
import type { Pool } from "pg";
import { migrate } from "./migrations";

/** Parameterised SQL, `$1`-style, on either engine. */
export type Sql = { query<Row>(text: string, params?: unknown[]): Promise<Row[]> };

/**
 * The app's own database (the relay's records, and later polls and webhooks): PostgreSQL when a URL is given, so
 * every app instance shares it, else an embedded PGlite in a folder (or in memory) for one instance.
 */
export type Database = Sql & {
  engine: "postgres" | "pglite";
  /** `work` inside one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** Tables live in their own schema, so the app can share a PostgreSQL database with the indexer. */
export const APP_SCHEMA = "plenum_app";

export type DatabaseLocation = { databaseUrl: string } | { pgliteDir: string | undefined };

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const database =
    "databaseUrl" in location ? await openPostgres(location.databaseUrl) : await openPglite(location.pgliteDir);
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  const { default: pg } = await import("pg");
  const pool: Pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    // A request waits at most this long for a connection, a lock or a statement: never forever.
    connectionTimeoutMillis: 10_000,
    options: `-c search_path=${APP_SCHEMA} -c lock_timeout=15s -c statement_timeout=15s`,
  });
  // A connection the server drops while idle is replaced on the next query; it must not take the process down.
  pool.on("error", (error) => console.error(`database: idle connection lost: ${error.message}`));
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${APP_SCHEMA}`);
  const rowsOf = async <Row>(run: Promise<{ rows: unknown[] }>) => (await run).rows as Row[];
  return {
    engine: "postgres",
    query: (text, params) => rowsOf(pool.query(text, params)),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({ query: (text, params) => rowsOf(client.query(text, params)) });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const db: PGlite = new PGlite(dataDir);
  await db.waitReady;
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${APP_SCHEMA}; SET search_path TO ${APP_SCHEMA}`);
  // One connection, one query at a time: a transaction holds it, so others wait for it (never interleave).
  return {
    engine: "pglite",
    query: async <Row>(text: string, params?: unknown[]) => (await db.query<Row>(text, params)).rows,
    transaction: async <T>(work: (sql: Sql) => Promise<T>) =>
      (await db.transaction((tx) =>
        work({ query: async <Row>(text: string, params?: unknown[]) => (await tx.query<Row>(text, params)).rows }),
      )) as T,
    close: () => db.close(),
  };
}
