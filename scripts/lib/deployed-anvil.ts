// A fresh anvil with the real deployment, for tests of the app's chain code on a real node.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isAddressEqual, type Address } from "viem";
import { deploy } from "../deploy";
import type { Deployment } from "../../lib/contracts/deployment";
import { startAnvil, type Anvil } from "./anvil";
import { connectAnvil, type AnvilClient } from "./chain";

/**
 * Start anvil, deploy Plenum on it and check every contract landed where the app expects it (`expected`: the
 * addresses the app's bindings were built with), so the app's code can run against it unchanged.
 */
export async function startDeployedAnvil(
  expected: Record<string, { address: Address }>,
): Promise<{ anvil: Anvil; client: AnvilClient }> {
  const anvil = await startAnvil();
  try {
    const deployment = await deploy({
      rpcUrl: anvil.rpcUrl,
      deploymentsDir: mkdtempSync(join(tmpdir(), "plenum-deployments-")),
    });
    for (const [name, { address }] of Object.entries(expected)) {
      const deployed = deployment[name as keyof Deployment];
      if (typeof deployed !== "string" || !isAddressEqual(deployed, address)) {
        throw new Error(`${name} deployed at ${String(deployed)}, the app expects ${address}`);
      }
    }
    return { anvil, client: connectAnvil(anvil.rpcUrl) };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}
