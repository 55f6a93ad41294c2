import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Refusal } from "@/lib/api/refusal";
import type { BallotJson, PageJson, PollViewJson } from "@/lib/polls/api";
import { serverPolls } from "@/lib/polls/server";
import { PollDetail } from "./_components/poll-detail";

type Props = { params: Promise<{ id: string }> };

const POLL_ID = /^0x[0-9a-fA-F]{64}$/;

/** The poll and its first voters from the app database; undefined when the database or chain did not answer. */
async function readPoll(id: string): Promise<{ poll: PollViewJson; ballots: PageJson<BallotJson> } | undefined> {
  try {
    const polls = await serverPolls();
    const [poll, ballots] = await Promise.all([polls.get(id), polls.ballots(id)]);
    return { poll, ballots };
  } catch (error) {
    if (error instanceof Refusal && error.refusal === "PollNotFound") notFound();
    return undefined;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!POLL_ID.test(id)) return { title: "Temperature check not found" };
  const read = await readPoll(id);
  return { title: read ? `Temperature check: ${read.poll.title}` : "Temperature check" };
}

export default async function PollPage({ params }: Props) {
  const { id } = await params;
  if (!POLL_ID.test(id)) notFound();
  const read = await readPoll(id);
  return <PollDetail id={id.toLowerCase() as `0x${string}`} initial={read?.poll} initialBallots={read?.ballots} />;
}
