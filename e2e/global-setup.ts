import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deploy } from "../scripts/deploy";
import { startAnvil, freePort } from "../scripts/lib/anvil";
import { startApp } from "../scripts/lib/app";
import { startIndexer, waitForIndexer, type Indexer } from "../scripts/lib/indexer";
import { startRpcGate, type RpcGate } from "../scripts/lib/rpc-gate";
import { localRoles } from "../scripts/lib/accounts";
import { anvilPrivateKey } from "../scripts/lib/chain";
import { rootDir } from "../scripts/lib/paths";
import { seed } from "../scripts/seed";
import { seedPolls } from "../scripts/lib/seed-polls";

/**
 * A fresh anvil with the real deployment and seed, the indexer following it (PGlite) and the built app serving both.
 * Returns the teardown.
 */
export default async function globalSetup() {
  const anvil = await startAnvil();
  let indexer: Indexer | undefined;
  let gate: RpcGate | undefined;
  try {
    const deployment = await deploy({
      rpcUrl: anvil.rpcUrl,
      deploymentsDir: mkdtempSync(join(tmpdir(), "plenum-e2e-")),
    });
    // The app was built with deployments/31337.json: a fresh anvil must reproduce those addresses.
    const built = JSON.parse(readFileSync(join(rootDir, "deployments", "31337.json"), "utf8"));
    if (JSON.stringify(built) !== JSON.stringify(deployment)) {
      throw new Error("deployments/31337.json differs from a fresh deployment: run `npm run demo` and commit it.");
    }
    // The indexer follows the seed as it happens, as it would a live chain.
    // The indexer reads the chain through a gate the tests can close, to see the page while history lags.
    gate = await startRpcGate(anvil.rpcUrl);
    indexer = await startIndexer({ rpcUrl: gate.url, deployment });
    await seed({ rpcUrl: anvil.rpcUrl, deployment });
    await waitForIndexer(indexer.url, anvil.rpcUrl);
    // The server gets its own URL to the same anvil, carrying a key as a provider's would: the browser must
    // never see it (e2e/server-rpc-url.spec.ts).
    const serverRpcUrl = `${anvil.rpcUrl}/?apikey=plenum-e2e-server-only-${randomBytes(8).toString("hex")}`;
    const app = await startApp({
      port: await freePort(),
      publicRpcUrl: anvil.rpcUrl,
      serverRpcUrl,
      indexerUrl: indexer.url,
      relayerPrivateKey: anvilPrivateKey(localRoles.sponsor),
      appDataDir: mkdtempSync(join(tmpdir(), "plenum-e2e-app-")),
      // The webhook test runs its own app with the sender; this one serves every other test without it.
      env: { WEBHOOKS: "0" },
    });
    // The demo's temperature checks, published and voted through the app as the demo does.
    const pollIds = await seedPolls({ appUrl: app.url, rpcUrl: anvil.rpcUrl, deployment }).catch(
      async (error: unknown) => {
        await app.stop();
        throw error;
      },
    );
    process.env.PLENUM_E2E_POLL_IDS = pollIds.join(",");
    process.env.PLENUM_E2E_RPC_URL = anvil.rpcUrl;
    process.env.PLENUM_E2E_SERVER_RPC_URL = serverRpcUrl;
    process.env.PLENUM_E2E_BASE_URL = app.url;
    process.env.PLENUM_E2E_INDEXER_URL = indexer.url;
    process.env.PLENUM_E2E_INDEXER_GATE_URL = gate.url;
    const [startedIndexer, startedGate] = [indexer, gate];
    return async () => {
      await app.stop();
      await startedIndexer.stop();
      await startedGate.stop();
      await anvil.stop();
    };
  } catch (error) {
    await indexer?.stop();
    await gate?.stop();
    await anvil.stop();
    throw error;
  }
}
