import type { Page } from "@playwright/test";
import { contracts } from "../lib/contracts";
import { splitDescription } from "../lib/governance/proposal-text";
import { localRoles } from "../scripts/lib/accounts";
import { anvilAccount, type AnvilClient } from "../scripts/lib/chain";
import { expect, indexerCaughtUp, test } from "./fixtures";
import { address } from "./governance";

const { governor } = contracts;

type AtomEntry = { id: string; title: string; link: string; updated: string; summary: string; content: string };

/** The document parsed by the browser's XML parser as an Atom 1.0 feed: its required elements and its entries. */
async function parseAtom(page: Page, xml: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    const error = doc.querySelector("parsererror");
    if (error) return { error: error.textContent ?? "parse error" };
    const root = doc.documentElement;
    const child = (parent: Element, name: string) => [...parent.children].find((element) => element.localName === name);
    const text = (parent: Element, name: string) => child(parent, name)?.textContent ?? "";
    return {
      namespace: root.namespaceURI,
      root: root.localName,
      id: text(root, "id"),
      title: text(root, "title"),
      updated: text(root, "updated"),
      entries: [...root.children]
        .filter((element) => element.localName === "entry")
        .map((entry) => ({
          id: text(entry, "id"),
          title: text(entry, "title"),
          link: child(entry, "link")?.getAttribute("href") ?? "",
          updated: text(entry, "updated"),
          summary: text(entry, "summary"),
          content: text(entry, "content"),
        })),
    };
  }, xml);
}

/** The proposals the chain has, with the title the app shows for each. */
async function proposalsOnChain(chain: AnvilClient) {
  const created = await chain.getContractEvents({
    ...governor,
    eventName: "ProposalCreated",
    fromBlock: 0n,
    strict: true,
  });
  return created.map((log) => ({ id: log.args.proposalId, title: splitDescription(log.args.description).title }));
}

test("the proposals feed is valid Atom and JSON Feed with every seeded proposal, hostile text inert", async ({
  page,
  request,
  chain,
  governance,
}) => {
  // A proposal whose title would break an XML feed, or run in a reader, were it not escaped.
  const hostile = `<script>alert(1)</script> ]]> & "quotes" \u0007bell`;
  const proposer = anvilAccount(localRoles.delegates[0]);
  await governance.propose(
    proposer,
    [{ target: contracts.token.address, value: 0n, calldata: "0x" }],
    `# ${hostile}\n\nBody.`,
  );
  await indexerCaughtUp();
  // The list links its feed, for people and for readers that look in the page's head.
  await page.goto("/proposals");
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    /\/feeds\/proposals\.atom$/,
  );
  await expect(page.getByTestId("feed-links").getByRole("link", { name: "JSON Feed" })).toHaveAttribute(
    "href",
    "/feeds/proposals.json",
  );
  const seeded = await proposalsOnChain(chain);

  const atomResponse = await request.get("/feeds/proposals.atom");
  expect(atomResponse.status()).toBe(200);
  expect(atomResponse.headers()["content-type"]).toContain("application/atom+xml");
  const atom = await parseAtom(page, await atomResponse.text());
  if ("error" in atom) throw new Error(`The Atom feed does not parse: ${atom.error}`);
  expect(atom).toMatchObject({ namespace: "http://www.w3.org/2005/Atom", root: "feed", title: "Plenum proposals" });
  expect(atom.id).toMatch(/\/feeds\/proposals$/);
  expect(Date.parse(atom.updated)).not.toBeNaN();
  for (const entry of atom.entries) {
    expect(entry.id).toMatch(/^urn:plenum:31337:proposal\./);
    expect(Date.parse(entry.updated)).not.toBeNaN();
  }
  const created = atom.entries.filter((entry: AtomEntry) => entry.id.includes(":proposal.created:"));
  expect(created.map((entry: AtomEntry) => entry.link.replace(/^.*\/proposals\//, "")).toSorted()).toEqual(
    seeded.map((p) => String(p.id)).toSorted(),
  );
  // The title is HTML in the feed: a reader shows the characters as typed; the bell (not XML) is gone.
  const hostileEntry = created.find((entry: AtomEntry) => entry.title.includes("alert"))!;
  expect(hostileEntry.title).toBe(
    "New proposal: &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; &quot;quotes&quot; bell",
  );
  const shown = await page.evaluate((html) => {
    const holder = document.createElement("div");
    holder.innerHTML = html;
    return { text: holder.textContent, scripts: holder.querySelectorAll("script").length };
  }, hostileEntry.title);
  expect(shown).toEqual({ text: `New proposal: <script>alert(1)</script> ]]> & "quotes" bell`, scripts: 0 });

  const jsonResponse = await request.get("/feeds/proposals.json");
  expect(jsonResponse.headers()["content-type"]).toContain("application/feed+json");
  const json = (await jsonResponse.json()) as {
    version: string;
    title: string;
    home_page_url: string;
    feed_url: string;
    items: { id: string; url: string; title: string; date_modified: string }[];
  };
  expect(json.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/);
  expect(json.title).toBe("Plenum proposals");
  expect(json.feed_url).toMatch(/\/feeds\/proposals\.json$/);
  expect(json.items.map((item) => item.id)).toEqual(atom.entries.map((entry: AtomEntry) => entry.id));
  for (const item of json.items) {
    expect(item.url).toMatch(/\/proposals\/\d+$/);
    expect(item.title.length).toBeGreaterThan(0);
  }
});

test("a delegate's feed carries their votes with reasons; the disputes feed the seeded dispute; unknown feeds 404", async ({
  page,
  request,
  chain,
}) => {
  const delegate = address(localRoles.delegates[0]);
  await page.goto(`/delegates/${delegate}`);
  await expect(page.getByTestId("feed-links").getByRole("link", { name: "Atom feed" })).toHaveAttribute(
    "href",
    `/feeds/delegates/${delegate}.atom`,
  );
  const cast = await chain.getContractEvents({
    ...governor,
    eventName: "VoteCast",
    args: { voter: delegate },
    fromBlock: 0n,
    strict: true,
  });
  expect(cast.length, "the seed has this delegate vote").toBeGreaterThan(0);

  const atomResponse = await request.get(`/feeds/delegates/${delegate}.atom`);
  expect(atomResponse.status()).toBe(200);
  const atom = await parseAtom(page, await atomResponse.text());
  if ("error" in atom) throw new Error(`The delegate's feed does not parse: ${atom.error}`);
  expect(atom.title).toMatch(/^Votes of /);
  expect(atom.entries.map((entry: AtomEntry) => entry.link.replace(/^.*\/proposals\//, "")).toSorted()).toEqual(
    cast.map((log) => String(log.args.proposalId)).toSorted(),
  );
  // Each reason, shown as typed: the entry's content is the escaped text in a paragraph.
  const shownReasons = await page.evaluate(
    (contents) =>
      contents.map((html) => {
        const holder = document.createElement("div");
        holder.innerHTML = html;
        return holder.textContent ?? "";
      }),
    atom.entries.map((entry: AtomEntry) => entry.content),
  );
  expect(shownReasons.filter(Boolean).toSorted()).toEqual(
    cast
      .map((log) => log.args.reason)
      .filter(Boolean)
      .toSorted(),
  );
  const json = (await (await request.get(`/feeds/delegates/${delegate.toLowerCase()}.json`)).json()) as {
    items: { id: string }[];
  };
  expect(json.items.map((item) => item.id)).toEqual(atom.entries.map((entry: AtomEntry) => entry.id));

  const disputes = await parseAtom(page, await (await request.get("/feeds/disputes.atom")).text());
  if ("error" in disputes) throw new Error(`The disputes feed does not parse: ${disputes.error}`);
  const filed = await chain.getContractEvents({
    ...contracts.disputeModule,
    eventName: "DisputeFiled",
    fromBlock: 0n,
    strict: true,
  });
  expect(
    disputes.entries
      .filter((entry: AtomEntry) => entry.id.includes(":dispute.filed:"))
      .map((entry: AtomEntry) => entry.id.split(":").pop()),
  ).toEqual(filed.map((log) => String(log.args.disputeId)));

  expect((await request.get("/feeds/votes.atom")).status()).toBe(404);
  expect((await request.get("/feeds/proposals.rss")).status()).toBe(404);
  expect((await request.get("/feeds/delegates/not-an-address.atom")).status()).toBe(404);
  // An address without votes yet has a feed to follow: empty until it votes.
  const newcomer = await request.get(`/feeds/delegates/0x${"12".repeat(20)}.json`);
  expect(newcomer.status()).toBe(200);
  expect(((await newcomer.json()) as { items: unknown[] }).items).toEqual([]);
});
