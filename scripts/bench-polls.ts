// `npm run bench:polls [-- --postgres]`: temperature checks at scale, against a fresh anvil with the real deployment
// and the app database: PGlite in a folder (as the app's default), and with --postgres also a throwaway PostgreSQL.
// For each database:
// 1. Reads. A poll created through `create`, given 200,000 counting votes and 20,000 superseded ones, among 1,000
//    polls (the votes and the other polls written with SQL, scripts/lib/poll-fixtures.ts; their signatures are
//    placeholders, which the read paths never check), then VACUUM ANALYZE as autovacuum would. Each read is timed
//    cold (the first call after the database was reopened: a new PGlite on the same folder, or the PostgreSQL server
//    restarted, so its shared buffers are empty; the OS file cache stays warm) and warm (median of `--runs`).
// 2. Writes. 500 real voters (anvil accounts from index 100, funded and self-delegated before the snapshot) sign votes
//    on another poll and cast them through `vote`, 10 in flight: votes/s and latency. The poll's export is then
//    re-verified in process (verifyPollExport) and by `npm run verify:poll`, as a user runs it.
// Prints markdown tables and the machine's load average at the start and the end. --explain also prints the
// database's EXPLAIN (ANALYZE, BUFFERS) of every read those calls ran. Flags size it down: --ballots, --superseded,
// --polls, --voters.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  createPublicClient,
  encodeFunctionData,
  getAbiItem,
  http,
  parseEther,
  toEventSelector,
  toHex,
  type Address,
  type LocalAccount,
} from "viem";
import { foundry } from "viem/chains";
import { MULTICALL3_ADDRESS } from "../lib/chain/multicall3";
import { contractsFor, type SystemContracts } from "../lib/contracts/bindings";
import { openDatabase, type Database, type Sql } from "../lib/database/database";
import { pollToJson, voteToJson } from "../lib/polls/api";
import { createPolls, type Polls } from "../lib/polls/polls";
import { defaultPollRules } from "../lib/polls/rules";
import { basicOptions, pollTypedData, pollVoteTypedData, type Poll } from "../lib/polls/typed-data";
import { verifyPollExport } from "../lib/polls/verify";
import { deploy } from "./deploy";
import { startAnvil } from "./lib/anvil";
import { buildContracts } from "./lib/build";
import { bulkSender, type ExpectedEvent } from "./lib/bulk-transactions";
import { anvilAccount, connectAnvil } from "./lib/chain";
import { governanceHelper } from "./lib/governance";
import { jsonRpc } from "./lib/json-rpc";
import { median } from "./lib/page-load";
import { rootDir } from "./lib/paths";
import { insertPollCopies, insertVotes } from "./lib/poll-fixtures";
import { startPostgres } from "./lib/postgres";
import { describeQuery, explainReads, recordingDatabase, type RecordedQuery } from "./lib/query-plans";

const { values: flags } = parseArgs({
  options: {
    postgres: { type: "boolean", default: false },
    explain: { type: "boolean", default: false },
    ballots: { type: "string" },
    superseded: { type: "string" },
    polls: { type: "string" },
    voters: { type: "string" },
    runs: { type: "string" },
  },
});

function count(flag: "ballots" | "superseded" | "polls" | "voters" | "runs", fallback: number): number {
  const text = flags[flag];
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${flag} takes a positive whole number.`);
  return value;
}

const BALLOTS = count("ballots", 200_000);
const SUPERSEDED = Math.min(BALLOTS, count("superseded", 20_000));
const POLLS = Math.max(count("polls", 1_000), 3);
const VOTERS = count("voters", 500);
const RUNS = count("runs", 5);
const IN_FLIGHT = 10;
const BALLOT_PAGES = 50;
const LIST_PAGE = Math.min(40, Math.ceil(POLLS / 20));
const FIRST_VOTER = 100;
const IP = "203.0.113.9";
const HOUR = 3_600n;
const DAY = 86_400n;
const REASON = "Lower the floor for a quarter and measure who joins.";

const n = (value: number) => value.toLocaleString("en-US");
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

type Store = {
  name: string;
  open: () => Promise<Database>;
  /** Empty the engine's own caches; the database is closed meanwhile. */
  chill: () => Promise<void>;
  stop: () => Promise<void>;
};

function pgliteStore(): Store {
  const dir = join(workDir, "pglite");
  mkdirSync(dir);
  return {
    name: "PGlite",
    open: () => openDatabase({ pgliteDir: dir }),
    chill: async () => {},
    stop: async () => {},
  };
}

async function postgresStore(): Promise<Store> {
  const postgres = await startPostgres();
  return {
    name: "PostgreSQL",
    open: () => openDatabase({ databaseUrl: postgres.databaseUrl }),
    chill: postgres.restart,
    stop: postgres.stop,
  };
}

// PGlite 0.2.13 stalls on a query whose result is over about 64 MiB, busy copying its output buffer: measured here,
// a 60.5 MiB result (187,000 of these votes) came back in 6 s and a 65.8 MiB one (203,500) had not after 4 minutes.
// The query runs in this thread, so no timer can stop it: the bench does not start one that large.

const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
type Timing = { cold: number; warm: number; note?: string } | { text: string };
type ReadRow = { operation: string; timings: Map<string, Timing> };
type WriteRow = {
  store: string;
  votes: number;
  seconds: number;
  p50: number;
  p95: number;
  max: number;
  verifySeconds: number;
  scriptSeconds: number;
};

const loadAtStart = load();
console.log(`Load average (1, 5, 15 min) at start: ${loadAtStart}`);
await buildContracts(() => undefined);
const workDir = mkdtempSync(join(tmpdir(), "plenum-bench-polls-"));
const anvil = await startAnvil({ args: ["--gas-limit", "300000000"] });
const stops: (() => Promise<void>)[] = [
  async () => rmSync(workDir, { recursive: true, force: true }),
  () => anvil.stop(),
];
const readRows: ReadRow[] = [];
const writeRows: WriteRow[] = [];
const plans: { store: string; operation: string; plans: { query: RecordedQuery; plan: string[] }[] }[] = [];
const warnings: string[] = [];
try {
  const chain = connectAnvil(anvil.rpcUrl);
  const reader = createPublicClient({
    chain: { ...foundry, contracts: { multicall3: { address: MULTICALL3_ADDRESS } } },
    transport: http(anvil.rpcUrl),
  });
  const deployment = await deploy({
    rpcUrl: anvil.rpcUrl,
    deploymentsDir: join(workDir, "deployments"),
  });
  const system = contractsFor(deployment);
  const author = anvilAccount(0);
  if (author.address !== deployment.deployer) throw new Error("The deployer is not anvil's account 0.");

  console.log(`Deriving ${n(VOTERS)} voters (anvil accounts ${FIRST_VOTER} on)...`);
  const voters = Array.from({ length: VOTERS }, (_, i) => anvilAccount(FIRST_VOTER + i));
  await fundVoters(system, author.address, voters);
  const snapshot = (await chain.getBlock()).timestamp;
  // The snapshot must be in the past; an hour later also lets some copied polls be closed already.
  await chain.setNextBlockTimestamp({ timestamp: snapshot + HOUR });
  await chain.mine({ blocks: 1 });
  const now = snapshot + HOUR;

  const stores = [pgliteStore(), ...(flags.postgres ? [await postgresStore()] : [])];
  for (const store of stores) {
    stops.push(store.stop);
    const chainSnapshot = await chain.snapshot();
    console.log(`\n${store.name}:`);
    let database = await store.open();
    const service = (on: Database = database) =>
      createPolls({
        client: reader,
        database: on,
        contracts: system,
        // The copied polls share one author, who then runs hundreds at once.
        rules: { ...defaultPollRules, livePollsPerAuthor: Number.MAX_SAFE_INTEGER },
      });
    let polls = service();

    const pollOf = (fields: Partial<Poll>): Poll => ({
      author: author.address,
      title: "Lower the inference fee floor",
      body: "Should the network **lower** the inference fee floor from 0.8 to 0.5 PLM per 1,000 tokens?",
      discussion: "https://forum.plenum.example/t/fee-floor",
      kind: "basic",
      options: [...basicOptions],
      snapshot,
      start: snapshot + 1n,
      end: now + 7n * DAY,
      actions: [],
      ...fields,
    });
    const create = async (poll: Poll) =>
      (
        await polls.create(
          { poll: pollToJson(poll), signature: await author.signTypedData(pollTypedData(await polls.domain(), poll)) },
          IP,
        )
      ).id;

    // ------------------------------------------------------------------ the data: 1,000 polls, one with 220,000 votes
    const loadStarted = performance.now();
    const template = await create(pollOf({ title: "Template for the copies" }));
    // In one transaction without the app's 15 s statement timeout: a bulk load is not a request.
    const bulk = (work: (sql: Sql) => Promise<void>) =>
      database.transaction(async (sql) => {
        await sql.query("SET LOCAL statement_timeout = 0");
        await work(sql);
      });
    await bulk((sql) =>
      insertPollCopies(sql, {
        template,
        count: POLLS - 3,
        closed: { start: snapshot + 1n, end: snapshot + HOUR / 2n },
        open: { start: snapshot + 1n, end: now + 7n * DAY },
        upcoming: { start: now + DAY, end: now + 2n * DAY },
        votesEach: 10,
      }),
    );
    const big = await create(pollOf({}));
    const bigPoll = pollOf({});
    const checkedAt = await chain.getBlockNumber();
    await bulk((sql) =>
      insertVotes(sql, {
        poll: big,
        kind: "basic",
        options: basicOptions.length,
        counting: BALLOTS,
        superseded: SUPERSEDED,
        start: bigPoll.start,
        end: bigPoll.end,
        block: checkedAt,
      }),
    );
    const votingPoll = pollOf({
      title: "Which accelerator should the next grant round favour?",
      kind: "single",
      options: ["GPU", "TPU", "FPGA", "ASIC"],
    });
    const voting = await create(votingPoll);
    await database.query("VACUUM ANALYZE polls");
    await database.query("VACUUM ANALYZE poll_votes");
    await database.query("VACUUM ANALYZE poll_ballots");
    await database.query("VACUUM ANALYZE poll_tallies");
    const [stored] = await database.query<{ polls: number; votes: number; ballots: number }>(
      `SELECT (SELECT count(*)::int FROM polls) AS polls, (SELECT count(*)::int FROM poll_votes) AS votes,
         (SELECT count(*)::int FROM poll_ballots) AS ballots`,
    );
    console.log(
      `  Stored ${n(stored.polls)} polls, ${n(stored.votes)} signed votes, ${n(stored.ballots)} counting ones in ` +
        `${((performance.now() - loadStarted) / 1000).toFixed(1)} s`,
    );

    // ------------------------------------------------------------------ reads, cold and warm
    const timed = async (run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    };
    const reopen = async () => {
      await database.close();
      await store.chill();
      database = await store.open();
      polls = service();
      await polls.domain();
      await database.query("SELECT 1");
    };
    const row = (operation: string) => {
      let found = readRows.find((existing) => existing.operation === operation);
      if (!found) readRows.push((found = { operation, timings: new Map() }));
      return found;
    };
    const measure = async (operation: string, run: (on: Polls) => Promise<unknown>, note?: string) => {
      await reopen();
      const cold = await timed(() => run(polls));
      const warm: number[] = [];
      for (let i = 0; i < RUNS; i++) warm.push(await timed(() => run(polls)));
      row(operation).timings.set(store.name, { cold, warm: median(warm), note });
      console.log(`  ${operation}: cold ${cold.toFixed(0)} ms, warm ${median(warm).toFixed(1)} ms`);
    };

    const view = await polls.get(big);
    if (view.result.voters !== BALLOTS) throw new Error(`The poll counts ${view.result.voters} voters.`);
    const misordered = await ballotOrderDiffers(database, polls, big, BALLOT_PAGES);
    if (misordered) {
      warnings.push(`${store.name}: the ballots pages are not in weight order: ${misordered}`);
      console.log(`  WARNING: ${warnings[warnings.length - 1]}`);
    }
    let cursor: string | null = null;
    let ballotPages = 1;
    for (; ballotPages < BALLOT_PAGES; ballotPages++) {
      const next: string | null = (await polls.ballots(big, cursor ?? undefined)).next;
      if (!next) break;
      cursor = next;
    }
    const ballotPage = cursor ?? undefined;
    const [deep] = await database.query<{ weight: string; voter: string }>(
      `SELECT weight::text, voter FROM poll_ballots WHERE poll_id = $1
       ORDER BY poll_ballots.weight DESC, poll_ballots.voter DESC OFFSET $2 LIMIT 1`,
      [big, Math.floor(BALLOTS / 2) - 1],
    );
    const deepCursor = `${deep.weight}:${deep.voter}`;
    let listPage: string | undefined;
    for (let page = 1; page < LIST_PAGE; page++) {
      const next: string | null = (await polls.list({ cursor: listPage })).next;
      if (!next) throw new Error(`The poll list ends at page ${page}.`);
      listPage = next;
    }

    const ballotsLabel = `${n(BALLOTS)} counting votes`;
    const reads: { operation: string; run: (on: Polls) => Promise<unknown>; note?: string }[] = [
      { operation: `get: the poll with ${ballotsLabel} (its tally)`, run: (on) => on.get(big) },
      { operation: "ballots: first page", run: (on) => on.ballots(big) },
      {
        operation: `ballots: page ${BALLOT_PAGES} (its cursor)`,
        run: (on) => on.ballots(big, ballotPage),
        note: ballotPages < BALLOT_PAGES ? `the pages ended at ${ballotPages}` : undefined,
      },
      {
        operation: `ballots: at ballot ${n(Math.floor(BALLOTS / 2))} (a built cursor)`,
        run: (on) => on.ballots(big, deepCursor),
      },
      {
        operation: `ballots: ${BALLOT_PAGES} pages, following cursors (total)`,
        run: async (on) => {
          let next: string | null = null;
          for (let page = 0; page < BALLOT_PAGES && (page === 0 || next); page++) {
            next = (await on.ballots(big, next ?? undefined)).next;
          }
        },
      },
      { operation: `list: first page of ${n(stored.polls)} polls (that poll on it)`, run: (on) => on.list() },
      { operation: `list: page ${LIST_PAGE}`, run: (on) => on.list({ cursor: listPage }) },
      { operation: "list: open polls, first page", run: (on) => on.list({ state: "open" }) },
    ];
    for (const read of reads) await measure(read.operation, read.run, read.note);
    const [{ votes }] = await database.query<{ votes: number }>(
      "SELECT count(*)::int AS votes FROM poll_votes WHERE poll_id = $1",
      [big],
    );
    /** The export downloaded to its end, as a client reads it: its size in bytes. */
    const download = async (on: Polls) => (await new Response(await on.exportPoll(big)).arrayBuffer()).byteLength;
    const exportBytes = await download(polls);
    await measure(
      `exportPoll: ${n(votes)} signed votes, streamed to the end`,
      download,
      `${(exportBytes / 1e6).toFixed(1)} MB of JSON`,
    );
    // What other requests see meanwhile: PGlite answers one query at a time, so each page of the export makes them wait.
    const during: number[] = [];
    let downloading = true;
    await Promise.all([
      download(polls).finally(() => (downloading = false)),
      (async () => {
        while (downloading) during.push(await timed(() => polls.get(big)));
      })(),
    ]);
    row("get while an export streams").timings.set(store.name, {
      text: `median ${ms(median(during))} / max ${ms(Math.max(...during))} (${during.length} calls)`,
    });
    console.log(
      `  get while an export streams: median ${median(during).toFixed(0)} ms, max ${Math.max(...during).toFixed(0)} ms`,
    );
    if (flags.explain) {
      const recorded = recordingDatabase(database);
      const traced = service(recorded.database);
      for (const read of reads) await read.run(traced);
      await download(traced);
      const explained = await explainReads(database, recorded.queries);
      plans.push({ store: store.name, operation: "get, ballots, list and exportPoll", plans: explained });
    }

    // ------------------------------------------------------------------ writes: real signed votes
    const domain = await polls.domain();
    const votedAt = (await chain.getBlock()).timestamp;
    const bodies = await Promise.all(
      voters.map(async (voter, i) => {
        const vote = {
          poll: voting,
          voter: voter.address,
          choice: BigInt(i % votingPoll.options.length),
          reason: i % 4 === 0 ? REASON : "",
          timestamp: votedAt,
        };
        return { vote: voteToJson(vote), signature: await voter.signTypedData(pollVoteTypedData(domain, vote)) };
      }),
    );
    const latencies: number[] = [];
    let next = 0;
    const votingStarted = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < bodies.length) {
          const i = next++;
          // Each voter from its own address, as in the field: one IP's rate limit is not what is measured.
          const ip = `10.0.${Math.floor(i / 250)}.${i % 250}`;
          latencies.push(await timed(() => polls.vote(voting, bodies[i], ip)));
        }
      }),
    );
    const votingSeconds = (performance.now() - votingStarted) / 1000;
    const counted = await polls.get(voting);
    if (counted.result.voters !== VOTERS) throw new Error(`${counted.result.voters} of ${VOTERS} votes counted.`);
    const sorted = latencies.sort((a, b) => a - b);
    const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
    console.log(`  ${n(VOTERS)} votes in ${votingSeconds.toFixed(1)} s`);

    const file = (await new Response(await polls.exportPoll(voting)).json()) as unknown;
    const verifyStarted = performance.now();
    const verified = await verifyPollExport(file, reader, system.governor.address);
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    if (verified.signedVotes !== VOTERS) throw new Error(`verifyPollExport checked ${verified.signedVotes} votes.`);
    const path = join(workDir, `poll-${store.name}.json`);
    writeFileSync(path, JSON.stringify(file, null, 2));
    const scriptSeconds = await verifyScript(path);
    writeRows.push({
      store: store.name,
      votes: VOTERS,
      seconds: votingSeconds,
      p50: percentile(50),
      p95: percentile(95),
      max: sorted[sorted.length - 1],
      verifySeconds,
      scriptSeconds,
    });

    if (flags.explain) {
      // One voter changes its mind, a second later: the reads of a vote.
      const recorded = recordingDatabase(database);
      const vote = { poll: voting, voter: voters[0].address, choice: 1n, reason: "", timestamp: votedAt + 1n };
      const signature = await voters[0].signTypedData(pollVoteTypedData(domain, vote));
      await service(recorded.database).vote(voting, { vote: voteToJson(vote), signature }, IP);
      plans.push({ store: store.name, operation: "vote", plans: await explainReads(database, recorded.queries) });
    }

    // ------------------------------------------------------------------ the big poll promoted: forProposal
    const governance = governanceHelper(chain, system);
    const description = `# ${bigPoll.title}\n\nFrom temperature check ${big}.`;
    const { id: proposalId } = await governance.propose(
      author,
      [{ target: system.token.address, value: 0n, calldata: "0x" }],
      description,
    );
    // anvil may keep the clock of a database measured before (a revert restores blocks, not always its offset).
    if ((await chain.getBlock()).timestamp <= bigPoll.end) {
      await chain.setNextBlockTimestamp({ timestamp: bigPoll.end + 1n });
      await chain.mine({ blocks: 1 });
    }
    await polls.linkProposal(big, { proposalId: proposalId.toString(), description }, IP);
    await measure(`forProposal: the poll with ${ballotsLabel}`, async (on) => {
      if (!(await on.forProposal(proposalId))) throw new Error("forProposal found no poll.");
    });

    if (flags.explain) {
      const recorded = recordingDatabase(database);
      await service(recorded.database).forProposal(proposalId);
      plans.push({
        store: store.name,
        operation: "forProposal",
        plans: await explainReads(database, recorded.queries),
      });
    }

    await database.close();
    await chain.revert({ id: chainSnapshot });
  }
} finally {
  for (const stop of stops.reverse()) await stop();
}

// ---------------------------------------------------------------------- the tables
const names = [...new Set(readRows.flatMap((row) => [...row.timings.keys()]))];
console.log(
  `\nReads (ms, cold / warm median of ${RUNS}; cold: the first call after the database was reopened, the PostgreSQL` +
    ` server restarted):\n`,
);
console.log(`| operation | ${names.map((name) => `${name} ms (cold / warm)`).join(" | ")} |`);
console.log(`|---|${names.map(() => "---|").join("")}`);
for (const row of readRows) {
  const cells = names.map((name) => {
    const timing = row.timings.get(name);
    if (!timing) return "–";
    if ("text" in timing) return timing.text;
    return `${ms(timing.cold)} / ${ms(timing.warm)}${timing.note ? ` (${timing.note})` : ""}`;
  });
  console.log(`| ${row.operation} | ${cells.join(" | ")} |`);
}

console.log(
  `\n${n(VOTERS)} real signed votes through vote(), ${IN_FLIGHT} in flight, then the poll's export re-verified:\n`,
);
console.log(
  "| app database | votes | votes/s | p50 vote (ms) | p95 (ms) | max (ms) | verifyPollExport (s) | votes verified/s | npm run verify:poll, wall (s) |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const row of writeRows) {
  console.log(
    `| ${row.store} | ${n(row.votes)} | ${(row.votes / row.seconds).toFixed(1)} | ${row.p50.toFixed(0)} | ${row.p95.toFixed(0)} | ${row.max.toFixed(0)} | ${row.verifySeconds.toFixed(2)} | ${(row.votes / row.verifySeconds).toFixed(0)} | ${row.scriptSeconds.toFixed(2)} |`,
  );
}

for (const { store, operation, plans: explained } of plans) {
  console.log(`\n${store}: EXPLAIN (ANALYZE, BUFFERS) of what ${operation} read:`);
  for (const { query, plan } of explained) {
    console.log(`\n${describeQuery(query)}`);
    for (const line of plan) console.log(`    ${line}`);
  }
}
for (const warning of warnings) console.log(`\nWARNING: ${warning}`);
console.log(`\nLoad average (1, 5, 15 min): at start ${loadAtStart}; at end ${load()}`);

/**
 * Each voter gets PLM from the deployer (100 to 10,000, varied) and delegates to itself, in as few blocks as they
 * fit, with the deployer's own self-delegation (so it can author polls). Transactions go in JSON-RPC batches from
 * impersonated senders with automine off (scripts/lib/bulk-transactions.ts).
 */
async function fundVoters(system: SystemContracts, deployer: Address, voters: LocalAccount[]) {
  const rpc = jsonRpc(anvil.rpcUrl);
  const eventOf = (name: "Transfer" | "DelegateChanged"): ExpectedEvent => ({
    name,
    address: system.token.address,
    topic: toEventSelector(getAbiItem({ abi: system.token.abi, name })),
  });
  await rpc.batch(
    voters.map((voter) => ({ method: "anvil_setBalance", params: [voter.address, toHex(parseEther("1"))] })),
  );
  const nonces = new Map([[deployer, Number(await rpc.call("eth_getTransactionCount", [deployer, "pending"]))]]);
  const sender = bulkSender(rpc, { nonces, log: (line) => console.log(`  ${line}`) });
  await rpc.call("evm_setAutomine", [false]);
  await rpc.call("anvil_autoImpersonateAccount", [true]);
  try {
    await sender.send(
      "PLM to the voters",
      voters.map((voter, i) => ({
        from: deployer,
        to: system.token.address,
        data: encodeFunctionData({
          abi: system.token.abi,
          functionName: "transfer",
          args: [voter.address, parseEther(String(100 + ((i * 7_919) % 9_901)))],
        }),
        gas: 100_000,
        label: `PLM to ${voter.address}`,
      })),
      eventOf("Transfer"),
    );
    await sender.send(
      "self-delegations",
      [deployer, ...voters.map((voter) => voter.address)].map((account) => ({
        from: account,
        to: system.token.address,
        data: encodeFunctionData({ abi: system.token.abi, functionName: "delegate", args: [account] }),
        gas: 150_000,
        label: `${account} delegating to itself`,
      })),
      eventOf("DelegateChanged"),
    );
  } finally {
    await rpc.call("evm_setAutomine", [true]);
    await rpc.call("anvil_autoImpersonateAccount", [false]);
  }
}

/**
 * Where the first `pages` pages of `ballots` (following each page's cursor) part from the heaviest-first order SQL
 * gives over the stored numbers; undefined when they follow it.
 */
async function ballotOrderDiffers(database: Database, polls: Polls, id: string, pages: number) {
  const served: string[] = [];
  let next: string | null = null;
  for (let page = 0; page < pages && (page === 0 || next); page++) {
    const answer = await polls.ballots(id, next ?? undefined);
    served.push(...answer.items.map((ballot) => `${ballot.voter} (${ballot.weight})`));
    next = answer.next;
  }
  const expected = (
    await database.query<{ voter: string; weight: string }>(
      `SELECT voter, weight::text FROM poll_ballots WHERE poll_id = $1
       ORDER BY poll_ballots.weight DESC, poll_ballots.voter DESC LIMIT $2`,
      [id, pages * 20],
    )
  ).map((ballot) => `${ballot.voter} (${ballot.weight})`);
  const at = expected.findIndex((ballot, i) => served[i] !== ballot);
  if (at === -1) return undefined;
  return `ballot ${at + 1} served is ${served[at] ?? "none (the pages ended)"}; by weight it is ${expected[at]}`;
}

/** `npm run verify:poll -- <file> --rpc <anvil>` as a user runs it; its wall time in seconds. Fails unless it verifies. */
function verifyScript(file: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(rootDir, "node_modules", ".bin", "tsx"),
      ["scripts/verify-poll.ts", file, "--rpc", anvil.rpcUrl],
      {
        cwd: rootDir,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`verify:poll exited ${code}: ${stderr.trim()}`)),
    );
  });
}
