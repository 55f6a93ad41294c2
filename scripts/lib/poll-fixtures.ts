// Temperature-check rows written straight into the app database with SQL (generate_series), for benchmarks of the
// read paths: polls copied from a real one, and votes whose signatures are placeholders that verify for nobody.
// Every value comes from md5 of its row number, so PGlite and PostgreSQL hold the same data.
import type { Sql } from "../../lib/database/database";

/** A number in [0, 1) from md5 of `salt` and the row number `g`. */
const unit = (salt: string) => `(('x' || substr(md5('${salt}' || g), 1, 8))::bit(32)::bigint / 4294967296.0)`;
/** `hexChars` hex characters from md5 of `salt` and `g`. */
const hex = (salt: string, hexChars: number) =>
  `substr(${Array.from({ length: Math.ceil(hexChars / 32) }, (_, i) => `md5('${salt}${i}' || g)`).join(" || ")}, 1, ${hexChars})`;

const voter = `'0x' || ${hex("voter", 40)}`;
// Log-uniform from 1 to 1,000,000 PLM: a few whales, many small holders.
const weight = `floor(power(10::numeric, 18 + 6 * ${unit("weight")}))`;
// One voter in four gives a reason of 40 to 240 characters.
const reason = `CASE WHEN g % 4 = 0 THEN left(repeat('The fee floor keeps small providers out; lower it for a quarter and measure. ', 4), 40 + (g % 200)) ELSE '' END`;
const signature = `'0x' || ${hex("signature", 128)} || '1b'`;

export type VoteRows = {
  poll: string;
  /** The poll's kind and option count: choices are option indexes for basic and single polls, bit masks otherwise. */
  kind: "basic" | "single" | "approval";
  options: number;
  /** Counting votes (in poll_votes and poll_ballots), the first `superseded` of whose voters also have an older vote. */
  counting: number;
  superseded: number;
  /** Signing times fall in [start, end]. */
  start: bigint;
  end: bigint;
  /** The block every vote is said to be checked at. */
  block: bigint;
};

/** Each counting vote counted again into the polls' running results (poll_tallies), as `vote` keeps them. */
async function recountTallies(sql: Sql, polls: string, params: unknown[]) {
  await sql.query(`DELETE FROM poll_tallies WHERE poll_id IN (${polls})`, params);
  await sql.query(
    `INSERT INTO poll_tallies (poll_id, choice, weight, voters)
     SELECT poll_id, choice, sum(weight), count(*) FROM poll_ballots WHERE poll_id IN (${polls}) GROUP BY poll_id, choice`,
    params,
  );
}

const BATCH = 50_000;

/** Insert `counting` voters' counting votes and `superseded` older ones on one poll, in batches. */
export async function insertVotes(sql: Sql, rows: VoteRows): Promise<void> {
  const span = rows.end - rows.start - 1_000n;
  if (span <= 0n) throw new Error("The poll's window is too short for synthetic votes.");
  const choice =
    rows.kind === "approval"
      ? `1 + floor(${unit("choice")} * ${2 ** rows.options - 1})`
      : `floor(${unit("choice")} * ${rows.options})`;
  const insert = async (salt: string, signedAt: string, from: number, to: number) =>
    sql.query(
      `INSERT INTO poll_votes (digest, poll_id, voter, choice, reason, signed_at, signature, weight, verified_block)
       SELECT '0x' || ${hex(salt, 64)}, $1, ${voter}, ${choice}, ${reason}, ${signedAt}, ${signature}, ${weight},
         $4::bigint
       FROM generate_series($2::int, $3::int) g`,
      [rows.poll, from, to, rows.block],
    );
  // Counting votes are signed from start + 1,000 s on, superseded ones in the first 1,000 s.
  for (let from = 1; from <= rows.counting; from += BATCH) {
    const to = Math.min(rows.counting, from + BATCH - 1);
    await insert("counting", `${rows.start + 1_000n} + (g % ${span})`, from, to);
  }
  await sql.query(
    `INSERT INTO poll_ballots (poll_id, voter, digest, choice, weight, reason, signed_at)
     SELECT poll_id, voter, digest, choice, weight, reason, signed_at FROM poll_votes WHERE poll_id = $1`,
    [rows.poll],
  );
  for (let from = 1; from <= rows.superseded; from += BATCH) {
    const to = Math.min(rows.superseded, from + BATCH - 1);
    await insert("superseded", `${rows.start} + (g % 1000)`, from, to);
  }
  await recountTallies(sql, "$1", [rows.poll]);
}

export type PollCopies = {
  /** A stored poll whose domain, author, signature, kind, snapshot, supply and quorum the copies take. */
  template: string;
  count: number;
  /** Each copy is closed, open or upcoming in turn, by these times. */
  closed: { start: bigint; end: bigint };
  open: { start: bigint; end: bigint };
  upcoming: { start: bigint; end: bigint };
  /** Counting votes on each copy. */
  votesEach: number;
};

/** Insert `count` copies of the template poll (titled "Poll copy <n>"), with `votesEach` counting votes on each. */
export async function insertPollCopies(sql: Sql, copies: PollCopies): Promise<void> {
  const [{ last }] = await sql.query<{ last: string }>("SELECT coalesce(max(seq), 0)::text AS last FROM polls");
  const time = (field: "start" | "end") =>
    `(CASE g % 3 WHEN 0 THEN ${copies.closed[field]} WHEN 1 THEN ${copies.open[field]} ELSE ${copies.upcoming[field]} END)`;
  await sql.query(
    `INSERT INTO polls (id, chain_id, governor, author, title, kind, snapshot, start_time, end_time, message, signature,
       supply, quorum, verified_block)
     SELECT '0x' || ${hex("poll", 64)}, chain_id, governor, author, 'Poll copy ' || g, kind, snapshot, ${time("start")},
       ${time("end")}, jsonb_set(message, '{title}', to_jsonb('Poll copy ' || g)), signature, supply, quorum,
       verified_block
     FROM polls, generate_series(1, $2::int) g WHERE id = $1 ORDER BY g`,
    [copies.template, copies.count],
  );
  const [template] = await sql.query<{ kind: VoteRows["kind"]; options: number }>(
    "SELECT kind, jsonb_array_length(message->'options') AS options FROM polls WHERE id = $1",
    [copies.template],
  );
  const choice = template.kind === "approval" ? "1" : `floor(${unit("choice")} * ${template.options})`;
  await sql.query(
    `INSERT INTO poll_votes (digest, poll_id, voter, choice, reason, signed_at, signature, weight, verified_block)
     SELECT '0x' || md5(p.id || g) || md5(g || p.id), p.id, ${voter}, ${choice}, ${reason}, p.start_time, ${signature},
       ${weight}, p.verified_block
     FROM polls p, generate_series(1, $2::int) g WHERE p.seq > $1`,
    [last, copies.votesEach],
  );
  await sql.query(
    `INSERT INTO poll_ballots (poll_id, voter, digest, choice, weight, reason, signed_at)
     SELECT v.poll_id, v.voter, v.digest, v.choice, v.weight, v.reason, v.signed_at
     FROM poll_votes v JOIN polls p ON p.id = v.poll_id WHERE p.seq > $1`,
    [last],
  );
  await recountTallies(sql, "SELECT id FROM polls WHERE seq > $1", [last]);
}
