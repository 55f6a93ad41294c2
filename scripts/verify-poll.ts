// npm run verify:poll -- <export.json> [--rpc <url>] [--governor <address>]: re-verifies a temperature check from its
// downloaded JSON and the chain alone (RPC_URL, else the local anvil), and prints the result the poll page shows. The
// poll must be the DAO's: its governor is --governor, else the one in deployments/<chain id>.json. Exits 1, naming
// the problem, when anything in the file does not verify.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createPublicClient, http, isAddress } from "viem";
import { resultLines } from "../lib/polls/result";
import { PollVerificationError, verifyPollExport } from "../lib/polls/verify";
import { readDeployment } from "./lib/deployments";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { rpc: { type: "string" }, governor: { type: "string" } },
});
const [path] = positionals;
if (!path) {
  console.error("Usage: npm run verify:poll -- <poll export .json> [--rpc <url>] [--governor <address>]");
  process.exit(2);
}
const rpcUrl = values.rpc ?? process.env.RPC_URL ?? "http://127.0.0.1:8545";

try {
  let file: unknown;
  try {
    file = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new PollVerificationError("MalformedFile", `${path} is not readable JSON: ${(error as Error).message}`);
  }
  const client = createPublicClient({ transport: http(rpcUrl, { timeout: 30_000 }) });
  const governor = values.governor ?? readDeployment(await client.getChainId()).governor;
  if (!isAddress(governor)) throw new Error(`--governor ${governor} is not an address`);
  const { id, poll, result, signedVotes, chainId } = await verifyPollExport(file, client, governor);
  console.log(`Poll ${id}`);
  console.log(`Chain ${chainId}, governor ${governor}`);
  console.log(`"${poll.title}" by ${poll.author} (${poll.kind}), snapshot ${poll.snapshot}`);
  console.log(
    `Verified: the poll's signature, ${signedVotes} vote signature${signedVotes === 1 ? "" : "s"}, ${result.voters} weight${result.voters === 1 ? "" : "s"} from getPastVotes at the snapshot, the supply and quorum.`,
  );
  for (const line of resultLines(poll.kind, result)) console.log(line);
} catch (error) {
  if (error instanceof PollVerificationError) {
    console.error(`Refused: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(`Could not verify: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
