// `npm run bench:scale`: the synthetic scale DAO (scripts/lib/scale-dao.ts: 1,000 proposals, 200,000 votes with
// reasons, 50,000 delegators over 2,000 delegates with statements) generated through the real contracts on a fresh
// anvil, then the indexer's backfill of it. Flags size it down (`--proposals`, `--votes`, `--big-proposal-votes`,
// `--delegators`, `--delegates`, e.g. `--votes 20000`). For each database of `--databases` (default
// `pglite,postgres`, the PostgreSQL a throwaway cluster): the backfill's time, rate and memory, then the pages served
// from it, cold in Chromium, 5 loads each (median): time to content, RPC HTTP requests from the browser, bytes
// downloaded, first-load JS; and the indexer's routes that read across the whole DAO (events, analytics). `--no-pages` skips the pages, `--no-indexer` stops after the generation. Prints markdown.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Deployment } from "../lib/contracts/deployment";
import { deploy } from "./deploy";
import { freePort, startAnvil } from "./lib/anvil";
import { buildApp, startApp } from "./lib/app";
import { buildContracts } from "./lib/build";
import { jsonRpc } from "./lib/json-rpc";
import { startIndexer, type Indexer } from "./lib/indexer";
import { coldLoad, firstLoadJsGzip, launchBenchBrowser, median, type PageLoad } from "./lib/page-load";
import { startPostgres } from "./lib/postgres";
import { formatBytes, peakResidentBytes, peakResidentBytesOfTree } from "./lib/process-memory";
import { generateScaleDao, scaleAnvilArgs, scaleDaoDefaults, type ScaleDao, type ScaleDaoSize } from "./lib/scale-dao";

const { values: flags } = parseArgs({
  options: {
    proposals: { type: "string" },
    votes: { type: "string" },
    "big-proposal-votes": { type: "string" },
    delegators: { type: "string" },
    delegates: { type: "string" },
    databases: { type: "string", default: "pglite,postgres" },
    "no-indexer": { type: "boolean", default: false },
    "no-pages": { type: "boolean", default: false },
  },
});

function count(flag: keyof typeof flags, fallback: number): number {
  const text = flags[flag];
  if (typeof text !== "string") return fallback;
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${flag} takes a whole number, not "${text}".`);
  return value;
}

const size: ScaleDaoSize = {
  proposals: count("proposals", scaleDaoDefaults.proposals),
  votes: count("votes", scaleDaoDefaults.votes),
  bigProposalVotes: count("big-proposal-votes", scaleDaoDefaults.bigProposalVotes),
  delegators: count("delegators", scaleDaoDefaults.delegators),
  delegates: count("delegates", scaleDaoDefaults.delegates),
};

type Backfill = {
  database: string;
  seconds: number;
  eventsPerSecond: number;
  /** Until it had also indexed the chain's latest block (the same block when nothing is mined meanwhile). */
  caughtUpSeconds: number;
  peakMemory: number;
};

// Ponder treats the last 30 blocks of chain 31337 as unfinalized and indexes them one by one, as live blocks: empty
// blocks after the generated ones put every generated event in the backfill.
const ponderUnfinalizedBlocks = 30;

const BACKFILL_TARGET_EVENTS_PER_SECOND = 2_000;

/**
 * The indexer's backfill of everything generated: from its start until its `/ready` route answers 200 (Ponder's
 * "historical indexing done"), and the peak memory of its process tree by then. The indexer keeps running.
 */
async function backfillIndexer(options: {
  rpcUrl: string;
  deployment: Deployment;
  events: number;
  databaseUrl?: string;
}): Promise<{ indexer: Indexer; backfill: Omit<Backfill, "database"> }> {
  const port = await freePort();
  const started = performance.now();
  let giveUp = false;
  const ready = (async () => {
    while (!giveUp) {
      const response = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(2_000) }).catch(
        () => undefined,
      );
      if (response?.status === 200) return performance.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return undefined;
  })();
  const indexer = await startIndexer({
    rpcUrl: options.rpcUrl,
    deployment: options.deployment,
    databaseUrl: options.databaseUrl,
    port,
    readyTimeoutMs: 3_600_000,
  }).catch((error: unknown) => {
    giveUp = true;
    throw error;
  });
  const caughtUpSeconds = (performance.now() - started) / 1000;
  // Caught up with the chain: /ready follows within moments (it may also have come first).
  const timer = setTimeout(() => (giveUp = true), 60_000);
  const readyAt = await ready;
  clearTimeout(timer);
  if (readyAt === undefined) {
    await indexer.stop();
    throw new Error(`The indexer caught up but ${indexer.url}/ready never answered 200.`);
  }
  const seconds = (readyAt - started) / 1000;
  return {
    indexer,
    backfill: {
      seconds,
      eventsPerSecond: options.events / seconds,
      caughtUpSeconds,
      peakMemory: peakResidentBytesOfTree(indexer.process.pid!),
    },
  };
}

const LOADS_PER_PAGE = 5;
const CONTENT_TARGET_MS = 1_000;
const PROPOSAL_RPC_REQUEST_TARGET = 2;

type PageRow = { name: string; loads: PageLoad[]; firstLoadJs: number };

/**
 * The pages over the scale DAO, served by the production build from `indexer`: each loaded cold
 * `LOADS_PER_PAGE` times; the content is what a reader came for, history and live state both.
 */
async function measurePages(options: { rpcUrl: string; indexer: Indexer; dao: ScaleDao }): Promise<PageRow[]> {
  const delegates = (await (await fetch(`${options.indexer.url}/delegates?sort=votingPower&limit=1`)).json()) as {
    items: { address: string }[];
  };
  const topDelegate = delegates.items[0]?.address;
  if (!topDelegate) throw new Error("The indexer lists no delegates.");
  const pages = [
    {
      name: "/",
      path: "/",
      content: ['[data-testid="needs-attention"] [data-testid="proposal-row"]', '[data-testid="value"]'],
    },
    { name: "/proposals", path: "/proposals", content: ['[data-testid="proposal-row"]'] },
    {
      name: `/proposals/[id] (${options.dao.bigProposalVotes.toLocaleString("en-US")} votes)`,
      path: `/proposals/${options.dao.bigProposalId}`,
      content: ['[data-testid="quorum-progress"]', '[data-testid="voter"]'],
    },
    { name: "/delegates", path: "/delegates", content: ['[data-testid="delegate-row"]'] },
    {
      name: "/analytics",
      path: "/analytics",
      content: ['[data-testid="turnout"] [role="img"]', '[data-testid="delegated-share"]'],
    },
    {
      name: "/delegates/[address] (top delegate)",
      path: `/delegates/${topDelegate}`,
      content: ['[data-testid="delegate-title"]', '[data-testid="vote-row"]'],
    },
  ];
  const app = await startApp({ port: await freePort(), publicRpcUrl: options.rpcUrl, indexerUrl: options.indexer.url });
  const browser = await launchBenchBrowser();
  try {
    const rows: PageRow[] = [];
    for (const page of pages) {
      const url = `${app.url}${page.path}`;
      // One load first, so that the server loading the route's code is not counted as a reader's wait.
      await coldLoad(browser, { url, content: page.content, rpcUrl: options.rpcUrl });
      const loads: PageLoad[] = [];
      for (let i = 0; i < LOADS_PER_PAGE; i++) {
        loads.push(await coldLoad(browser, { url, content: page.content, rpcUrl: options.rpcUrl }));
      }
      rows.push({ name: page.name, loads, firstLoadJs: await firstLoadJsGzip(url) });
    }
    return rows;
  } finally {
    await browser.close();
    await app.stop();
  }
}

const ROUTE_CALLS = 5;

type RouteRow = { name: string; coldMs: number; warmMs: number; bytes: number };

/**
 * The indexer's history routes that read across the whole DAO (events for feeds and webhooks, analytics), each called
 * once cold and `ROUTE_CALLS` times more (median), at the chain's time.
 */
async function measureRoutes(indexer: Indexer, now: bigint): Promise<RouteRow[]> {
  const settings = (quorumNumerator: number) =>
    `quorumNumerator=${quorumNumerator}&votingPeriod=432000&lateQuorumExtension=86400&now=${now}`;
  const routes = [
    { name: "/events, newest 50", path: `/events?until=${now}&limit=50` },
    { name: "/events, oldest 100 (a webhook sender's read)", path: `/events?until=${now}&order=oldest&limit=100` },
    { name: "/events, one type, newest 50", path: `/events?until=${now}&types=proposal.executed&limit=50` },
    { name: "/analytics/proposals, 100", path: `/analytics/proposals?limit=100&now=${now}` },
    { name: "/analytics/delegation", path: `/analytics/delegation?now=${now}` },
    { name: "/analytics/what-if, the governor's settings", path: `/analytics/what-if?${settings(4)}` },
    { name: "/analytics/what-if, quorum 10%", path: `/analytics/what-if?${settings(10)}` },
  ];
  const call = async (path: string) => {
    const started = performance.now();
    const response = await fetch(`${indexer.url}${path}`);
    const body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${new TextDecoder().decode(body)}`);
    return { ms: performance.now() - started, bytes: body.byteLength };
  };
  const rows: RouteRow[] = [];
  for (const route of routes) {
    const cold = await call(route.path);
    const warm: number[] = [];
    for (let i = 0; i < ROUTE_CALLS; i++) warm.push((await call(route.path)).ms);
    rows.push({ name: route.name, coldMs: cold.ms, warmMs: median(warm), bytes: cold.bytes });
  }
  return rows;
}

const databaseNames = { pglite: "PGlite", postgres: "PostgreSQL" } as const;
type DatabaseKind = keyof typeof databaseNames;

function databasesToMeasure(): DatabaseKind[] {
  const kinds = flags.databases.split(",").map((kind) => kind.trim());
  for (const kind of kinds) {
    if (!(kind in databaseNames)) throw new Error(`--databases takes pglite and/or postgres, not "${kind}".`);
  }
  return kinds as DatabaseKind[];
}

async function main() {
  const databases = flags["no-indexer"] ? [] : databasesToMeasure();
  await buildContracts();
  if (databases.length > 0 && !flags["no-pages"]) await buildApp();
  const anvil = await startAnvil({ args: scaleAnvilArgs });
  try {
    const deployment = await deploy({
      rpcUrl: anvil.rpcUrl,
      deploymentsDir: mkdtempSync(join(tmpdir(), "plenum-scale-")),
    });
    const dao = await generateScaleDao({ rpcUrl: anvil.rpcUrl, deployment, ...size, log: console.log });
    // Raw JSON-RPC, without viem's 10 s timeout: each block costs anvil about a second on a state this large.
    await jsonRpc(anvil.rpcUrl).call("anvil_mine", [`0x${ponderUnfinalizedBlocks.toString(16)}`]);
    const anvilPeak = peakResidentBytes(anvil.process.pid!) ?? 0;
    const events = Object.values(dao.events).reduce((sum, n) => sum + n, 0);

    const backfills: Backfill[] = [];
    const pageTables: { database: string; rows: PageRow[] }[] = [];
    const routeTables: { database: string; rows: RouteRow[] }[] = [];
    for (const kind of databases) {
      const database = databaseNames[kind];
      const postgres = kind === "postgres" ? await startPostgres({ log: console.log }) : undefined;
      try {
        console.log(`Backfilling the indexer (${database})...`);
        const { indexer, backfill } = await backfillIndexer({
          rpcUrl: anvil.rpcUrl,
          deployment,
          events,
          databaseUrl: postgres?.databaseUrl,
        });
        backfills.push({ database, ...backfill });
        try {
          console.log(`Calling the history routes (${database})...`);
          const head = await jsonRpc(anvil.rpcUrl).call<{ timestamp: string }>("eth_getBlockByNumber", [
            "latest",
            false,
          ]);
          routeTables.push({ database, rows: await measureRoutes(indexer, BigInt(head.timestamp)) });
          if (!flags["no-pages"]) {
            console.log(`Loading the pages (${database})...`);
            pageTables.push({ database, rows: await measurePages({ rpcUrl: anvil.rpcUrl, indexer, dao }) });
          }
        } finally {
          await indexer.stop();
        }
      } finally {
        await postgres?.stop();
      }
    }

    const n = (value: number) => value.toLocaleString("en-US");
    const states = Object.entries(dao.proposalStates)
      .map(([state, count]) => `${count} ${state}`)
      .join(", ");
    console.log("");
    console.log("| measurement | value |");
    console.log("|---|---|");
    console.log(
      `| generation | ${dao.seconds.toFixed(1)} s: ${n(dao.transactions)} transactions in ${n(dao.toBlock - dao.fromBlock + 1)} blocks |`,
    );
    console.log(`| proposals | ${n(dao.proposals)} (${states}) |`);
    console.log(`| votes with reasons | ${n(dao.votes)} (${n(dao.bigProposalVotes)} on the big proposal) |`);
    console.log(
      `| delegations | ${n(dao.delegators)} delegators over ${n(dao.delegates)} delegates, ${n(dao.holders)} self-delegated voters |`,
    );
    console.log(`| delegate statements | ${n(dao.statements)} |`);
    console.log(`| events | ${n(events)} |`);
    console.log(`| anvil peak memory | ${formatBytes(anvilPeak)} |`);
    for (const backfill of backfills) {
      console.log(
        `| indexer backfill (${backfill.database}) | ${backfill.seconds.toFixed(1)} s to /ready, ${n(Math.round(backfill.eventsPerSecond))} events/s; ${backfill.caughtUpSeconds.toFixed(1)} s to the latest block; peak memory ${formatBytes(backfill.peakMemory)} |`,
      );
    }

    const misses: string[] = [];
    for (const backfill of backfills) {
      if (backfill.eventsPerSecond < BACKFILL_TARGET_EVENTS_PER_SECOND) {
        misses.push(
          `backfill (${backfill.database}): ${n(Math.round(backfill.eventsPerSecond))} events/s (target ≥ ${n(BACKFILL_TARGET_EVENTS_PER_SECOND)})`,
        );
      }
    }
    for (const { database, rows } of pageTables) {
      console.log("");
      console.log(
        `| page (${database}, cold, median of ${LOADS_PER_PAGE}) | time to content | RPC HTTP requests | downloaded | first-load JS (gzip) |`,
      );
      console.log("|---|---:|---:|---:|---:|");
      for (const row of rows) {
        const timeToContent = median(row.loads.map((load) => load.timeToContentMs));
        const requests = median(row.loads.map((load) => load.rpcHttpRequests));
        const bytes = median(row.loads.map((load) => load.bytes));
        console.log(
          `| ${row.name} | ${Math.round(timeToContent)} ms | ${requests} | ${(bytes / 1024).toFixed(0)} KB | ${(row.firstLoadJs / 1024).toFixed(1)} KB |`,
        );
        if (timeToContent > CONTENT_TARGET_MS) {
          misses.push(
            `${row.name} (${database}): content in ${Math.round(timeToContent)} ms (target < ${CONTENT_TARGET_MS} ms)`,
          );
        }
        const mostRequests = Math.max(...row.loads.map((load) => load.rpcHttpRequests));
        if (row.name.startsWith("/proposals/") && mostRequests > PROPOSAL_RPC_REQUEST_TARGET) {
          misses.push(
            `${row.name} (${database}): up to ${mostRequests} RPC HTTP requests (target ≤ ${PROPOSAL_RPC_REQUEST_TARGET})`,
          );
        }
      }
    }
    for (const { database, rows } of routeTables) {
      console.log("");
      console.log(`| route (${database}) | first call | median of ${ROUTE_CALLS} more | response |`);
      console.log("|---|---:|---:|---:|");
      for (const row of rows) {
        console.log(
          `| ${row.name} | ${Math.round(row.coldMs)} ms | ${Math.round(row.warmMs)} ms | ${(row.bytes / 1024).toFixed(0)} KB |`,
        );
      }
    }
    console.log("");
    console.log("| event | count |");
    console.log("|---|---:|");
    for (const [name, count] of Object.entries(dao.events)) console.log(`| ${name} | ${n(count)} |`);
    if (backfills.length > 0) {
      console.log("");
      console.log(
        misses.length === 0 ? "All targets met." : `Targets missed:\n${misses.map((m) => `- ${m}`).join("\n")}`,
      );
    }
  } finally {
    await anvil.stop();
  }
}

await main();
