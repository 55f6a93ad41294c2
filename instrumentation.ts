// Runs once when a server process starts: the app database opens now (PGlite's first start takes seconds), so the
// first relay request does not wait for it, and a bad DATABASE_URL shows in the log at once; the webhook sender starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { appDatabase } = await import("./lib/database/app-database");
  appDatabase().catch((error: unknown) =>
    console.error(
      `app database: not ready (${error instanceof Error ? error.message : String(error)}); retried on first use`,
    ),
  );
  const { startWebhookSender } = await import("./lib/notifications/server");
  startWebhookSender().catch((error: unknown) =>
    console.error(`webhooks: the sender did not start: ${error instanceof Error ? error.message : String(error)}`),
  );
}
