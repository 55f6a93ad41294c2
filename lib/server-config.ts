import "server-only";
import { z } from "zod/mini";

// The server's half of the configuration (lib/config.ts is the half built into every bundle). It is read at
// request time, never inlined into a bundle: one build serves any endpoint, and a key in RPC_URL stays in the
// server's environment. "server-only" fails the build if a client component imports this file.
const LOCAL_RPC_URL = "http://127.0.0.1:8545";

/** The JSON-RPC endpoint browsers use for reads and transactions: PUBLIC_RPC_URL. Every visitor sees it. */
export function publicRpcUrl(): string {
  return z.url().parse(process.env.PUBLIC_RPC_URL ?? LOCAL_RPC_URL);
}

/** The server's own JSON-RPC endpoint: RPC_URL, which may carry an API key; the public one when unset. */
export function serverRpcUrl(): string {
  return process.env.RPC_URL ? z.url().parse(process.env.RPC_URL) : publicRpcUrl();
}

const LOCAL_INDEXER_URL = "http://127.0.0.1:42069";

/** The indexer's HTTP API as browsers reach it: PUBLIC_INDEXER_URL. */
export function publicIndexerUrl(): string {
  return z.url().parse(process.env.PUBLIC_INDEXER_URL ?? LOCAL_INDEXER_URL);
}

/** The indexer as the server reaches it (server renders): INDEXER_URL; the public one when unset. */
export function serverIndexerUrl(): string {
  return process.env.INDEXER_URL ? z.url().parse(process.env.INDEXER_URL) : publicIndexerUrl();
}

const privateKey = z.string().check(z.regex(/^0x[0-9a-fA-F]{64}$/, "a 32-byte hex private key (0x + 64 hex digits)"));

/** The relay sponsor's key (RELAYER_PRIVATE_KEY): it pays for gasless votes and delegations. Unset: no relay. */
export function relayerPrivateKey(): `0x${string}` | undefined {
  const value = process.env.RELAYER_PRIVATE_KEY;
  if (!value) return undefined;
  const parsed = privateKey.safeParse(value);
  if (!parsed.success) throw new Error("RELAYER_PRIVATE_KEY is not a 32-byte hex private key (0x + 64 hex digits).");
  return parsed.data as `0x${string}`;
}

/**
 * The app's own database: PostgreSQL at DATABASE_URL (shared by every app instance; the app keeps to its own
 * schema), else an embedded PGlite in APP_PGLITE_DIR (default .data/app-pglite), for one instance.
 */
export function appDatabaseLocation(): { databaseUrl: string } | { pgliteDir: string } {
  if (process.env.DATABASE_URL) return { databaseUrl: process.env.DATABASE_URL };
  return { pgliteDir: process.env.APP_PGLITE_DIR ?? ".data/app-pglite" };
}

/**
 * The app's public origin for links that leave the page (feeds, webhooks): SITE_URL, else the origin `request` came
 * to (behind a proxy, set SITE_URL).
 */
export function siteUrl(request?: Request): string {
  if (process.env.SITE_URL) return new URL(z.url().parse(process.env.SITE_URL)).origin;
  return request ? new URL(request.url).origin : "http://127.0.0.1:3000";
}
