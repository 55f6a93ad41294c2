import "server-only";
import { appDatabaseLocation } from "../server-config";
import { openDatabase, type Database } from "./database";

// One database per server process, kept on globalThis: instrumentation.ts opens it at start and the route handlers
// (another bundle, another copy of this module) use the same pool.
const shared = globalThis as typeof globalThis & { plenumAppDatabase?: Promise<Database> };

/** The app's database as configured (DATABASE_URL or APP_PGLITE_DIR), opened and migrated on first use. */
export function appDatabase(): Promise<Database> {
  shared.plenumAppDatabase ??= openDatabase(appDatabaseLocation()).catch((error: unknown) => {
    shared.plenumAppDatabase = undefined;
    throw error;
  });
  return shared.plenumAppDatabase;
}
