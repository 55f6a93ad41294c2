import { contracts } from "../lib/contracts";
import { localRoles } from "../scripts/lib/accounts";
import { expect, requiredEnv, test } from "./fixtures";
import { address } from "./governance";

// e2e/global-setup.ts serves the app with a server-only RPC URL carrying an API key, next to the public one.
test("the server-only RPC URL reaches no browser: not in the HTML, RSC payload or JavaScript of any route", async ({
  page,
  request,
  chain,
}) => {
  const serverRpcUrl = requiredEnv("PLENUM_E2E_SERVER_RPC_URL");
  const publicRpcUrl = requiredEnv("PLENUM_E2E_RPC_URL");
  const key = new URL(serverRpcUrl).searchParams.get("apikey")!;
  const [proposalId] = await chain.readContract({
    ...contracts.governor,
    functionName: "proposalDetailsAt",
    args: [0n],
  });
  const routes = [
    "/",
    "/proposals",
    `/proposals/${proposalId}`,
    "/proposals/new",
    "/delegates",
    `/delegates/${address(localRoles.delegates[0])}`,
    "/disputes",
    "/no-such-page",
  ];

  const leaks = new Set<string>();
  const check = (what: string, body: string) => {
    if (body.includes(key)) leaks.add(what);
  };
  const responsesRead: Promise<void>[] = [];
  let publicRpcRequests = 0;
  page.on("request", (sent) => {
    if (sent.url().includes(key)) leaks.add(`a request from the browser to ${sent.url()}`);
    if (sent.url().startsWith(publicRpcUrl)) publicRpcRequests++;
  });
  page.on("response", (response) => {
    responsesRead.push(
      response.text().then(
        (body) => check(`${response.request().resourceType()} ${response.url()}`, body),
        () => undefined, // redirects and aborted requests have no body
      ),
    );
  });

  const scripts = new Set<string>();
  for (const route of routes) {
    const html = await (await request.get(route)).text();
    check(`the HTML of ${route}`, html);
    check(`the RSC payload of ${route}`, await (await request.get(route, { headers: { RSC: "1" } })).text());
    for (const [, src] of html.matchAll(/<script[^>]* src="([^"]+)"/g)) scripts.add(src);
    // In the browser too: what it fetches after the first load (chunks, RSC payloads, RPC answers) is read above.
    await page.goto(route);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  }
  for (const src of scripts) check(src, await (await request.get(src)).text());
  await Promise.all(responsesRead);

  expect(scripts.size).toBeGreaterThan(5);
  expect(publicRpcRequests).toBeGreaterThan(0);
  expect([...leaks]).toEqual([]);
});
