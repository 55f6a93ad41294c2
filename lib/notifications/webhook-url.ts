import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/**
 * Why a webhook may not be sent to `url`, or undefined when it may: http(s) only, and (unless `allowPrivate`) every
 * address its host resolves to must be a public unicast one, never loopback, private, link-local or the like: a
 * subscriber must not make the server call into its own network. Checked at registration and again before each
 * delivery, since a name can resolve elsewhere later.
 */
export async function webhookUrlProblem(url: string, allowPrivate: boolean): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "The webhook URL is not a URL.";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return `A webhook URL is http or https, not ${parsed.protocol.replace(/:$/, "")}.`;
  }
  if (parsed.username || parsed.password) return "A webhook URL carries no user name or password.";
  if (allowPrivate) return undefined;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return `The webhook host ${host} does not resolve.`;
  }
  for (const address of addresses) {
    let ip = ipaddr.parse(address);
    if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
    const range = ip.range();
    if (range !== "unicast") {
      return `The webhook host ${host} resolves to ${address} (${range}): only public addresses receive webhooks.`;
    }
  }
  return undefined;
}
