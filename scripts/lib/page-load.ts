// Cold page loads in Chromium for the benchmarks: time until the content shows, the JSON-RPC traffic the browser
// sent on the way, every byte it downloaded, and the route's first-load JavaScript.
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { chromiumArgs, chromiumPath, ensureChromium } from "./chromium";

export type PageLoad = {
  timeToContentMs: number;
  /** JSON-RPC HTTP requests to the chain; a batch counts once. */
  rpcHttpRequests: number;
  /** JSON-RPC calls inside those requests. */
  rpcCalls: number;
  /** Everything downloaded (HTML, scripts, indexer and RPC responses), as encoded on the wire. */
  bytes: number;
};

export async function launchBenchBrowser(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/**
 * Open `url` in a fresh browser context (nothing cached) and wait until every `content` selector is visible.
 * Counts what was downloaded until then.
 */
export async function coldLoad(
  browser: Browser,
  options: { url: string; content: string[]; rpcUrl: string; timeoutMs?: number },
): Promise<PageLoad> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    let bytes = 0;
    cdp.on("Network.loadingFinished", (event) => (bytes += event.encodedDataLength));
    let rpcHttpRequests = 0;
    let rpcCalls = 0;
    page.on("request", (request) => {
      if (!request.url().startsWith(options.rpcUrl) || request.method() !== "POST") return;
      rpcHttpRequests += 1;
      const body: unknown = request.postDataJSON();
      rpcCalls += Array.isArray(body) ? body.length : 1;
    });
    const started = performance.now();
    await page.goto(options.url, { waitUntil: "commit" });
    const timeout = options.timeoutMs ?? 30_000;
    await Promise.all(
      options.content.map((selector) => page.locator(selector).first().waitFor({ state: "visible", timeout })),
    );
    return { timeToContentMs: performance.now() - started, rpcHttpRequests, rpcCalls, bytes };
  } finally {
    await context.close();
  }
}

/** The gzipped size of the scripts a route's HTML loads. */
export async function firstLoadJsGzip(url: string): Promise<number> {
  const html = await (await fetch(url)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]);
  let total = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
    total += gzipSync(body, { level: 9 }).length;
  }
  return total;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
