// `npm run bench:scale`: the synthetic scale DAO (scripts/lib/scale-dao.ts: 1,000 proposals, 200,000 votes with
// reasons, 50,000 delegators over 2,000 delegates with statements) generated through the real contracts on a fresh
// anvil, then the indexer's backfill of it. Flags size it down (`--proposals`, `--votes`, `--big-proposal-votes`,
// `--delegators`, `--delegates`, e.g. `--votes 20000`); `--postgres` backfills into a throwaway PostgreSQL instead
// of PGlite; `--no-indexer` stops after the generation. Prints a markdown table.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Deployment } from "../lib/contracts/deployment";
import { deploy } from "./deploy";
import { freePort, startAnvil } from "./lib/anvil";
import { buildContracts } from "./lib/build";
import { jsonRpc } from "./lib/json-rpc";
import { startIndexer } from "./lib/indexer";
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
    postgres: { type: "boolean", default: false },
    "no-indexer": { type: "boolean", default: false },
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

/**
 * The indexer's backfill of everything generated: from its start until its `/ready` route answers 200 (Ponder's
 * "historical indexing done"), and the peak memory of its process tree by then.
 */
async function measureIndexerBackfill(options: {
  rpcUrl: string;
  deployment: Deployment;
  events: number;
  databaseUrl?: string;
}): Promise<Omit<Backfill, "database">> {
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
  try {
    // Caught up with the chain: /ready follows within moments (it may also have come first).
    const timer = setTimeout(() => (giveUp = true), 60_000);
    const readyAt = await ready;
    clearTimeout(timer);
    if (readyAt === undefined) throw new Error(`The indexer caught up but ${indexer.url}/ready never answered 200.`);
    const seconds = (readyAt - started) / 1000;
    return {
      seconds,
      eventsPerSecond: options.events / seconds,
      caughtUpSeconds,
      peakMemory: peakResidentBytesOfTree(indexer.process.pid!),
    };
  } finally {
    giveUp = true;
    await indexer.stop();
  }
}

/** Page measurements over the scale DAO (server render times, payload sizes) plug in here: not built yet. */
async function measurePages(_context: { rpcUrl: string; deployment: Deployment; dao: ScaleDao }): Promise<string[]> {
  return [];
}

async function main() {
  await buildContracts();
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

    let backfill: Backfill | undefined;
    if (!flags["no-indexer"]) {
      const postgres = flags.postgres ? await startPostgres({ log: console.log }) : undefined;
      try {
        const database = postgres ? "PostgreSQL" : "PGlite";
        console.log(`Backfilling the indexer (${database})...`);
        const measured = await measureIndexerBackfill({
          rpcUrl: anvil.rpcUrl,
          deployment,
          events,
          databaseUrl: postgres?.databaseUrl,
        });
        backfill = { database, ...measured };
      } finally {
        await postgres?.stop();
      }
    }
    const pageRows = await measurePages({ rpcUrl: anvil.rpcUrl, deployment, dao });

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
    if (backfill) {
      console.log(
        `| indexer backfill (${backfill.database}) | ${backfill.seconds.toFixed(1)} s to /ready, ${n(Math.round(backfill.eventsPerSecond))} events/s; ${backfill.caughtUpSeconds.toFixed(1)} s to the latest block |`,
      );
      console.log(`| indexer peak memory | ${formatBytes(backfill.peakMemory)} |`);
    }
    for (const row of pageRows) console.log(row);
    console.log("");
    console.log("| event | count |");
    console.log("|---|---:|");
    for (const [name, count] of Object.entries(dao.events)) console.log(`| ${name} | ${n(count)} |`);
  } finally {
    await anvil.stop();
  }
}

await main();
