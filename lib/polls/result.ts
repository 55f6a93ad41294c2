// A poll's result from its counting votes, and the words the poll page and the verify script both show for it.
import { formatBps, formatTokens } from "../format";
import type { PollResultJson, PollState } from "./api";
import { chosenOptions, type PollKind } from "./typed-data";

/** One voter's counting vote, or a group of them with the same choice (`voters` of them, `weight` summed). */
export type CountedChoice = { choice: bigint; weight: bigint; voters?: number };

export function tallyPoll(
  kind: PollKind,
  options: readonly string[],
  counted: readonly CountedChoice[],
  atSnapshot: { supply: bigint; quorum: bigint },
): PollResultJson {
  const weights = options.map(() => 0n);
  let voters = 0;
  let totalWeight = 0n;
  for (const { choice, weight, voters: count = 1 } of counted) {
    for (const option of chosenOptions(kind, options.length, choice)) weights[option] += weight;
    voters += count;
    totalWeight += weight;
  }
  return {
    options: options.map((label, i) => ({ label, weight: weights[i].toString() })),
    voters,
    totalWeight: totalWeight.toString(),
    supply: atSnapshot.supply.toString(),
    quorum: atSnapshot.quorum.toString(),
  };
}

export function pollState(poll: { start: bigint; end: bigint; proposalId: unknown }, now: bigint): PollState {
  if (poll.proposalId !== null && poll.proposalId !== undefined) return "promoted";
  if (now < poll.start) return "upcoming";
  return now <= poll.end ? "open" : "closed";
}

const share = (part: bigint, whole: bigint) => formatBps(whole === 0n ? 0n : (part * 10_000n) / whole);

/**
 * The weight that would count towards quorum on chain: For and Abstain for a basic poll (as the governor counts),
 * every voter's weight otherwise.
 */
function quorumWeight(kind: PollKind, result: PollResultJson): bigint {
  if (kind !== "basic") return BigInt(result.totalWeight);
  return BigInt(result.options[0].weight) + BigInt(result.options[2].weight);
}

/** The result as shown: each option's PLM and share of the voting weight, the turnout, and the quorum comparison. */
export function describeResult(kind: PollKind, result: PollResultJson) {
  const total = BigInt(result.totalWeight);
  const supply = BigInt(result.supply);
  const quorum = BigInt(result.quorum);
  const counted = quorumWeight(kind, result);
  return {
    options: result.options.map((option) => ({
      label: option.label,
      weight: `${formatTokens(BigInt(option.weight))} PLM`,
      share: share(BigInt(option.weight), total),
    })),
    voters: `${result.voters.toLocaleString("en-US")} voter${result.voters === 1 ? "" : "s"}`,
    turnout: `${formatTokens(total)} PLM, ${share(total, supply)} of the ${formatTokens(supply)} PLM supply at the snapshot`,
    quorum: `${formatTokens(quorum)} PLM of ${kind === "basic" ? "For and Abstain votes" : "votes"}; this poll has ${formatTokens(counted)} PLM: ${counted >= quorum ? "reached" : `${formatTokens(quorum - counted)} PLM short`}`,
  };
}

/** The result as lines of text (the verify script prints these; the poll page shows the same values). */
export function resultLines(kind: PollKind, result: PollResultJson): string[] {
  const described = describeResult(kind, result);
  const width = Math.max(...described.options.map((option) => option.label.length));
  return [
    ...described.options.map((option) => `${option.label.padEnd(width)}  ${option.weight}  ${option.share}`),
    `Voters: ${described.voters}`,
    `Turnout: ${described.turnout}`,
    `Quorum an on-chain vote would need: ${described.quorum}`,
  ];
}
