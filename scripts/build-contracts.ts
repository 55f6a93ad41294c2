// `npm run build:contracts`: forge build, then regenerate the typed ABIs.
import { buildContracts } from "./lib/build";

await buildContracts(console.log);
