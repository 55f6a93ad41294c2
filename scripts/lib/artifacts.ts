import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Abi, Hex } from "viem";
import { artifactsDir } from "./paths";

/** The contracts whose ABIs the app and scripts use, by artifact name (contracts/out/<name>.sol/<name>.json). */
export const systemContracts = [
  "PlenumToken",
  "PlenumGovernor",
  "TimelockController",
  "NetworkParameters",
  "ModelRegistry",
  "GrantVesting",
  "DelegateStatements",
  "DisputeModule",
] as const;

export type Artifact = { abi: Abi; bytecode: Hex };

/** ABI and creation bytecode from forge's build output (run `forge build` first). */
export function readArtifact(name: string): Artifact {
  const file = join(artifactsDir, `${name}.sol`, `${name}.json`);
  let json: { abi: Abi; bytecode: { object: Hex } };
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`No forge artifact at ${file}: build the contracts first (npm run build:contracts).`);
  }
  return { abi: json.abi, bytecode: json.bytecode.object };
}
