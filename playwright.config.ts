import { readFileSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./scripts/lib/chromium";

// Tests import the app's own modules (lib/contracts, lib/format); give them the deployment the app was built with.
process.env.NEXT_PUBLIC_DEPLOYMENT ??= readFileSync("deployments/31337.json", "utf8");

// The browser tests run against the production build (`next build` first: npm test does it), served by
// e2e/global-setup.ts next to its own anvil with the real deployment and seed.
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // One chain for all tests: run them one at a time; tests that move time revert it (e2e/fixtures.ts).
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: ".cache/playwright-report.json" }]],
  use: {
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
});
