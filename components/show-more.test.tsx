import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ShowMore } from "./show-more";

const render = (hasNextPage: boolean, isFetchingNextPage: boolean) =>
  renderToStaticMarkup(
    <ShowMore query={{ hasNextPage, isFetchingNextPage, fetchNextPage: () => undefined }} label="voters" />,
  );

describe("ShowMore", () => {
  it("offers the next page with the list's name", () => {
    expect(render(true, false)).toMatch(/^<button type="button"[^>]*>Show more voters<\/button>$/);
  });

  it("is disabled and says so while the next page loads", () => {
    const html = render(true, true);
    expect(html).toContain("disabled");
    expect(html).toContain(">Loading…</button>");
  });

  it("is gone once the last page is in", () => {
    expect(render(false, false)).toBe("");
  });
});
