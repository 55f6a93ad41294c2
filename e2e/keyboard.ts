import { expect, type Locator, type Page } from "@playwright/test";

/** The focused element as a screen reader names it: its role and accessible name. */
export async function focusedName(page: Page): Promise<string> {
  const focused = page.locator(":focus");
  if ((await focused.count()) === 0) return "(nothing)";
  // The first line of its ARIA snapshot: `- button "Close"`, with a colon when the element has children.
  return (await focused.ariaSnapshot()).split("\n")[0].replace(/^- /, "").replace(/:$/, "") || "(unnamed)";
}

/**
 * The focused element shows where the focus is: an outline that is drawn (style, width, colour). A visually hidden
 * control (a radio drawn by its label, a file input) shows it on its label instead.
 */
export async function expectFocusVisible(page: Page): Promise<void> {
  const problem = await page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return "nothing has the focus";
    const outlined = (element: Element) => {
      const style = getComputedStyle(element);
      return (
        style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== "rgba(0, 0, 0, 0)"
      );
    };
    const { width, height } = focused.getBoundingClientRect();
    const labels = [...((focused as HTMLInputElement).labels ?? [])];
    const shown =
      width > 1 && height > 1
        ? [focused]
        : labels.flatMap((label) => [label, ...label.querySelectorAll("*")]).filter((element) => element !== focused);
    return shown.some(outlined) ? undefined : `no visible focus outline on ${focused.outerHTML.slice(0, 300)}`;
  });
  expect(problem).toBeUndefined();
}

/**
 * The role and accessible name in an ARIA snapshot line: `button "Vote For"`, `radio "For" [checked]`. Playwright shows
 * an element it gives no role (a `<summary>`) as its text: `text: 2 pending`.
 */
function roleAndName(line: string): { role: string; name: string } {
  const text = /^text: (.*)$/.exec(line);
  if (text) return { role: "text", name: text[1] };
  const [, role = "", name = ""] = /^([\w-]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(line) ?? [];
  return { role, name: name.replace(/\\(.)/g, "$1") };
}

/**
 * Press Tab (Shift+Tab with `backwards`) until the focus is on an element with this role and accessible name (exact
 * for a string), checking at each stop that the focus is visible. Fails with the names it passed after `max` presses.
 */
export async function tabTo(
  page: Page,
  role: string,
  name: string | RegExp,
  { within, backwards = false, max = 80 }: { within?: Locator; backwards?: boolean; max?: number } = {},
): Promise<void> {
  const passed: string[] = [];
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const line = await focusedName(page);
    passed.push(line);
    // Past the last control the focus leaves the page (the browser's own UI); the next Tab comes back to the top.
    if (line === "(nothing)") continue;
    await expectFocusVisible(page);
    const focused = roleAndName(line);
    const named = typeof name === "string" ? focused.name === name : name.test(focused.name);
    const inside = !within || (await within.evaluate((element) => element.contains(document.activeElement)));
    if (focused.role === role && named && inside) return;
  }
  throw new Error(`No ${role} named ${name} after ${max} presses of Tab; passed:\n  ${passed.join("\n  ")}`);
}

/** Press a key that moves the focus (an arrow key in a radio group), then check the focus is visible. */
export async function move(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await expectFocusVisible(page);
}

/**
 * Tag the live regions (role status or alert) that `scope` holds now. `announced` then finds text only in one of
 * them: a region mounted together with its text is often not announced, so it must already be there.
 */
export async function markLiveRegions(scope: Locator): Promise<void> {
  await scope.evaluate((element) =>
    element
      .querySelectorAll('[role="status"], [role="alert"]')
      .forEach((region) => region.setAttribute("data-live-before", "")),
  );
}

/** The live region of this role, tagged by `markLiveRegions` before the action, that holds `text`. */
export function announced(scope: Locator, role: "status" | "alert", text: string | RegExp): Locator {
  return scope.locator(`[role="${role}"][data-live-before]`).filter({ hasText: text });
}
