import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { contractsDir, rootDir } from "./paths";

type Tool = "forge" | "anvil" | "cast";

/**
 * Path of the native Foundry binary shipped by the npm package. The npm launchers (`npx forge`, ...) always
 * exit 0, so nothing here goes through them.
 */
export function foundryBinary(tool: Tool): string {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const binary = join(rootDir, "node_modules", "@foundry-rs", `${tool}-${process.platform}-${arch}`, "bin", tool);
  if (!existsSync(binary)) {
    throw new Error(`${tool} binary not found at ${binary}: run \`npm ci\` (package @foundry-rs/${tool}).`);
  }
  return binary;
}

/** Run forge inside contracts/ (the solc shim is resolved from there); resolves with its exit code. */
export function runForge(args: string[], options: { quiet?: boolean } = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(foundryBinary("forge"), args, { cwd: contractsDir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer, stream: NodeJS.WriteStream) => {
      output += chunk.toString();
      if (!options.quiet) stream.write(chunk);
    };
    child.stdout.on("data", (chunk: Buffer) => collect(chunk, process.stdout));
    child.stderr.on("data", (chunk: Buffer) => collect(chunk, process.stderr));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** `forge build`, failing loudly with the compiler output when it does not compile. */
export async function forgeBuild(): Promise<void> {
  const { code, output } = await runForge(["build"], { quiet: true });
  if (code !== 0) {
    process.stderr.write(output);
    throw new Error(`forge build failed (exit ${code})`);
  }
}
