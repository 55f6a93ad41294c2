// `npm run bench:relay`: 200 sponsored votes from 200 voters, sent to the app's POST /api/relay/vote 50 at a time,
// against anvil (automine: the node adds no block time) with the real deployment. Prints throughput, latency from
// request to receipt, and gas per sponsored vote next to a direct castVoteWithReason, as a markdown table; with
// --postgres it runs again with the app's database on PostgreSQL.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEther, type Hash, type TransactionReceipt } from "viem";
import { contractsFor } from "../lib/contracts/bindings";
import { extendedBallotTypedData, domainFromEip5267 } from "../lib/relay/typed-data";
import { deploy } from "./deploy";
import { localRoles } from "./lib/accounts";
import { freePort, startAnvil } from "./lib/anvil";
import { buildApp, startApp } from "./lib/app";
import { buildContracts } from "./lib/build";
import { anvilAccount, anvilPrivateKey, connectAnvil, writeContract } from "./lib/chain";
import { governanceHelper } from "./lib/governance";
import { startPostgres } from "./lib/postgres";

const VOTERS = 200;
const CONCURRENCY = 50;
const REASON = "Lower inference fees bring more providers; the treasury can afford it this quarter.";

const withPostgres = process.argv.includes("--postgres");
await buildContracts(() => undefined);
console.log("Building the app (next build)...");
await buildApp();

const anvil = await startAnvil({ args: ["--gas-limit", "300000000"] });
const stops: (() => Promise<void>)[] = [() => anvil.stop()];
try {
  const chain = connectAnvil(anvil.rpcUrl);
  const deployment = await deploy({
    rpcUrl: anvil.rpcUrl,
    deploymentsDir: mkdtempSync(join(tmpdir(), "plenum-bench-")),
  });
  const { token, governor } = contractsFor(deployment);
  const sponsor = anvilAccount(localRoles.sponsor);
  await chain.setBalance({ address: sponsor.address, value: parseEther("100") });

  console.log(`Giving ${VOTERS + 2} voters 1,000 PLM each, delegated to themselves...`);
  const voters = Array.from({ length: VOTERS + 2 }, (_, i) => anvilAccount(100 + i));
  for (const voter of voters) {
    await writeContract(chain, deployment.deployer, {
      ...token,
      functionName: "transfer",
      args: [voter.address, parseEther("1000")],
    });
  }
  await Promise.all(
    voters.map(async (voter) => {
      await chain.setBalance({ address: voter.address, value: parseEther("1") });
      await writeContract(chain, voter, { ...token, functionName: "delegate", args: [voter.address] });
    }),
  );
  await writeContract(chain, deployment.deployer, { ...token, functionName: "delegate", args: [deployment.deployer] });
  // Votes are checkpointed by timestamp and propose reads them at clock() - 1: a block in the same second as the
  // delegation would see none.
  await chain.increaseTime({ seconds: 1 });
  await chain.mine({ blocks: 1 });
  const governance = governanceHelper(chain, { governor });
  const { id } = await governance.propose(
    deployment.deployer,
    [{ target: token.address, value: 0n, calldata: "0x" }],
    "# Relay benchmark\n\nOne proposal, many sponsored votes.",
  );
  await governance.waitForSnapshot(id);
  // A proposal's first For vote also pays to start the tally (a storage slot from zero); every sponsored vote comes
  // after one, so the direct vote measured is the second.
  await governance.vote(voters.pop()!, id, 1, REASON);
  const directGas = (await governance.vote(voters.pop()!, id, 1, REASON)).gasUsed;

  const domain = domainFromEip5267(await chain.readContract({ ...governor, functionName: "eip712Domain" }));
  const bodies = await Promise.all(
    voters.map(async (voter) => {
      const ballot = {
        proposalId: id,
        support: 1,
        voter: voter.address,
        nonce: 0n,
        reason: REASON,
        params: "0x" as const,
      };
      const signature = await voter.signTypedData(extendedBallotTypedData(domain, ballot));
      return JSON.stringify({ ...ballot, proposalId: id.toString(), nonce: "0", signature });
    }),
  );

  const databases: { name: string; env: Record<string, string> }[] = [{ name: "PGlite (embedded)", env: {} }];
  if (withPostgres) {
    const postgres = await startPostgres();
    stops.push(postgres.stop);
    databases.push({ name: "PostgreSQL", env: { DATABASE_URL: postgres.databaseUrl } });
  }
  const rows: string[] = [];
  for (const database of databases) {
    const snapshot = await chain.snapshot();
    const app = await startApp({
      port: await freePort(),
      publicRpcUrl: anvil.rpcUrl,
      indexerUrl: "http://127.0.0.1:9",
      relayerPrivateKey: anvilPrivateKey(localRoles.sponsor),
      appDataDir: mkdtempSync(join(tmpdir(), "plenum-bench-app-")),
      env: { ...database.env, RELAY_REQUESTS_PER_MINUTE_PER_IP: "100000", RELAY_DAILY_BUDGET_ETH: "10" },
    });
    // One request first, so the server's first-request work (route compile, database open) is not in the numbers.
    const warmup = await fetch(`${app.url}/api/relay/status`);
    if (!warmup.ok) throw new Error(`The relay is not ready: ${await warmup.text()}`);

    const latencies: number[] = [];
    const receipts: TransactionReceipt[] = [];
    const started = performance.now();
    for (let i = 0; i < bodies.length; i += CONCURRENCY) {
      await Promise.all(
        bodies.slice(i, i + CONCURRENCY).map(async (body) => {
          const sent = performance.now();
          const response = await fetch(`${app.url}/api/relay/vote`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body,
          });
          const answer = (await response.json()) as { hash?: Hash; error?: string; message?: string };
          if (!answer.hash) throw new Error(`Refused: ${answer.error}: ${answer.message}`);
          const receipt = await chain.waitForTransactionReceipt({ hash: answer.hash, pollingInterval: 50 });
          latencies.push(performance.now() - sent);
          receipts.push(receipt);
        }),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    await app.stop();
    await chain.revert({ id: snapshot });

    const failed = receipts.filter((receipt) => receipt.status !== "success").length;
    if (failed > 0) throw new Error(`${failed} sponsored votes reverted.`);
    const sorted = latencies.sort((a, b) => a - b);
    const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
    const gas = receipts.reduce((sum, receipt) => sum + receipt.gasUsed, 0n) / BigInt(receipts.length);
    rows.push(
      `| ${database.name} | ${receipts.length} | ${(receipts.length / seconds).toFixed(1)} | ${percentile(50).toFixed(0)} | ${percentile(95).toFixed(0)} | ${sorted[sorted.length - 1].toFixed(0)} | ${gas.toLocaleString("en-US")} | ${directGas.toLocaleString("en-US")} | +${(((Number(gas) - Number(directGas)) / Number(directGas)) * 100).toFixed(1)}% |`,
    );
  }

  console.log(
    `\n${VOTERS} sponsored votes (reason of ${REASON.length} characters), ${CONCURRENCY} at a time, through POST /api/relay/vote:\n`,
  );
  console.log(
    "| app database | votes landed | votes/s | p50 request→receipt (ms) | p95 (ms) | max (ms) | gas per sponsored vote | gas per direct castVoteWithReason | difference |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const row of rows) console.log(row);
} finally {
  for (const stop of stops.reverse()) await stop();
}
