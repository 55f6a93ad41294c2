import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const rootDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const contractsDir = join(rootDir, "contracts");
export const artifactsDir = join(contractsDir, "out");
export const defaultDeploymentsDir = join(rootDir, "deployments");
