// Installs npm dependencies when they are missing or older than package-lock.json, so `npm run demo` and
// `npm test` work on a fresh clone. Plain Node: it runs before anything is installed.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const installedLock = join(root, "node_modules", ".package-lock.json");
const lock = join(root, "package-lock.json");

const upToDate = existsSync(installedLock) && statSync(installedLock).mtimeMs >= statSync(lock).mtimeMs;
if (!upToDate) {
  console.log("Installing npm dependencies (npm ci)...");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error("npm ci failed: see the output above.");
    process.exit(result.status ?? 1);
  }
}
