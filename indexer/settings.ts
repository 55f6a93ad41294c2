import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod/mini";
import { deploymentSchema, type Deployment } from "../lib/contracts/deployment";

const rootDir = fileURLToPath(new URL("..", import.meta.url));

const environmentSchema = z.object({
  RPC_URL: z._default(z.url(), "http://127.0.0.1:8545"),
  CHAIN_ID: z._default(z.coerce.number(), 31337),
  /** A deployment file other than deployments/<CHAIN_ID>.json. */
  DEPLOYMENT_FILE: z.optional(z.string()),
  /** PostgreSQL, the production path; unset: PGlite, embedded, in PGLITE_DIR. */
  DATABASE_URL: z.optional(z.url()),
  PGLITE_DIR: z._default(z.string(), join(rootDir, ".ponder", "pglite")),
  /** How often the indexer asks the chain for new blocks, in ms. */
  POLLING_INTERVAL: z._default(z.coerce.number(), 1_000),
});

type DatabaseConfig = { kind: "pglite"; directory: string } | { kind: "postgres"; connectionString: string };

export type IndexerSettings = {
  rpcUrl: string;
  deployment: Deployment;
  database: DatabaseConfig;
  pollingInterval: number;
};

/** The indexer's configuration, from its environment, with working local defaults. */
export function indexerSettings(env: NodeJS.ProcessEnv): IndexerSettings {
  const parsed = environmentSchema.parse(env);
  const file = parsed.DEPLOYMENT_FILE ?? join(rootDir, "deployments", `${parsed.CHAIN_ID}.json`);
  const deployment = deploymentSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  if (deployment.chainId !== parsed.CHAIN_ID) {
    throw new Error(`${file} is a deployment on chain ${deployment.chainId}, not on CHAIN_ID ${parsed.CHAIN_ID}.`);
  }
  return {
    rpcUrl: parsed.RPC_URL,
    deployment,
    database: parsed.DATABASE_URL
      ? { kind: "postgres", connectionString: parsed.DATABASE_URL }
      : { kind: "pglite", directory: parsed.PGLITE_DIR },
    pollingInterval: parsed.POLLING_INTERVAL,
  };
}
