// The browser's side of the relay: what it asks the app's /api/relay routes, and the messages it has signed.
import type { Address, Hash } from "viem";
import { apiFetch, apiPost } from "../api/client";
import type { DelegateRequest, RelaySent, RelayStatus, VoteRequest } from "./api";

const RELAY = "The DAO's relay";

function post(path: string, body: VoteRequest | DelegateRequest): Promise<Hash> {
  return apiPost<RelaySent>(path, RELAY, body).then((sent) => sent.hash);
}

export const relayVote = (body: VoteRequest) => post("/api/relay/vote", body);
export const relayDelegation = (body: DelegateRequest) => post("/api/relay/delegate", body);

export function fetchRelayStatus(address: Address | undefined): Promise<RelayStatus> {
  return apiFetch<RelayStatus>(`/api/relay/status${address ? `?address=${address}` : ""}`, RELAY);
}
