import { LinkifyIt } from "linkify-it";
import tlds from "tlds";

/** The URL, normalized, when it is an absolute http(s) URL with a host or a mailto URL; else undefined. */
export function safeHref(url: string): string | undefined {
  if (!/^(https?|mailto):/i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "mailto:") return parsed.href;
    return parsed.hostname === "" ? undefined : parsed.href;
  } catch {
    return undefined;
  }
}

// Reads link text the way a person would: "paypal.com" is a domain, "ops@dao.example" an address.
const urlLike = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true }).tlds(tlds);

/** Past this length, link text is not read as an address: nobody takes a wall of text for one. */
const MAX_ADDRESS_LENGTH = 2_048;

function target(url: URL): string {
  return url.pathname + url.search + url.hash;
}

/**
 * The link's real destination when its text reads as a different URL, domain or email address (or as one
 * whose host is written in look-alike letters), so that it can be shown next to the text; else undefined.
 * A domain alone as text ("paypal.com") stands for any page of that host.
 */
export function revealedDestination(text: string, href: string): string | undefined {
  const shown = text.trim();
  if (shown === "" || shown.length > MAX_ADDRESS_LENGTH) return undefined;
  const matches = urlLike.match(shown);
  if (matches?.length !== 1 || matches[0].index !== 0 || matches[0].lastIndex !== shown.length) return undefined;
  const read = safeHref(matches[0].url);
  if (!read) return href;
  const readUrl = new URL(read);
  const real = new URL(href);
  const lookAlike = readUrl.hostname.split(".").some((label) => label.startsWith("xn--"));
  const samePlace = readUrl.host === real.host && (target(readUrl) === "/" || target(readUrl) === target(real));
  return samePlace && !lookAlike ? undefined : real.href;
}
