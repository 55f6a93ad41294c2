import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deploy } from "../scripts/deploy";
import { startAnvil, freePort } from "../scripts/lib/anvil";
import { startApp } from "../scripts/lib/app";
import { rootDir } from "../scripts/lib/paths";
import { seed } from "../scripts/seed";

/** A fresh anvil with the real deployment and seed, and the built app serving it. Returns the teardown. */
export default async function globalSetup() {
  const anvil = await startAnvil();
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
    await seed({ rpcUrl: anvil.rpcUrl, deployment });
    // The server gets its own URL to the same anvil, carrying a key as a provider's would: the browser must
    // never see it (e2e/server-rpc-url.spec.ts).
    const serverRpcUrl = `${anvil.rpcUrl}/?apikey=plenum-e2e-server-only-${randomBytes(8).toString("hex")}`;
    const app = await startApp({ port: await freePort(), publicRpcUrl: anvil.rpcUrl, serverRpcUrl });
    process.env.PLENUM_E2E_RPC_URL = anvil.rpcUrl;
    process.env.PLENUM_E2E_SERVER_RPC_URL = serverRpcUrl;
    process.env.PLENUM_E2E_BASE_URL = app.url;
    return async () => {
      await app.stop();
      await anvil.stop();
    };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}
