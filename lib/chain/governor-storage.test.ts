import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { artifactsDir } from "../../scripts/lib/paths";
import { governorStorageSlots } from "./governor-storage";

type StorageEntry = { label: string; slot: string; offset: number };

describe("the governor's storage slots the simulations override", () => {
  it("match the layout of the built PlenumGovernor", () => {
    const artifact = JSON.parse(readFileSync(join(artifactsDir, "PlenumGovernor.sol", "PlenumGovernor.json"), "utf8"));
    const storage: StorageEntry[] = artifact.storageLayout.storage;
    const slotOf = (label: string) => storage.find((entry) => entry.label === label);
    expect(slotOf("_governanceCall")).toMatchObject({ slot: String(governorStorageSlots.governanceCall), offset: 0 });
    expect(slotOf("_proposalThreshold")).toMatchObject({
      slot: String(governorStorageSlots.proposalThreshold),
      offset: 0,
    });
  });
});
