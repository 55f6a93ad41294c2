// `npm run demo`: build the contracts and the app, start anvil on 127.0.0.1:8545, deploy, start the indexer
// (PGlite, embedded) on http://127.0.0.1:42069, seed the demo DAO, start the app on http://127.0.0.1:3000, print
// what exists, and run until Ctrl-C (which stops all three).
import { localRoles } from "./lib/accounts";
import { assertPortFree, startAnvil } from "./lib/anvil";
import { buildApp, startApp, type AppServer } from "./lib/app";
import { buildContracts } from "./lib/build";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { anvilAccount, anvilPrivateKey, connectAnvil } from "./lib/chain";
import { startIndexer, waitForIndexer, type Indexer } from "./lib/indexer";
import { deploy } from "./deploy";
import { seed } from "./seed";
import { seedPolls } from "./lib/seed-polls";

const HOST = "127.0.0.1";
const PORT = 8545;
const APP_PORT = 3000;
const INDEXER_PORT = 42069;

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

const fail = (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
};
await assertPortFree(HOST, APP_PORT).catch(fail);
await assertPortFree(HOST, INDEXER_PORT).catch(fail);
await buildContracts(console.log);
// The app builds while the chain, the indexer and the seed come up.
console.log("Building the app (next build) in the background...");
const appBuilt = buildApp();
appBuilt.catch(() => undefined);
const anvil = await startAnvil({ host: HOST, port: PORT }).catch(fail);
let app: AppServer | undefined;
let indexer: Indexer | undefined;
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await app?.stop();
  await indexer?.stop();
  await anvil.stop();
  process.exit(code);
};
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
anvil.process.once("exit", (code) => {
  if (!stopping) {
    console.error(`anvil stopped unexpectedly (exit ${code}).`);
    process.exit(1);
  }
});

try {
  console.log(`anvil is running at ${anvil.rpcUrl} (chain 31337), Multicall3 installed.`);
  const deployment = await deploy({ rpcUrl: anvil.rpcUrl, log: console.log });
  indexer = await startIndexer({ rpcUrl: anvil.rpcUrl, deployment, host: HOST, port: INDEXER_PORT });
  indexer.process.once("exit", (code) => {
    if (!stopping) {
      console.error(`The indexer stopped unexpectedly (exit ${code}):\n${indexer?.log().slice(-4000)}`);
      void stop(1);
    }
  });
  console.log(`Indexer (PGlite) is running at ${indexer.url}.`);
  const summary = await seed({ rpcUrl: anvil.rpcUrl, deployment, log: console.log });
  await waitForIndexer(indexer.url, anvil.rpcUrl);

  console.log("\nProposals:");
  for (const p of summary.proposals) {
    const disputed = p.key === "queued-disputed" ? ` (dispute #${summary.disputeId} open)` : "";
    console.log(`  ${p.state.padEnd(10)} ${p.title}${disputed}`);
  }
  console.log("\nAccounts (anvil's default mnemonic; import a private key into a wallet to act as one):");
  const show = (role: string, index: number) => {
    console.log(`  ${role.padEnd(22)} ${anvilAccount(index).address}  ${anvilPrivateKey(index)}`);
  };
  show("deployer", localRoles.deployer);
  summary.delegates.forEach((delegate, i) => show(`delegate ${delegate.name}`, localRoles.delegates[i]));
  localRoles.panel.forEach((index, i) => show(`panel expert ${i + 1}`, index));
  show("guardian", localRoles.guardian);
  // One holder has votes but no ETH: it votes and delegates through the gasless relay only.
  const gasless = localRoles.holders[6];
  await connectAnvil(anvil.rpcUrl).setBalance({ address: anvilAccount(gasless).address, value: 0n });
  localRoles.holders.forEach((index, i) => show(`holder ${i + 1}${index === gasless ? " (no ETH)" : ""}`, index));
  show("relay sponsor", localRoles.sponsor);
  console.log(`\nTreasury (timelock): ${deployment.timelock}. Deployment: deployments/${deployment.chainId}.json.`);
  await appBuilt;
  app = await startApp({
    host: HOST,
    port: APP_PORT,
    publicRpcUrl: anvil.rpcUrl,
    indexerUrl: indexer.url,
    relayerPrivateKey: anvilPrivateKey(localRoles.sponsor),
    // The chain is new on every run, so are the relay's records.
    appDataDir: mkdtempSync(join(tmpdir(), "plenum-demo-app-")),
    // Webhooks to a receiver on this machine work in the demo; in production only public addresses receive them.
    env: { WEBHOOK_ALLOW_PRIVATE_URLS: "1", SITE_URL: `http://${HOST}:${APP_PORT}` },
  });
  const polls = await seedPolls({ appUrl: app.url, rpcUrl: anvil.rpcUrl, deployment });
  console.log(`\nTemperature checks (signed, no gas): ${polls.map((id) => `${app!.url}/polls/${id}`).join("  ")}`);
  console.log(
    `\nDemo DAO ready in ${seconds()} s. Open ${app.url} (RPC ${anvil.rpcUrl}, indexer ${indexer.url}). Press Ctrl-C to stop.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
