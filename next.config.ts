import { readFileSync } from "node:fs";
import type { NextConfig } from "next";

// The deployment the app talks to is chosen at build time: deployments/<NEXT_PUBLIC_CHAIN_ID>.json.
const chainId = process.env.NEXT_PUBLIC_CHAIN_ID ?? "31337";
const deploymentFile = `deployments/${chainId}.json`;
let deployment: string;
try {
  deployment = readFileSync(deploymentFile, "utf8");
} catch {
  throw new Error(`No ${deploymentFile}: deploy to chain ${chainId} first (npm run deploy).`);
}

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // PGlite (the app database's embedded engine) loads its WASM and data files from its own folder at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  // A separate build folder lets two builds (say, two test runs) coexist.
  distDir: process.env.PLENUM_NEXT_DIST_DIR ?? ".next",
  env: { NEXT_PUBLIC_DEPLOYMENT: deployment },
};

export default nextConfig;
