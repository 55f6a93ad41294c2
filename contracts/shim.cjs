#!/usr/bin/env node
// Answers forge as a `solc` binary, compiling with the npm `solc` package (forge cannot download solc here).
const fs = require("node:fs");
const path = require("node:path");
const solc = require("solc");

const args = process.argv.slice(2);

if (args.includes("--version")) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
} else if (args.includes("--standard-json")) {
  const roots = [process.cwd()];
  args.forEach((arg, i) => {
    if (arg === "--base-path" || arg === "--include-path") roots.push(path.resolve(args[i + 1]));
  });
  const findImports = (importPath) => {
    for (const root of roots) {
      const file = path.resolve(root, importPath);
      if (fs.existsSync(file)) return { contents: fs.readFileSync(file, "utf8") };
    }
    return { error: `File not found: ${importPath} (searched ${roots.join(", ")})` };
  };
  const input = fs.readFileSync(0, "utf8");
  process.stdout.write(solc.compile(input, { import: findImports }));
  // Never process.exit() here: it would cut stdout at 64 KiB.
  process.exitCode = 0;
} else {
  process.stderr.write(`shim.cjs: unsupported arguments ${args.join(" ")}\n`);
  process.exitCode = 1;
}
