// The browser's side of the temperature checks: what it asks the app's /api/polls routes.
import type { Address, Hash } from "viem";
import { apiFetch, apiPost } from "../api/client";
import type {
  BallotJson,
  CreatePollRequest,
  PageJson,
  PollState,
  PollSummaryJson,
  PollViewJson,
  PollVoteRequest,
} from "./api";

const POLLS = "The poll server";

export const publishPoll = (request: CreatePollRequest) => apiPost<{ id: Hash }>("/api/polls", POLLS, request);

export const castPollVote = (id: Hash, request: PollVoteRequest) =>
  apiPost<{ digest: Hash }>(`/api/polls/${id}/votes`, POLLS, request);

/** `description` is the proposal's, which names the poll. */
export const linkPollProposal = (id: Hash, proposalId: bigint, description: string) =>
  apiPost<{ proposalId: string }>(`/api/polls/${id}/proposal`, POLLS, {
    proposalId: proposalId.toString(),
    description,
  });

export const fetchPoll = (id: Hash) => apiFetch<PollViewJson>(`/api/polls/${id}`, POLLS);

export const fetchPollBallots = (id: Hash, cursor?: string) =>
  apiFetch<PageJson<BallotJson>>(
    `/api/polls/${id}/votes${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`,
    POLLS,
  );

export const fetchPollBallot = (id: Hash, voter: Address) =>
  apiFetch<{ ballot: BallotJson | null }>(`/api/polls/${id}/votes/${voter}`, POLLS);

export function fetchPolls({ state, cursor }: { state?: PollState; cursor?: string }) {
  const params = new URLSearchParams();
  if (state) params.set("state", state);
  if (cursor) params.set("cursor", cursor);
  return apiFetch<PageJson<PollSummaryJson>>(`/api/polls?${params}`, POLLS);
}

export const pollQueryKey = (id: Hash) => ["poll", id] as const;
