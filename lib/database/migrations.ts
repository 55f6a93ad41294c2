import type { Database } from "./database";

/**
 * The app database's schema, one step per version, applied in order and recorded in `schema_migrations`. A step is
 * never edited once released: a change is a new step. uint256 values are numeric(78); addresses are lowercase hex.
 */
const steps: { version: number; statements: string[] }[] = [
  {
    version: 1,
    statements: [
      `-- Every transaction the relay sent for a signer: the quotas and the daily budget are counted from here.
        CREATE TABLE relay_transactions (
          hash text PRIMARY KEY,
          chain_id bigint NOT NULL,
          kind text NOT NULL CHECK (kind IN ('vote', 'delegation')),
          signer text NOT NULL,
          signer_nonce numeric(78) NOT NULL,
          proposal_id numeric(78),
          sponsor text NOT NULL,
          sponsor_nonce bigint NOT NULL,
          client_ip text NOT NULL,
          -- gas limit × max fee per gas: what the transaction can cost at most, counted until it is mined
          reserved_cost numeric(78) NOT NULL,
          -- gas used × effective gas price, once mined
          cost numeric(78),
          status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'mined', 'reverted')),
          sent_at timestamptz NOT NULL DEFAULT now(),
          mined_at timestamptz
        )`,
      `CREATE INDEX relay_transactions_by_signer ON relay_transactions (chain_id, signer, kind, sent_at)`,
      `CREATE INDEX relay_transactions_by_time ON relay_transactions (chain_id, sponsor, sent_at)`,
      `-- A signature is relayed once: one live transaction per signer nonce.
        CREATE UNIQUE INDEX relay_transactions_one_per_nonce ON relay_transactions (chain_id, kind, signer, signer_nonce)
          WHERE status <> 'reverted'`,
      `-- Requests per client address per minute, for the rate limit.
        CREATE TABLE relay_requests (
          client_ip text NOT NULL,
          minute timestamptz NOT NULL,
          count integer NOT NULL,
          PRIMARY KEY (client_ip, minute)
        )`,
      `CREATE INDEX relay_requests_by_minute ON relay_requests (minute)`,
    ],
  },
  {
    version: 2,
    statements: [
      `-- Temperature checks: each poll as signed (message, signature) and what was read at its snapshot.
        CREATE TABLE polls (
          id text PRIMARY KEY,
          seq bigserial UNIQUE,
          chain_id bigint NOT NULL,
          governor text NOT NULL,
          author text NOT NULL,
          title text NOT NULL,
          kind text NOT NULL,
          snapshot bigint NOT NULL,
          start_time bigint NOT NULL,
          end_time bigint NOT NULL,
          message jsonb NOT NULL,
          signature text NOT NULL,
          supply numeric(78) NOT NULL,
          quorum numeric(78) NOT NULL,
          proposal_id numeric(78) UNIQUE,
          -- the block at which the server checked the signature: a contract wallet (ERC-1271) answers for its state
          -- at a block, which may change afterwards, so verify:poll checks the signature there
          verified_block bigint NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now()
        )`,
      `CREATE INDEX polls_by_dao ON polls (chain_id, governor, seq)`,
      `-- Every accepted signed vote, superseded ones included: the export carries them all.
        CREATE TABLE poll_votes (
          digest text PRIMARY KEY,
          poll_id text NOT NULL REFERENCES polls (id),
          voter text NOT NULL,
          choice numeric(78) NOT NULL,
          reason text NOT NULL,
          signed_at bigint NOT NULL,
          signature text NOT NULL,
          weight numeric(78) NOT NULL,
          verified_block bigint NOT NULL,
          received_at timestamptz NOT NULL DEFAULT now()
        )`,
      `CREATE INDEX poll_votes_by_voter ON poll_votes (poll_id, voter, signed_at)`,
      `-- Each voter's counting vote (the latest signed one): results and voter lists read only this.
        CREATE TABLE poll_ballots (
          poll_id text NOT NULL REFERENCES polls (id),
          voter text NOT NULL,
          digest text NOT NULL REFERENCES poll_votes (digest),
          choice numeric(78) NOT NULL,
          weight numeric(78) NOT NULL,
          reason text NOT NULL,
          signed_at bigint NOT NULL,
          PRIMARY KEY (poll_id, voter)
        )`,
      `CREATE INDEX poll_ballots_by_weight ON poll_ballots (poll_id, weight DESC, voter DESC)`,
    ],
  },
  {
    version: 3,
    statements: [
      `-- The export reads a poll's signed votes in signing order, a page at a time.
        CREATE INDEX poll_votes_in_order ON poll_votes (poll_id, signed_at, voter)`,
      `-- Each poll's running result: the counting votes' weight and count per choice, kept with poll_ballots.
        CREATE TABLE poll_tallies (
          poll_id text NOT NULL REFERENCES polls (id),
          choice numeric(78) NOT NULL,
          weight numeric(78) NOT NULL,
          voters integer NOT NULL,
          PRIMARY KEY (poll_id, choice)
        )`,
      `INSERT INTO poll_tallies (poll_id, choice, weight, voters)
        SELECT poll_id, choice, sum(weight), count(*) FROM poll_ballots GROUP BY poll_id, choice`,
    ],
  },
  {
    version: 4,
    statements: [
      `-- Webhook subscriptions: where to send which DAO events, signed with the secret given at registration.
        CREATE TABLE webhook_subscriptions (
          id text PRIMARY KEY,
          owner text NOT NULL,
          url text NOT NULL,
          events text[] NOT NULL,
          secret text NOT NULL,
          -- the registration's EIP-712 digest: one registration per signature
          signature_digest text NOT NULL UNIQUE,
          -- chain time at registration: events from that second on are delivered (blocks may share a second)
          created_chain_time bigint NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          deleted_at timestamptz
        )`,
      `CREATE INDEX webhook_subscriptions_by_owner ON webhook_subscriptions (owner, created_at)`,
      `-- One row per event and subscription, whatever happens: the primary key makes each delivery exactly once.
        CREATE TABLE webhook_deliveries (
          subscription_id text NOT NULL REFERENCES webhook_subscriptions (id),
          event_id text NOT NULL,
          event_type text NOT NULL,
          event_time bigint NOT NULL,
          body text NOT NULL,
          status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
          attempts integer NOT NULL DEFAULT 0,
          -- a pending delivery is due from then; a claimed one is leased until then
          next_attempt_at timestamptz NOT NULL DEFAULT now(),
          last_status integer,
          last_error text,
          created_at timestamptz NOT NULL DEFAULT now(),
          delivered_at timestamptz,
          seq bigserial UNIQUE,
          PRIMARY KEY (subscription_id, event_id)
        )`,
      `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
      `CREATE INDEX webhook_deliveries_log ON webhook_deliveries (subscription_id, seq)`,
      `-- How far the sender has read the DAO's events: every event up to this chain time is in webhook_deliveries.
        CREATE TABLE webhook_progress (
          id boolean PRIMARY KEY DEFAULT true CHECK (id),
          chain_time bigint NOT NULL
        )`,
    ],
  },
];

/** An arbitrary constant: the advisory lock that keeps two app instances from migrating at once. */
const MIGRATION_LOCK = 7_215_002;

export async function migrate(database: Database): Promise<void> {
  await database.transaction(async (sql) => {
    await sql.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await sql.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const applied = new Set(
      (await sql.query<{ version: number }>("SELECT version FROM schema_migrations")).map((row) => row.version),
    );
    for (const step of steps) {
      if (applied.has(step.version)) continue;
      for (const statement of step.statements) await sql.query(statement);
      await sql.query("INSERT INTO schema_migrations (version) VALUES ($1)", [step.version]);
    }
  });
}
