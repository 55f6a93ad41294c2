import { describe, expect, it } from "vitest";
import { revealedDestination, safeHref } from "./links";

describe("safeHref", () => {
  it("accepts absolute http(s) URLs with a host, and mailto", () => {
    expect(safeHref("https://example.com")).toBe("https://example.com/");
    expect(safeHref("http://example.com/a?b=c")).toBe("http://example.com/a?b=c");
    expect(safeHref("MAILTO:ops@example.com")).toBe("mailto:ops@example.com");
  });

  it("refuses every other scheme, relative URLs and malformed ones", () => {
    for (const url of [
      "javascript:alert(1)",
      "data:text/html,x",
      "ftp://a.example",
      "//example.com",
      "/a",
      " https://a.example",
      "https://",
    ]) {
      expect(safeHref(url), url).toBeUndefined();
    }
  });
});

describe("revealedDestination", () => {
  it("reveals where a link goes when its text reads as another domain, URL or address", () => {
    expect(revealedDestination("paypal.com", "https://evil.example/")).toBe("https://evil.example/");
    expect(revealedDestination(" uniswap.app ", "https://evil.example/")).toBe("https://evil.example/");
    expect(revealedDestination("https://forum.example/t/1", "https://forum.example/t/2")).toBe(
      "https://forum.example/t/2",
    );
    expect(revealedDestination("ops@plenum.org", "mailto:thief@evil.example")).toBe("mailto:thief@evil.example");
    expect(revealedDestination("ftp://files.example/a", "https://evil.example/")).toBe("https://evil.example/");
  });

  it("reveals a host written in look-alike letters", () => {
    expect(revealedDestination("https://\u0430pple.com", "https://xn--pple-43d.com/")).toBe(
      "https://xn--pple-43d.com/",
    );
  });

  it("says nothing when the text is not an address or names the same place", () => {
    expect(revealedDestination("the forum", "https://evil.example/")).toBeUndefined();
    expect(revealedDestination("plenum.org", "https://plenum.org/docs")).toBeUndefined();
    expect(revealedDestination("https://forum.example/t/1", "https://forum.example/t/1")).toBeUndefined();
    expect(revealedDestination("http://forum.example/t/1", "https://forum.example/t/1")).toBeUndefined();
    expect(revealedDestination("ops@plenum.org", "mailto:ops@plenum.org")).toBeUndefined();
    expect(revealedDestination(`see ${"x".repeat(64 * 1024)}.com`, "https://evil.example/")).toBeUndefined();
  });
});
