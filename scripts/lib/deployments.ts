import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deploymentSchema, type Deployment } from "../../lib/contracts/deployment";
import { defaultDeploymentsDir } from "./paths";

export function deploymentFile(chainId: number, dir = defaultDeploymentsDir): string {
  return join(dir, `${chainId}.json`);
}

export function writeDeployment(deployment: Deployment, dir = defaultDeploymentsDir): string {
  mkdirSync(dir, { recursive: true });
  const file = deploymentFile(deployment.chainId, dir);
  writeFileSync(file, `${JSON.stringify(deployment, null, 2)}\n`);
  return file;
}

export function readDeployment(chainId: number, dir = defaultDeploymentsDir): Deployment {
  const file = deploymentFile(chainId, dir);
  let json: string;
  try {
    json = readFileSync(file, "utf8");
  } catch {
    throw new Error(`No deployment for chain ${chainId} at ${file}: run \`npm run deploy\` first.`);
  }
  return deploymentSchema.parse(JSON.parse(json));
}
