import type { Database } from "./database";

/**
 * Counts one more request under `key` in the current minute and answers how many it has had (table
 * relay_requests, which every rate-limited route shares; a route's keys carry its prefix). Counts older than an
 * hour are deleted by the first request of each minute.
 */
export async function countRequest(database: Database, key: string): Promise<number> {
  const [{ count }] = await database.query<{ count: number }>(
    `INSERT INTO relay_requests (client_ip, minute, count) VALUES ($1, date_trunc('minute', now()), 1)
     ON CONFLICT (client_ip, minute) DO UPDATE SET count = relay_requests.count + 1 RETURNING count`,
    [key],
  );
  if (count === 1) await database.query("DELETE FROM relay_requests WHERE minute < now() - interval '1 hour'");
  return count;
}
