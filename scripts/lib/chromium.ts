import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const chromiumPath = "/usr/bin/chromium";

/** Chromium as the tests and benchmarks run it: headless in a container, nothing fetched from the internet. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * The browser tests use Debian's Chromium (Playwright cannot download its own here). Install it with apt
 * when missing; that needs root, as on CI.
 */
export function ensureChromium(log: (line: string) => void = console.log): void {
  if (existsSync(chromiumPath)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${chromiumPath} is missing: install Debian's chromium (sudo apt-get install -y chromium).`);
  }
  log("Installing Chromium for the browser tests (apt-get install chromium)...");
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "chromium"]]) {
    const result = spawnSync("apt-get", args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (exit ${result.status}).`);
  }
}
