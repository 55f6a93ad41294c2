import { contracts } from "../lib/contracts";
import { ProposalState } from "../lib/governance/proposal-state";
import { expect, test } from "./fixtures";

test("the dev panel moves a pending proposal into its voting period", async ({ page, chain }) => {
  const { governor } = contracts;
  const count = await chain.readContract({ ...governor, functionName: "proposalCount" });
  let pendingId: bigint | undefined;
  for (let i = 0n; i < count && pendingId === undefined; i++) {
    const [id] = await chain.readContract({ ...governor, functionName: "proposalDetailsAt", args: [i] });
    if ((await chain.readContract({ ...governor, functionName: "state", args: [id] })) === ProposalState.Pending) {
      pendingId = id;
    }
  }
  expect(pendingId).toBeDefined();
  const snapshot = await chain.readContract({ ...governor, functionName: "proposalSnapshot", args: [pendingId!] });

  await page.goto("/");
  await page.getByRole("button", { name: "Dev panel" }).click();
  const panel = page.getByRole("complementary", { name: "Dev panel" });
  await panel.getByRole("combobox").selectOption(pendingId!.toString());
  await panel.getByRole("button", { name: "Move time to: voting starts" }).click();

  await expect
    .poll(() => chain.readContract({ ...governor, functionName: "state", args: [pendingId!] }))
    .toBe(ProposalState.Active);
  expect((await chain.getBlock()).timestamp).toBe(snapshot + 1n);
  // The panel refreshed its reads: the proposal now waits for the end of voting.
  await expect(panel.getByRole("combobox")).toContainText("next: voting ends");
});
