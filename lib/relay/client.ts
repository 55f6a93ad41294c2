// The browser's side of the relay: what it asks the app's /api/relay routes, and the messages it has signed.
import type { Address, Hash } from "viem";
import type { DelegateRequest, RelayRefusalBody, RelaySent, RelayStatus, VoteRequest } from "./api";

/** The relay said no: `refusal` is its name (VoteQuotaSpent, …), the message its sentence followed by the name. */
export class RelayRefusedError extends Error {
  constructor(
    readonly refusal: RelayRefusalBody["error"] | "RelayUnreachable",
    message: string,
  ) {
    super(`${message} (${refusal})`);
    this.name = refusal;
  }
}

async function relayFetch<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, cache: "no-store" });
  } catch {
    throw new RelayRefusedError("RelayUnreachable", "The DAO's relay did not answer.");
  }
  const body = (await response.json().catch(() => undefined)) as T | RelayRefusalBody | undefined;
  if (response.ok && body) return body as T;
  const refusal = body as RelayRefusalBody | undefined;
  throw new RelayRefusedError(
    refusal?.error ?? "RelayUnreachable",
    refusal?.message ?? `The DAO's relay answered HTTP ${response.status}.`,
  );
}

function post(path: string, body: VoteRequest | DelegateRequest): Promise<Hash> {
  return relayFetch<RelaySent>(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then((sent) => sent.hash);
}

export const relayVote = (body: VoteRequest) => post("/api/relay/vote", body);
export const relayDelegation = (body: DelegateRequest) => post("/api/relay/delegate", body);

export function fetchRelayStatus(address: Address | undefined): Promise<RelayStatus> {
  return relayFetch<RelayStatus>(`/api/relay/status${address ? `?address=${address}` : ""}`);
}
