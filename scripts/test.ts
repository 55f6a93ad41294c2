// `npm test`: every suite of the project, then one line of its own: `N passed, M failed`.
// Suites: the contracts build, the forge tests, the TypeScript type check, ESLint, the vitest suites (unit, the
// deploy/seed integration test on its own anvil, the indexer checked against the chain on PGlite and PostgreSQL), the app's production build and the browser tests
// (Playwright in Debian's Chromium against the built app on its own anvil). A suite that crashes before
// reporting counts as one failure.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { buildApp } from "./lib/app";
import { buildContracts } from "./lib/build";
import { ensureChromium } from "./lib/chromium";
import { ensurePostgres } from "./lib/postgres";
import { runForge } from "./lib/foundry";
import { rootDir } from "./lib/paths";

type SuiteResult = { name: string; passed: number; failed: number; note?: string };

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: rootDir, stdio: "inherit" });
    child.on("error", () => resolve(1));
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function contractsBuild(): Promise<SuiteResult> {
  try {
    await buildContracts(console.log);
    return { name: "contracts build", passed: 1, failed: 0 };
  } catch (error) {
    return {
      name: "contracts build",
      passed: 0,
      failed: 1,
      note: error instanceof Error ? error.message : String(error),
    };
  }
}

async function forgeTests(): Promise<SuiteResult> {
  const { code, output } = await runForge(["test"]);
  // "Ran 9 test suites in 1.2s (...): 120 tests passed, 0 failed, 0 skipped (120 total tests)"
  const summary = output.match(/(\d+) tests passed, (\d+) failed/);
  if (!summary) return { name: "forge", passed: 0, failed: 1, note: `no test summary (exit ${code})` };
  const passed = Number(summary[1]);
  const failed = Number(summary[2]);
  if (code !== 0 && failed === 0) return { name: "forge", passed, failed: 1, note: `exit ${code}` };
  return { name: "forge", passed, failed };
}

async function typecheck(): Promise<SuiteResult> {
  const code = await run(join(rootDir, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "."]);
  return { name: "typecheck", passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
}

async function lint(): Promise<SuiteResult> {
  const code = await run(join(rootDir, "node_modules", ".bin", "eslint"), ["--max-warnings", "0", "."]);
  return { name: "lint", passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
}

async function vitest(): Promise<SuiteResult> {
  // The indexer suite runs on PostgreSQL too: Debian's package, installed here when missing (outside test timeouts).
  try {
    ensurePostgres();
  } catch (error) {
    return { name: "vitest", passed: 0, failed: 1, note: error instanceof Error ? error.message : String(error) };
  }
  const report = join(rootDir, ".cache", "vitest-report.json");
  rmSync(report, { force: true });
  const code = await run(join(rootDir, "node_modules", ".bin", "vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) return { name: "vitest", passed: 0, failed: 1, note: `no report (exit ${code})` };
  const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  if (code !== 0 && numFailedTests === 0) {
    return { name: "vitest", passed: numPassedTests, failed: 1, note: `exit ${code} (errors outside tests)` };
  }
  return { name: "vitest", passed: numPassedTests, failed: numFailedTests };
}

async function appBuild(): Promise<SuiteResult> {
  try {
    await buildApp();
    return { name: "app build", passed: 1, failed: 0 };
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return { name: "app build", passed: 0, failed: 1, note: "next build failed" };
  }
}

async function browserTests(): Promise<SuiteResult> {
  try {
    ensureChromium();
  } catch (error) {
    return { name: "browser", passed: 0, failed: 1, note: error instanceof Error ? error.message : String(error) };
  }
  const report = join(rootDir, ".cache", "playwright-report.json");
  rmSync(report, { force: true });
  const code = await run(join(rootDir, "node_modules", ".bin", "playwright"), ["test"]);
  if (!existsSync(report)) return { name: "browser", passed: 0, failed: 1, note: `no report (exit ${code})` };
  const { stats } = JSON.parse(readFileSync(report, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  const failed = stats.unexpected + stats.flaky;
  if (code !== 0 && failed === 0) return { name: "browser", passed: stats.expected, failed: 1, note: `exit ${code}` };
  return { name: "browser", passed: stats.expected, failed };
}

const results: SuiteResult[] = [];
results.push(await contractsBuild());
results.push(await forgeTests());
results.push(await typecheck());
results.push(await lint());
results.push(await vitest());
const app = await appBuild();
results.push(app);
if (app.failed === 0) results.push(await browserTests());

console.log("\nSuites:");
for (const { name, passed, failed, note } of results) {
  console.log(`  ${name.padEnd(16)} ${passed} passed, ${failed} failed${note ? ` (${note})` : ""}`);
}
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
