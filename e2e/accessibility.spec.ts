import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { Address } from "viem";
import { contracts } from "../lib/contracts";
import { ProposalState } from "../lib/governance/proposal-state";
import { localRoles } from "../scripts/lib/accounts";
import type { AnvilClient } from "../scripts/lib/chain";
import { expect, test } from "./fixtures";
import { address, proposalsWithState } from "./governance";

const { disputeModule, governor } = contracts;

// WCAG 2.2 A and AA, and axe's best practices (without them a dialog with no name goes unreported).
const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];

const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 375, height: 812 },
} as const;
type Viewport = keyof typeof viewports;

const delegate = address(localRoles.delegates[0]);
const holder = address(localRoles.holders[1]);
const expert = address(localRoles.panel[1]);

/** Every serious or critical axe violation on the page as it is now, one line per rule with the elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  return violations
    .filter(({ impact }) => impact === "serious" || impact === "critical")
    .map(
      ({ id, impact, help, nodes }) =>
        `${id} (${impact}): ${help}\n${nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary}`).join("\n")}`,
    );
}

async function expectAccessible(page: Page, what: string) {
  expect.soft(await seriousViolations(page), `axe on ${what}`).toEqual([]);
}

/** Wider than the screen: the page scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect
    .soft(scrollWidth, `${what} is ${scrollWidth - clientWidth} px wider than the screen`)
    .toBeLessThanOrEqual(clientWidth);
}

/** One page of each kind, and a proposal page in each state the seed leaves. */
async function routes(chain: AnvilClient): Promise<string[]> {
  const proposals = await proposalsWithState(chain);
  const disputed = await Promise.all(
    proposals.map(async ({ id }) => {
      const disputeId = await chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [id] });
      return disputeId !== 0n;
    }),
  );
  const byState = new Map<number, bigint>();
  proposals.forEach(({ id, state }, index) => {
    if (!disputed[index] && !byState.has(state)) byState.set(state, id);
  });
  const disputedId = proposals.find((_, index) => disputed[index])!.id;
  return [
    "/",
    "/proposals",
    "/proposals/new",
    "/delegates",
    `/delegates/${delegate}`,
    "/disputes",
    "/proposals/0",
    `/proposals/${disputedId}`,
    ...[...byState.values()].map((id) => `/proposals/${id}`),
  ];
}

/** Wait for the content a visitor came for: the client has rendered and no query is still loading. */
async function settled(page: Page, connected: boolean) {
  await page.waitForLoadState("load");
  await expect(page.getByText(/^Loading\b/)).toHaveCount(0);
  // After a page load wagmi reconnects, then RainbowKit's account button mounts, hidden (aria-hidden) for a moment.
  if (connected) await expect(page.getByTestId("rk-account-button")).toBeVisible();
  await expect(page.locator('[data-rk] [aria-hidden="true"]:has(button)')).toHaveCount(0);
}

async function checkEveryRoute(page: Page, chain: AnvilClient, viewport: Viewport, connectedAs?: Address) {
  // About fifteen pages, each loaded and scanned: 2-5 s apiece on two busy cores.
  test.setTimeout(300_000);
  await page.setViewportSize(viewports[viewport]);
  const paths = await routes(chain);
  for (const path of paths) {
    await page.goto(path);
    await settled(page, connectedAs !== undefined);
    const what = `${path} at ${viewport} width${connectedAs ? ", connected" : ""}`;
    if (viewport === "phone") await expectNoSidewaysScroll(page, what);
    await expectAccessible(page, what);
  }
}

for (const viewport of ["desktop", "phone"] as const) {
  test(`every route at ${viewport} width, disconnected: no serious axe violation`, async ({ page, chain }) => {
    await checkEveryRoute(page, chain, viewport);
  });

  test(`every route at ${viewport} width, connected as a delegate: no serious axe violation`, async ({
    page,
    chain,
    wallet,
  }) => {
    await page.setViewportSize(viewports[viewport]);
    await wallet.install(delegate);
    await page.goto("/");
    await wallet.connect();
    await checkEveryRoute(page, chain, viewport, delegate);
  });

  test(`in dark mode every route at ${viewport} width: no serious axe violation`, async ({ page, chain, wallet }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.setViewportSize(viewports[viewport]);
    // Connected at desktop width, disconnected on the phone: both header states are checked in the dark.
    if (viewport === "desktop") {
      await wallet.install(delegate);
      await page.goto("/");
      await wallet.connect();
    }
    await checkEveryRoute(page, chain, viewport, viewport === "desktop" ? delegate : undefined);
  });

  test(`at ${viewport} width the wallet modal and the header menu are accessible`, async ({ page, wallet }) => {
    await page.setViewportSize(viewports[viewport]);
    await wallet.install(holder);
    await page.goto("/");
    if (viewport === "phone") {
      const menu = page.getByRole("button", { name: "Menu" });
      await expect(page.getByRole("link", { name: "Delegates" })).toBeHidden();
      await menu.click();
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expect(page.getByRole("link", { name: "Delegates" })).toBeVisible();
      await expectAccessible(page, `the open header menu at ${viewport} width`);
    }
    const connect = page.getByRole("button", { name: "Connect Wallet" });
    expect((await connect.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await connect.click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectAccessible(page, `the wallet modal at ${viewport} width`);
    await page.getByRole("dialog").getByText("Plenum Test Wallet", { exact: true }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    if (viewport === "phone") {
      // Connected, the account's voting power is in the menu (still open); the wallet button stays in the top row.
      await expect(page.getByTestId("header-voting-power")).toBeVisible();
      await expectNoSidewaysScroll(page, `the connected header menu at ${viewport} width`);
      await expectAccessible(page, `the connected header menu at ${viewport} width`);
    }
  });

  test(`at ${viewport} width the delegate, vote, dispute and ruling forms are accessible when open`, async ({
    chain,
    openAs,
  }) => {
    const proposals = await proposalsWithState(chain);
    const active = proposals.find(({ state }) => state === ProposalState.Active)!.id;
    let voter: Address | undefined;
    for (const index of localRoles.delegates) {
      const hasVoted = await chain.readContract({
        ...governor,
        functionName: "hasVoted",
        args: [active, address(index)],
      });
      if (!hasVoted) voter = address(index);
    }
    let queued: bigint | undefined;
    let disputed: bigint | undefined;
    for (const { id } of proposals.filter(({ state }) => state === ProposalState.Queued)) {
      const disputeId = await chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [id] });
      if (disputeId === 0n) queued ??= id;
      else disputed ??= id;
    }

    const check = async (
      as: Address,
      path: string,
      form: string,
      primaryAction: string,
      fill?: (view: Page) => Promise<void>,
    ) => {
      const view = await openAs(as, path);
      await view.setViewportSize(viewports[viewport]);
      await expect(view.getByTestId(form)).toBeVisible();
      await fill?.(view);
      // A primary action is at least 44 px high (WCAG 2.5.5); axe checks every target for 24 px (2.5.8).
      const box = await view.getByTestId(primaryAction).boundingBox();
      expect(box?.height, `${primaryAction} is ${box?.height} px high`).toBeGreaterThanOrEqual(44);
      await expectNoSidewaysScroll(view, `${form} at ${viewport} width`);
      await expectAccessible(view, `${form} at ${viewport} width`);
      await view.close();
    };
    await check(holder, "/", "delegation-form", "delegate-self");
    await check(voter!, `/proposals/${active}`, "vote-panel", "cast-vote", async (view) => {
      const panel = view.getByTestId("vote-panel");
      await panel.getByText("For", { exact: true }).click();
      await panel.getByRole("textbox").fill("A reason long enough to show the counter.");
    });
    await check(holder, `/proposals/${queued}`, "file-dispute", "file-dispute-button");
    await check(expert, `/proposals/${disputed}`, "ruling-form", "cast-ruling", async (view) => {
      await view.getByTestId("ruling-form").getByText("Uphold", { exact: true }).click();
    });
  });
}
