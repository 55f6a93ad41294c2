// Re-verifying a poll from its export alone: the poll's message against the server's rules, every signature through
// the chain (ERC-1271 wallets included, at the block the server checked it), every weight from the token's
// getPastVotes at the snapshot, then the result, which must be the one the file states.
import {
  hashTypedData,
  isAddressEqual,
  type Address,
  type Hex,
  type PublicClient,
  type TypedDataDefinition,
} from "viem";
import { z } from "zod/mini";
import { MULTICALL3_ADDRESS } from "../chain/multicall3";
import { typedDataSigned } from "../chain/signatures";
import { systemAbis } from "../contracts/bindings";
import { addressSchema } from "../contracts/deployment";
import {
  pollLimits,
  pollFromJson,
  pollMessageSchema,
  pollVoteMessageSchema,
  voteFromJson,
  type PollExportJson,
  type PollResultJson,
} from "./api";
import { pollContentProblem } from "./content";
import { tallyPoll } from "./result";
import {
  chosenOptions,
  POLL_DOMAIN_NAME,
  POLL_DOMAIN_VERSION,
  pollTypedData,
  pollVoteTypedData,
  type Poll,
  type PollVote,
} from "./typed-data";

/** Why an export does not verify, by name. */
export class PollVerificationError extends Error {
  constructor(
    readonly refusal:
      | "MalformedFile"
      | "WrongChain"
      | "WrongDomain"
      | "PollIdMismatch"
      | "InvalidPoll"
      | "InvalidSignature"
      | "WrongPoll"
      | "TimestampOutOfRange"
      | "InvalidChoice"
      | "DuplicateTimestamp"
      | "WeightMismatch"
      | "ResultMismatch",
    message: string,
  ) {
    super(`${message} (${refusal})`);
    this.name = refusal;
  }
}

const digits = z.string().check(z.regex(/^\d{1,78}$/));
const block = z.string().check(z.regex(/^\d{1,18}$/));
const signature = z.string().check(z.regex(/^0x([0-9a-fA-F]{2})+$/));
const exportSchema = z.object({
  format: z.literal("plenum-poll/1"),
  id: z.string().check(z.regex(/^0x[0-9a-fA-F]{64}$/)),
  domain: z.object({ name: z.string(), version: z.string(), chainId: z.number(), verifyingContract: addressSchema }),
  poll: pollMessageSchema,
  signature,
  block,
  votes: z.array(z.object({ vote: pollVoteMessageSchema, signature, weight: digits, block })),
  result: z.object({
    options: z.array(z.object({ label: z.string(), weight: digits })),
    voters: z.number(),
    totalWeight: digits,
    supply: digits,
    quorum: digits,
  }),
});

export type VerifiedPoll = {
  id: string;
  poll: Poll;
  result: PollResultJson;
  signedVotes: number;
  chainId: number;
  governor: Address;
};

const BATCH = 500;

/**
 * The export re-verified against the chain `client` reaches and the DAO whose governor is `governorAddress` (a file names
 * its own governor: without this pin it would verify against whatever governor and token the file points at);
 * throws a PollVerificationError naming what fails.
 */
export async function verifyPollExport(
  file: unknown,
  client: PublicClient,
  governorAddress: Address,
): Promise<VerifiedPoll> {
  const parsed = exportSchema.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PollVerificationError(
      "MalformedFile",
      `The file is not a poll export: ${issue?.path.join(".") || "the file"}: ${issue?.message}.`,
    );
  }
  const exported = parsed.data as PollExportJson;
  const { domain } = exported;
  const chainId = await client.getChainId();
  if (domain.chainId !== chainId) {
    throw new PollVerificationError(
      "WrongChain",
      `The poll is on chain ${domain.chainId}; the RPC serves chain ${chainId}.`,
    );
  }
  if (
    domain.name !== POLL_DOMAIN_NAME ||
    domain.version !== POLL_DOMAIN_VERSION ||
    !isAddressEqual(domain.verifyingContract, governorAddress)
  ) {
    throw new PollVerificationError(
      "WrongDomain",
      `The file's domain is ${domain.name} ${domain.version} at ${domain.verifyingContract}; this DAO's polls are signed for ${POLL_DOMAIN_NAME} ${POLL_DOMAIN_VERSION} at governor ${governorAddress}.`,
    );
  }
  const poll = pollFromJson(exported.poll);
  const pollData = pollTypedData(domain, poll);
  if (hashTypedData(pollData).toLowerCase() !== exported.id.toLowerCase()) {
    throw new PollVerificationError("PollIdMismatch", `The poll's message does not hash to its id ${exported.id}.`);
  }
  const problem = pollContentProblem(poll);
  if (problem) throw new PollVerificationError("InvalidPoll", `The server refuses this poll: ${problem.message}`);

  const blockTimes = new Map<string, Promise<bigint>>();
  /** The time of the block the server checked a signature at. */
  const timeOf = (at: string) => {
    if (!blockTimes.has(at)) {
      blockTimes.set(
        at,
        client.getBlock({ blockNumber: BigInt(at) }).then((found) => found.timestamp),
      );
    }
    return blockTimes.get(at)!;
  };
  /** A contract wallet answers for its state at a block: the signature is checked where the server checked it. */
  const verifies = (signer: Address, signature: Hex, typedData: TypedDataDefinition, at: string) =>
    typedDataSigned(client, { signer, signature, typedData, blockNumber: BigInt(at) });

  const pollCheckedAt = await timeOf(exported.block);
  if (pollCheckedAt <= poll.snapshot || pollCheckedAt >= poll.end) {
    throw new PollVerificationError(
      "TimestampOutOfRange",
      `The poll's signature is said to be checked at block ${exported.block} (time ${pollCheckedAt}), not between its snapshot and its end.`,
    );
  }
  if (!(await verifies(poll.author, exported.signature, pollData, exported.block))) {
    throw new PollVerificationError(
      "InvalidSignature",
      `The poll's signature does not verify for its author ${poll.author}.`,
    );
  }

  const latest = new Map<string, { vote: PollVote; weight: bigint }>();
  for (const [i, signed] of exported.votes.entries()) {
    const vote = voteFromJson(signed.vote);
    const which = `Vote ${i + 1} (${vote.voter})`;
    if (vote.poll.toLowerCase() !== exported.id.toLowerCase()) {
      throw new PollVerificationError("WrongPoll", `${which} is signed for poll ${vote.poll}.`);
    }
    if (vote.timestamp < poll.start || vote.timestamp > poll.end) {
      throw new PollVerificationError("TimestampOutOfRange", `${which} is signed outside the poll's window.`);
    }
    if (chosenOptions(poll.kind, poll.options.length, vote.choice).length === 0) {
      throw new PollVerificationError("InvalidChoice", `${which} chooses ${vote.choice}, which is not an option.`);
    }
    const checkedAt = await timeOf(signed.block);
    const skew = pollLimits.timestampSkewSeconds;
    if (
      checkedAt < poll.start ||
      checkedAt > poll.end ||
      vote.timestamp + skew < checkedAt ||
      vote.timestamp > checkedAt + skew
    ) {
      throw new PollVerificationError(
        "TimestampOutOfRange",
        `${which} is said to be checked at block ${signed.block} (time ${checkedAt}): outside the poll, or more than ${skew} seconds from its signed time.`,
      );
    }
    if (!(await verifies(vote.voter, signed.signature, pollVoteTypedData(domain, vote), signed.block))) {
      throw new PollVerificationError("InvalidSignature", `${which}'s signature does not verify.`);
    }
    const key = vote.voter.toLowerCase();
    const before = latest.get(key);
    if (before && before.vote.timestamp === vote.timestamp) {
      throw new PollVerificationError("DuplicateTimestamp", `${which} has two votes signed at the same second.`);
    }
    // One voter has one weight at the snapshot: every vote states it (the counting one is checked on chain below).
    if (before && before.weight !== BigInt(signed.weight)) {
      throw new PollVerificationError(
        "WeightMismatch",
        `${which} states weight ${signed.weight}; the same voter's other vote states ${before.weight}.`,
      );
    }
    if (!before || before.vote.timestamp < vote.timestamp) latest.set(key, { vote, weight: BigInt(signed.weight) });
  }

  const governorAbi = systemAbis.governor;
  const governor = { address: domain.verifyingContract, abi: governorAbi } as const;
  const tokenAddress = await client.readContract({ ...governor, functionName: "token" });
  const token = { address: tokenAddress, abi: systemAbis.token } as const;
  const counted = [...latest.values()];
  for (let from = 0; from < counted.length; from += BATCH) {
    const batch = counted.slice(from, from + BATCH);
    const weights = await client.multicall({
      allowFailure: false,
      multicallAddress: MULTICALL3_ADDRESS,
      contracts: batch.map(({ vote }) => ({
        ...token,
        functionName: "getPastVotes" as const,
        args: [vote.voter, poll.snapshot] as const,
      })),
    });
    for (const [i, { vote, weight }] of batch.entries()) {
      if (weights[i] !== weight) {
        throw new PollVerificationError(
          "WeightMismatch",
          `${vote.voter} is counted with ${weight} but had ${weights[i]} votes at the snapshot.`,
        );
      }
    }
  }
  const [supply, quorum] = await Promise.all([
    client.readContract({ ...token, functionName: "getPastTotalSupply", args: [poll.snapshot] }),
    client.readContract({ ...governor, functionName: "quorum", args: [poll.snapshot] }),
  ]);
  const result = tallyPoll(
    poll.kind,
    poll.options,
    counted.map(({ vote, weight }) => ({ choice: vote.choice, weight })),
    { supply, quorum },
  );
  if (JSON.stringify(result) !== JSON.stringify(exported.result)) {
    throw new PollVerificationError(
      "ResultMismatch",
      `The file states ${JSON.stringify(exported.result)}; its signed votes and the chain give ${JSON.stringify(result)}.`,
    );
  }
  return { id: exported.id, poll, result, signedVotes: exported.votes.length, chainId, governor: governorAddress };
}
