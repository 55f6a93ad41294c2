import type { Page } from "@playwright/test";
import axe from "axe-core";
import type { Address } from "viem";
import { contracts } from "../lib/contracts";
import { ProposalState } from "../lib/governance/proposal-state";
import { localRoles } from "../scripts/lib/accounts";
import type { AnvilClient } from "../scripts/lib/chain";
import { expect, requiredEnv, test } from "./fixtures";
import { address, proposalsWithState } from "./governance";

const { disputeModule, governor } = contracts;

declare global {
  interface Window {
    axe: typeof axe;
  }
}

// WCAG 2.2 A and AA, and axe's best practices (without them a dialog with no name goes unreported).
const everyRule: axe.RunOptions = {
  runOnly: {
    type: "tag",
    values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"],
  },
  resultTypes: ["violations"],
};
// Dark mode swaps the colours of the palette (app/dark-palette.css) and of RainbowKit's theme, nothing else: of the
// rules above, only these two read colours, so only they can find something new in the dark.
const colourRules: axe.RunOptions = {
  runOnly: { type: "rule", values: ["color-contrast", "link-in-text-block"] },
  resultTypes: ["violations"],
};

const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 375, height: 812 },
} as const;
const widths = ["desktop", "phone"] as const;

const delegate = address(localRoles.delegates[0]);
const holder = address(localRoles.holders[1]);
const expert = address(localRoles.panel[1]);

/** Every serious or critical axe violation on the page as it is now, one line per rule with the elements. */
async function seriousViolations(page: Page, options: axe.RunOptions): Promise<string[]> {
  // axe is injected once per page load and run in place: AxeBuilder (@axe-core/playwright) evaluates its 600 kB source
  // again and finishes in a new blank page on every scan, 2 s a scan here against 0.4 s. The app has no iframe.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const { violations } = await page.evaluate((options) => window.axe.run(document, options), options);
  return violations
    .filter(({ impact }) => impact === "serious" || impact === "critical")
    .map(
      ({ id, impact, help, nodes }) =>
        `${id} (${impact}): ${help}\n${nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary}`).join("\n")}`,
    );
}

/** Put the page in a colour scheme, with no colour still on its way (RainbowKit's buttons ease over 125 ms). */
async function setColourScheme(page: Page, colorScheme: "light" | "dark") {
  const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
  if (dark === (colorScheme === "dark")) return;
  await page.emulateMedia({ colorScheme });
  await page.evaluate(() =>
    document
      .getAnimations()
      .filter((animation) => animation instanceof CSSTransition)
      .forEach((animation) => animation.finish()),
  );
}

/** No serious axe violation on the page as it is now, in light mode and then, unless told not to, in dark mode. */
async function expectAccessible(page: Page, what: string, { dark = true } = {}) {
  await setColourScheme(page, "light");
  expect.soft(await seriousViolations(page, everyRule), `axe on ${what}`).toEqual([]);
  if (!dark) return;
  await setColourScheme(page, "dark");
  expect.soft(await seriousViolations(page, colourRules), `axe on ${what} in dark mode`).toEqual([]);
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

/** Every proposal with its state, and whether a dispute was filed against it. */
async function proposalsWithDispute(chain: AnvilClient) {
  const proposals = await proposalsWithState(chain);
  return Promise.all(
    proposals.map(async (proposal) => {
      const disputeId = await chain.readContract({ ...disputeModule, functionName: "disputeOf", args: [proposal.id] });
      return { ...proposal, disputed: disputeId !== 0n };
    }),
  );
}

/** One page of each kind, and a proposal page in each state the seed leaves. */
async function routes(chain: AnvilClient): Promise<string[]> {
  const proposals = await proposalsWithDispute(chain);
  const byState = new Map<number, bigint>();
  for (const { id, state, disputed } of proposals) {
    if (!disputed && !byState.has(state)) byState.set(state, id);
  }
  const disputedId = proposals.find(({ disputed }) => disputed)!.id;
  return [
    "/",
    "/proposals",
    "/proposals?view=checks",
    // A seeded temperature check, open, with votes and reasons.
    `/polls/${requiredEnv("PLENUM_E2E_POLL_IDS").split(",")[0]}`,
    "/proposals/new",
    "/delegates",
    `/delegates/${delegate}`,
    "/disputes",
    "/notifications",
    "/analytics",
    "/proposals/0",
    `/proposals/${disputedId}`,
    ...[...byState.values()].map((id) => `/proposals/${id}`),
  ];
}

/** Wait for the content a visitor came for: the client has rendered and no query is still loading. */
async function settled(page: Page, connected: boolean) {
  // Polled every 100 ms: a locator assertion backs off to every 500 ms, a quarter second lost on each of forty loads.
  const often = { intervals: [100] };
  await expect.poll(() => page.getByText(/^Loading\b/).count(), often).toBe(0);
  // After a page load wagmi reconnects, then RainbowKit's account button mounts, hidden (aria-hidden) for a moment.
  if (connected) await expect.poll(() => page.getByTestId("rk-account-button").isVisible(), often).toBe(true);
  await expect.poll(() => page.locator('[data-rk] [aria-hidden="true"]:has(button)').count(), often).toBe(0);
}

/**
 * Each route loaded once and checked at both widths: the layout follows the width through CSS media queries only, so
 * a page resized to the phone's width is the page a phone loads. Dark mode is checked at one width: at desktop width
 * connected, on the phone disconnected, so both header states and both layouts are seen in the dark.
 */
async function checkEveryRoute(page: Page, chain: AnvilClient, connected: boolean) {
  // About fifteen pages, each loaded once and scanned three times: 3-4 s apiece on two busy cores.
  test.setTimeout(300_000);
  const darkWidth = connected ? "desktop" : "phone";
  for (const path of await routes(chain)) {
    await page.setViewportSize(viewports.desktop);
    await page.goto(path);
    await settled(page, connected);
    for (const width of widths) {
      await page.setViewportSize(viewports[width]);
      const what = `${path} at ${width} width${connected ? ", connected" : ""}`;
      if (width === "phone") await expectNoSidewaysScroll(page, what);
      await expectAccessible(page, what, { dark: width === darkWidth });
    }
  }
}

test("every route at desktop and phone width, disconnected, dark on the phone: no serious axe violation", async ({
  page,
  chain,
}) => {
  await checkEveryRoute(page, chain, false);
});

test("every route at desktop and phone width, connected as a delegate, dark at desktop width: no serious axe violation", async ({
  page,
  chain,
  wallet,
}) => {
  await wallet.install(delegate);
  await page.goto("/");
  await wallet.connect();
  await checkEveryRoute(page, chain, true);
});

for (const width of widths) {
  test(`at ${width} width the wallet modal and the header menu are accessible`, async ({ page, wallet }) => {
    await page.setViewportSize(viewports[width]);
    await wallet.install(holder);
    await page.goto("/");
    if (width === "phone") {
      const menu = page.getByRole("button", { name: "Menu" });
      await expect(page.getByRole("link", { name: "Delegates" })).toBeHidden();
      await menu.click();
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expect(page.getByRole("link", { name: "Delegates" })).toBeVisible();
      await expectAccessible(page, `the open header menu at ${width} width`);
    }
    const connect = page.getByRole("button", { name: "Connect Wallet" });
    expect((await connect.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await connect.click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectAccessible(page, `the wallet modal at ${width} width`);
    await page.getByRole("dialog").getByText("Plenum Test Wallet", { exact: true }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    if (width === "phone") {
      // Connected, the account's voting power is in the menu (still open); the wallet button stays in the top row.
      await expect(page.getByTestId("header-voting-power")).toBeVisible();
      await expectNoSidewaysScroll(page, `the connected header menu at ${width} width`);
      await expectAccessible(page, `the connected header menu at ${width} width`);
    }
  });
}

test("the delegate, vote, dispute and ruling forms are accessible when open, at desktop and phone width", async ({
  chain,
  openAs,
}) => {
  // Three wallets connect through the modal, four forms are scanned at two widths.
  test.setTimeout(120_000);
  const proposals = await proposalsWithDispute(chain);
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
  const queued = proposals.filter(({ state }) => state === ProposalState.Queued);
  const undisputed = queued.find(({ disputed }) => !disputed)!.id;
  const disputed = queued.find(({ disputed }) => disputed)!.id;

  // Each form is checked at both widths, as the routes are.
  const check = async (view: Page, form: string, primaryAction: string, fill?: () => Promise<void>) => {
    await expect(view.getByTestId(form)).toBeVisible();
    await fill?.();
    for (const width of widths) {
      await view.setViewportSize(viewports[width]);
      // A primary action is at least 44 px high (WCAG 2.5.5); axe checks every target for 24 px (2.5.8).
      const box = await view.getByTestId(primaryAction).boundingBox();
      expect(box?.height, `${primaryAction} is ${box?.height} px high at ${width} width`).toBeGreaterThanOrEqual(44);
      await expectNoSidewaysScroll(view, `${form} at ${width} width`);
      await expectAccessible(view, `${form} at ${width} width`);
    }
  };
  const holderView = await openAs(holder, "/");
  await check(holderView, "delegation-form", "delegate-self");
  // Same tab: the wallet reconnects on the next page, as an extension's does.
  await holderView.goto(`/proposals/${undisputed}`);
  await settled(holderView, true);
  await check(holderView, "file-dispute", "file-dispute-button");
  await holderView.close();

  const voterView = await openAs(voter!, `/proposals/${active}`);
  await check(voterView, "vote-panel", "cast-vote", async () => {
    const panel = voterView.getByTestId("vote-panel");
    await panel.getByText("For", { exact: true }).click();
    await panel.getByRole("textbox").fill("A reason long enough to show the counter.");
  });
  await voterView.close();

  const expertView = await openAs(expert, `/proposals/${disputed}`);
  await check(expertView, "ruling-form", "cast-ruling", async () => {
    await expertView.getByTestId("ruling-form").getByText("Uphold", { exact: true }).click();
  });
});
