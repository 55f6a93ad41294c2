// `npm run bench:web`: on the seeded demo chain and the production build, for each measured route: JSON-RPC
// HTTP requests and RPC calls until the content is visible (cold load, fresh browser context), time to
// content, bytes downloaded, and first-load JavaScript (gzip) from the route's script tags. Prints a markdown table.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deploy } from "./deploy";
import { freePort, startAnvil } from "./lib/anvil";
import { buildApp, startApp } from "./lib/app";
import { buildContracts } from "./lib/build";
import { startIndexer, waitForIndexer } from "./lib/indexer";
import { coldLoad, firstLoadJsGzip, launchBenchBrowser } from "./lib/page-load";
import { seed } from "./seed";

const RPC_REQUEST_TARGET = 2;
const FIRST_LOAD_JS_TARGET_KB = 300;

type Route = { name: string; path: string; content: string };

async function main() {
  await buildContracts();
  await buildApp();
  const anvil = await startAnvil();
  try {
    const deployment = await deploy({
      rpcUrl: anvil.rpcUrl,
      deploymentsDir: mkdtempSync(join(tmpdir(), "plenum-web-")),
    });
    const indexer = await startIndexer({ rpcUrl: anvil.rpcUrl, deployment });
    const summary = await seed({ rpcUrl: anvil.rpcUrl, deployment });
    await waitForIndexer(indexer.url, anvil.rpcUrl);
    const app = await startApp({ port: await freePort(), publicRpcUrl: anvil.rpcUrl, indexerUrl: indexer.url });
    const active = summary.proposals.find((p) => p.key === "active")!;

    const routes: Route[] = [
      { name: "/", path: "/", content: '[data-testid="treasury-plm"]' },
      { name: "/proposals", path: "/proposals", content: '[data-testid="proposal-row"]' },
      { name: "/proposals/[id]", path: `/proposals/${active.id}`, content: '[data-testid="quorum-progress"]' },
      { name: "/delegates", path: "/delegates", content: '[data-testid="delegate-row"]' },
      { name: "/disputes", path: "/disputes", content: '[data-testid="dispute"]' },
      { name: "/proposals/new", path: "/proposals/new", content: '[data-testid="new-draft"]' },
    ];
    const browser = await launchBenchBrowser();
    const rows: string[] = [];
    const misses: string[] = [];
    try {
      for (const route of routes) {
        const load = await coldLoad(browser, {
          url: `${app.url}${route.path}`,
          content: [route.content],
          rpcUrl: anvil.rpcUrl,
        });
        const jsKb = (await firstLoadJsGzip(`${app.url}${route.path}`)) / 1024;
        rows.push(
          `| ${route.name} | ${load.rpcHttpRequests} | ${load.rpcCalls} | ${Math.round(load.timeToContentMs)} ms | ${(load.bytes / 1024).toFixed(0)} KB | ${jsKb.toFixed(1)} KB |`,
        );
        if (route.name === "/proposals/[id]" && load.rpcHttpRequests > RPC_REQUEST_TARGET) {
          misses.push(`${route.name}: ${load.rpcHttpRequests} RPC HTTP requests (target ≤ ${RPC_REQUEST_TARGET})`);
        }
        if (jsKb > FIRST_LOAD_JS_TARGET_KB)
          misses.push(`${route.name}: ${jsKb.toFixed(1)} KB first-load JS (target < ${FIRST_LOAD_JS_TARGET_KB} KB)`);
      }
    } finally {
      await browser.close();
      await app.stop();
      await indexer.stop();
    }
    console.log("| route | RPC HTTP requests | RPC calls | time to content | downloaded | first-load JS (gzip) |");
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const row of rows) console.log(row);
    console.log("");
    console.log(
      misses.length === 0 ? "All targets met." : `Targets missed:\n${misses.map((m) => `- ${m}`).join("\n")}`,
    );
  } finally {
    await anvil.stop();
  }
}

await main();
