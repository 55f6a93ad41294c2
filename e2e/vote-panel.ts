import type { Page } from "@playwright/test";

/** Pick For, Against or Abstain in the proposal page's vote panel, type the reason and press the vote button. */
export async function vote(page: Page, support: "For" | "Against" | "Abstain", reason: string) {
  const panel = page.getByTestId("vote-panel");
  await panel.getByText(support, { exact: true }).click();
  await panel.getByRole("textbox").fill(reason);
  await panel.getByTestId("cast-vote").click();
}
