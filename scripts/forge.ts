// `tsx scripts/forge.ts <args>`: forge inside contracts/, exiting with forge's own exit code.
import { runForge } from "./lib/foundry";

const { code } = await runForge(process.argv.slice(2));
process.exit(code);
