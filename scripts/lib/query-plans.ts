// The SQL a piece of app code runs, recorded through a Database wrapper, and the database's EXPLAIN (ANALYZE,
// BUFFERS) of each distinct read: benchmarks show the plans of the code as it is, not of copies of its queries.
import type { Database, Sql } from "../../lib/database/database";

export type RecordedQuery = { text: string; params?: unknown[] };

/** `database`, with every query it runs (in transactions too) appended to `queries`. */
export function recordingDatabase(database: Database): { database: Database; queries: RecordedQuery[] } {
  const queries: RecordedQuery[] = [];
  const record = (sql: Sql): Sql => ({
    query<Row>(text: string, params?: unknown[]) {
      queries.push({ text, params });
      return sql.query<Row>(text, params);
    },
  });
  return {
    database: {
      ...database,
      ...record(database),
      transaction: (work) => database.transaction((sql) => work(record(sql))),
    },
    queries,
  };
}

/** One line of SQL, with `$n` parameters shown as the values it ran with (long ones cut). */
export function describeQuery({ text, params = [] }: RecordedQuery): string {
  const sql = text.replace(/\s+/g, " ").trim();
  const values = params.map((param, i) => {
    const value = String(param);
    return `$${i + 1}=${value.length > 24 ? `${value.slice(0, 12)}…` : value}`;
  });
  return values.length > 0 ? `${sql}  [${values.join(", ")}]` : sql;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each distinct SELECT among `queries` (the first time each text ran, with its
 * parameters), except advisory locks. Nothing is written: only reads are explained.
 */
export async function explainReads(
  database: Database,
  queries: RecordedQuery[],
): Promise<{ query: RecordedQuery; plan: string[] }[]> {
  const seen = new Set<string>();
  const plans: { query: RecordedQuery; plan: string[] }[] = [];
  for (const query of queries) {
    if (!/^\s*SELECT\b/i.test(query.text) || query.text.includes("pg_advisory") || seen.has(query.text)) continue;
    seen.add(query.text);
    const rows = await database.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`,
      query.params,
    );
    plans.push({ query, plan: rows.map((row) => row["QUERY PLAN"]) });
  }
  return plans;
}
