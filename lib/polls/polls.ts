import {
  hashTypedData,
  isAddressEqual,
  keccak256,
  maxUint256,
  stringToHex,
  zeroAddress,
  type Address,
  type Hash,
  type Hex,
  type PublicClient,
  type TypedDataDefinition,
} from "viem";
import { parseRequest, Refusal } from "../api/refusal";
import { typedDataSigned } from "../chain/signatures";
import type { SystemContracts } from "../contracts/bindings";
import type { Database } from "../database/database";
import { countRequest } from "../database/rate-limit";
import { formatTimestamp, formatTokens } from "../format";
import {
  createPollRequestSchema,
  linkProposalRequestSchema,
  pollFromJson,
  pollLimits,
  pollRefusalStatus,
  pollToJson,
  pollVoteRequestSchema,
  voteFromJson,
  voteToJson,
  type BallotJson,
  type PageJson,
  type PollExportJson,
  type PollMessageJson,
  type PollRefusalName,
  type PollState,
  type PollSummaryJson,
  type PollViewJson,
} from "./api";
import { pollContentProblem } from "./content";
import { pollState, tallyPoll } from "./result";
import type { PollRules } from "./rules";
import { chosenOptions, pollDomain, pollTypedData, pollVoteTypedData, type Poll, type PollVote } from "./typed-data";

/** A poll request the server will not store, by name (the HTTP interface answers `pollRefusalStatus[name]`). */
export class PollRefusal extends Refusal<PollRefusalName> {
  constructor(refusal: PollRefusalName, message: string) {
    super(refusal, pollRefusalStatus[refusal], message);
  }
}

export type PollsOptions = {
  client: PublicClient;
  database: Database;
  contracts: SystemContracts;
  rules: PollRules;
};

type PollRow = {
  id: Hash;
  author: Address;
  title: string;
  kind: Poll["kind"];
  snapshot: string;
  start_time: string;
  end_time: string;
  message: PollMessageJson;
  signature: Hex;
  supply: string;
  quorum: string;
  proposal_id: string | null;
  verified_block: string;
};

/** Signed votes per database read of an export: at most 2,000 × ~10 KB, well under PGlite's ~64 MiB result limit. */
const EXPORT_PAGE_SIZE = 2_000;
const PAGE_SIZE = 20;
const POLL_COLUMNS =
  "id, author, title, kind, snapshot::text, start_time::text, end_time::text, message, signature, supply::text, quorum::text, proposal_id::text, verified_block::text";

/** Conditions on `polls` (as `p`) for each state at the chain's time `$now`. */
const stateCondition: Record<PollState, string> = {
  upcoming: "p.proposal_id IS NULL AND p.start_time > $now",
  open: "p.proposal_id IS NULL AND p.start_time <= $now AND p.end_time >= $now",
  closed: "p.proposal_id IS NULL AND p.end_time < $now",
  promoted: "p.proposal_id IS NOT NULL",
};

/**
 * Temperature checks: signed polls and signed votes, each verified (through the chain, so ERC-1271 wallets sign
 * too) and weighed with the token's `getPastVotes` at the poll's snapshot before it is stored. Every refusal is a
 * PollRefusal with a sentence a user can act on.
 */
export function createPolls({ client, database, contracts, rules }: PollsOptions) {
  const { governor, token } = contracts;
  const governorKey = governor.address.toLowerCase();
  let domain: Promise<ReturnType<typeof pollDomain>> | undefined;

  function readDomain() {
    domain ??= client.getChainId().then(
      (chainId) => pollDomain(chainId, governor.address),
      (error: unknown) => {
        domain = undefined;
        throw error;
      },
    );
    return domain;
  }

  async function chainNow(): Promise<bigint> {
    return (await client.getBlock()).timestamp;
  }

  async function checkRate(ip: string) {
    if ((await countRequest(database, `polls ${ip}`)) > rules.requestsPerMinutePerIp) {
      throw new PollRefusal(
        "RateLimited",
        `More than ${rules.requestsPerMinutePerIp} poll requests a minute came from your address: wait a minute and retry.`,
      );
    }
  }

  async function checkDomain(claim: { chainId?: number; verifyingContract?: Address }) {
    const { chainId } = await readDomain();
    if (claim.chainId !== undefined && claim.chainId !== chainId) {
      throw new PollRefusal(
        "WrongDomain",
        `The signature is for chain ${claim.chainId}; this DAO is on chain ${chainId}.`,
      );
    }
    if (claim.verifyingContract && !isAddressEqual(claim.verifyingContract, governor.address)) {
      throw new PollRefusal(
        "WrongDomain",
        `The signature is for governor ${claim.verifyingContract}; this DAO's governor is ${governor.address}.`,
      );
    }
  }

  function checkLength(field: string, text: string, limit: number) {
    if (text.length > limit) {
      throw new PollRefusal(
        "TextTooLong",
        `The ${field} has ${text.length.toLocaleString("en-US")} characters; at most ${limit.toLocaleString("en-US")} are stored.`,
      );
    }
  }

  /** Checked at `blockNumber`, the block the request is judged at: the export records it for verify:poll. */
  async function checkSignature(
    signer: Address,
    typedData: TypedDataDefinition,
    signature: Hex,
    what: string,
    blockNumber: bigint,
  ) {
    if (!(await typedDataSigned(client, { signer, signature, typedData, blockNumber }))) {
      throw new PollRefusal(
        "InvalidSignature",
        `The signature does not verify for ${signer} over this ${what} under this DAO's domain (chain and governor). Sign again.`,
      );
    }
  }

  function checkPollContent(poll: Poll) {
    const problem = pollContentProblem(poll);
    if (problem) throw new PollRefusal(problem.refusal, problem.message);
  }

  function checkSchedule(poll: Poll, now: bigint) {
    if (poll.snapshot >= now) {
      throw new PollRefusal(
        "SnapshotNotPast",
        `The snapshot (${formatTimestamp(poll.snapshot)}) must be before the chain's latest block (${formatTimestamp(now)}): voting power is read where it can no longer change.`,
      );
    }
    const schedule = (why: string) => new PollRefusal("InvalidSchedule", why);
    if (poll.start < poll.snapshot) throw schedule("The poll cannot start before its snapshot.");
    // An old snapshot would let an author pick the moment that suits it (before a delegation moved, say).
    if (poll.snapshot + pollLimits.maxSnapshotAgeSeconds < now) {
      throw schedule(
        `The snapshot (${formatTimestamp(poll.snapshot)}) is more than ${pollLimits.maxSnapshotAgeSeconds / 86_400n} days before the chain's time: take a recent one.`,
      );
    }
    if (poll.end <= poll.start) throw schedule("The poll must end after it starts.");
    if (poll.end <= now) throw schedule(`The poll's end (${formatTimestamp(poll.end)}) has already passed.`);
    if (poll.end - poll.start > pollLimits.maxDurationSeconds) {
      throw schedule(`A poll runs at most ${pollLimits.maxDurationSeconds / 86_400n} days.`);
    }
    if (poll.start > now + pollLimits.maxStartDelaySeconds) {
      throw schedule(`A poll starts at most ${pollLimits.maxStartDelaySeconds / 86_400n} days ahead.`);
    }
  }

  async function pastVotes(account: Address, snapshot: bigint): Promise<bigint> {
    return client.readContract({ ...token, functionName: "getPastVotes", args: [account, snapshot] });
  }

  async function readPoll(id: string): Promise<PollRow> {
    const [row] = await database.query<PollRow>(
      `SELECT ${POLL_COLUMNS} FROM polls WHERE id = $1 AND chain_id = $2 AND governor = $3`,
      [id.toLowerCase(), (await readDomain()).chainId, governorKey],
    );
    if (!row) throw new PollRefusal("PollNotFound", `There is no poll ${id.slice(0, 80)} in this DAO.`);
    return row;
  }

  async function result(row: PollRow) {
    const groups = await database.query<{ choice: string; weight: string; voters: number }>(
      `SELECT choice::text, weight::text, voters
       FROM poll_tallies WHERE poll_id = $1 AND voters > 0`,
      [row.id],
    );
    return tallyPoll(
      row.kind,
      row.message.options,
      groups.map((group) => ({ choice: BigInt(group.choice), weight: BigInt(group.weight), voters: group.voters })),
      { supply: BigInt(row.supply), quorum: BigInt(row.quorum) },
    );
  }

  async function summary(row: PollRow, now: bigint): Promise<PollSummaryJson> {
    return {
      id: row.id,
      author: row.author,
      title: row.title,
      kind: row.kind,
      snapshot: row.snapshot,
      start: row.start_time,
      end: row.end_time,
      state: pollState({ start: BigInt(row.start_time), end: BigInt(row.end_time), proposalId: row.proposal_id }, now),
      proposalId: row.proposal_id,
      result: await result(row),
    };
  }

  /** Store a signed poll: `{ id }` (the EIP-712 digest of the poll). */
  async function create(input: unknown, ip: string): Promise<{ id: Hash }> {
    await checkRate(ip);
    const request = parseRequest(createPollRequestSchema, input);
    await checkDomain(request);
    const poll = pollFromJson(request.poll);
    checkPollContent(poll);
    const [block, threshold] = await Promise.all([
      client.getBlock(),
      client.readContract({ ...governor, functionName: "proposalThreshold" }),
    ]);
    const now = block.timestamp;
    checkSchedule(poll, now);
    const typedData = pollTypedData(await readDomain(), poll);
    await checkSignature(poll.author, typedData, request.signature, "poll", block.number);
    const needed = (threshold * rules.creatorThresholdBps) / 10_000n;
    const [power, supply, quorum] = await Promise.all([
      pastVotes(poll.author, poll.snapshot),
      client.readContract({ ...token, functionName: "getPastTotalSupply", args: [poll.snapshot] }),
      client.readContract({ ...governor, functionName: "quorum", args: [poll.snapshot] }),
    ]);
    if (power < needed) {
      throw new PollRefusal(
        "BelowPollThreshold",
        `${poll.author} had ${formatTokens(power)} PLM of voting power at the snapshot; a temperature check needs ${formatTokens(needed)} PLM (${Number(rules.creatorThresholdBps) / 100}% of the ${formatTokens(threshold)} PLM proposal threshold).`,
      );
    }
    const id = hashTypedData(typedData);
    const { chainId } = await readDomain();
    const author = poll.author.toLowerCase();
    const inserted = await database.transaction(async (sql) => {
      // One author's polls are stored one at a time, so the count of its live ones is exact.
      await sql.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`polls ${author}`]);
      const [{ live }] = await sql.query<{ live: number }>(
        `SELECT count(*)::int AS live FROM polls
         WHERE chain_id = $1 AND governor = $2 AND author = $3 AND end_time >= $4 AND proposal_id IS NULL`,
        [chainId, governorKey, author, now.toString()],
      );
      if (live >= rules.livePollsPerAuthor) {
        throw new PollRefusal(
          "TooManyPolls",
          `${poll.author} already has ${live} temperature checks upcoming or open, the most one author may run at once.`,
        );
      }
      return sql.query(
        `INSERT INTO polls (id, chain_id, governor, author, title, kind, snapshot, start_time, end_time, message,
           signature, supply, quorum, verified_block)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          id,
          chainId,
          governorKey,
          author,
          poll.title,
          poll.kind,
          poll.snapshot.toString(),
          poll.start.toString(),
          poll.end.toString(),
          JSON.stringify(pollToJson(poll)),
          request.signature,
          supply.toString(),
          quorum.toString(),
          block.number.toString(),
        ],
      );
    });
    if (inserted.length === 0) throw new PollRefusal("PollExists", `This poll was already published as ${id}.`);
    return { id };
  }

  /** Store a signed vote on poll `id`; the voter's latest signed vote is the one that counts. */
  async function vote(id: string, input: unknown, ip: string): Promise<{ digest: Hash }> {
    await checkRate(ip);
    const request = parseRequest(pollVoteRequestSchema, input);
    const row = await readPoll(id);
    await checkDomain(request);
    const ballot = voteFromJson(request.vote);
    if (ballot.poll.toLowerCase() !== row.id) {
      throw new PollRefusal("WrongPoll", `The signed vote is for poll ${ballot.poll}, not ${row.id}.`);
    }
    const block = await client.getBlock();
    const [start, end, now] = [BigInt(row.start_time), BigInt(row.end_time), block.timestamp];
    if (now < start) throw new PollRefusal("PollNotOpen", `Voting opens at ${formatTimestamp(start)}.`);
    if (now > end) throw new PollRefusal("PollClosed", `Voting closed at ${formatTimestamp(end)}.`);
    const skew = pollLimits.timestampSkewSeconds;
    if (
      ballot.timestamp < start ||
      ballot.timestamp > end ||
      ballot.timestamp + skew < now ||
      ballot.timestamp > now + skew
    ) {
      throw new PollRefusal(
        "TimestampOutOfRange",
        `The vote is signed at ${formatTimestamp(ballot.timestamp)}; it must be within the poll (${formatTimestamp(start)} to ${formatTimestamp(end)}) and within ${skew / 60n} minutes of the chain's time (${formatTimestamp(now)}). Sign again.`,
      );
    }
    if (chosenOptions(row.kind, row.message.options.length, ballot.choice).length === 0) {
      throw new PollRefusal("InvalidChoice", `Choice ${ballot.choice} is not one of this poll's options.`);
    }
    checkLength("reason", ballot.reason, pollLimits.reason);
    if (ballot.reason.includes("\u0000")) throw new PollRefusal("InvalidRequest", "The reason holds a NUL character.");
    const typedData = pollVoteTypedData(await readDomain(), ballot);
    await checkSignature(ballot.voter, typedData, request.signature, "vote", block.number);
    const weight = await pastVotes(ballot.voter, BigInt(row.snapshot));
    if (weight === 0n) {
      throw new PollRefusal(
        "NoVotingPower",
        `${ballot.voter} had no voting power at the poll's snapshot (${formatTimestamp(BigInt(row.snapshot))}): tokens count once delegated, and only from before the snapshot.`,
      );
    }
    const digest = hashTypedData(typedData);
    await storeVote(row.id, ballot, { signature: request.signature, digest, weight, block: block.number });
    return { digest };
  }

  async function storeVote(
    poll: string,
    ballot: PollVote,
    { signature, digest, weight, block }: { signature: Hex; digest: Hash; weight: bigint; block: bigint },
  ) {
    const voter = ballot.voter.toLowerCase();
    await database.transaction(async (sql) => {
      // One voter's votes on one poll are stored one at a time: the count and the latest timestamp stay exact.
      await sql.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`${poll} ${voter}`]);
      const [stored] = await sql.query<{ count: number; used: boolean; latest: string | null }>(
        `SELECT count(*)::int AS count, bool_or(digest = $3) AS used, max(signed_at)::text AS latest
         FROM poll_votes WHERE poll_id = $1 AND voter = $2`,
        [poll, voter, digest],
      );
      const [counted] = await sql.query<{ choice: string; weight: string }>(
        "SELECT choice::text, weight::text FROM poll_ballots WHERE poll_id = $1 AND voter = $2",
        [poll, voter],
      );
      const latest = stored.latest === null ? undefined : BigInt(stored.latest);
      // A stored signature at the latest timestamp is the counting vote (one per second); an older one was replaced.
      if (stored.used && latest === ballot.timestamp) {
        throw new PollRefusal("SignatureUsed", "This signed vote was already counted.");
      }
      if (latest !== undefined && latest >= ballot.timestamp) {
        throw new PollRefusal(
          "StaleVote",
          `${ballot.voter} has a vote signed at ${formatTimestamp(latest)} or later: an earlier signature cannot replace it. Sign again to change your vote.`,
        );
      }
      if (stored.count >= pollLimits.votesPerVoter) {
        throw new PollRefusal(
          "TooManyVotes",
          `${ballot.voter} has changed its vote ${pollLimits.votesPerVoter} times on this poll, the most that is stored.`,
        );
      }
      const values = [
        poll,
        voter,
        digest,
        ballot.choice.toString(),
        weight.toString(),
        ballot.reason,
        ballot.timestamp.toString(),
      ];
      await sql.query(
        `INSERT INTO poll_votes (poll_id, voter, digest, choice, weight, reason, signed_at, signature, verified_block)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [...values, signature, block.toString()],
      );
      await sql.query(
        `INSERT INTO poll_ballots (poll_id, voter, digest, choice, weight, reason, signed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (poll_id, voter) DO UPDATE SET digest = excluded.digest, choice = excluded.choice,
           weight = excluded.weight, reason = excluded.reason, signed_at = excluded.signed_at`,
        values,
      );
      // The running result moves the voter from its counted choice to the new one.
      const changes = new Map<bigint, { weight: bigint; voters: number }>();
      const change = (choice: bigint, weight: bigint, voters: number) => {
        const before = changes.get(choice) ?? { weight: 0n, voters: 0 };
        changes.set(choice, { weight: before.weight + weight, voters: before.voters + voters });
      };
      if (counted) change(BigInt(counted.choice), -BigInt(counted.weight), -1);
      change(ballot.choice, weight, 1);
      // In choice order, so that two votes moving between the same choices lock their rows in the same order.
      const rows = [...changes]
        .filter(([, delta]) => delta.weight !== 0n || delta.voters !== 0)
        .sort(([a], [b]) => (a < b ? -1 : 1));
      if (rows.length === 0) return;
      await sql.query(
        `INSERT INTO poll_tallies (poll_id, choice, weight, voters)
         VALUES ${rows.map((_, i) => `($1, $${3 * i + 2}::numeric, $${3 * i + 3}::numeric, $${3 * i + 4}::int)`).join(", ")}
         ON CONFLICT (poll_id, choice) DO UPDATE SET weight = poll_tallies.weight + excluded.weight,
           voters = poll_tallies.voters + excluded.voters`,
        [poll, ...rows.flatMap(([choice, delta]) => [choice.toString(), delta.weight.toString(), delta.voters])],
      );
    });
  }

  /** The poll with its state at the chain's time and its result. */
  async function get(id: string): Promise<PollViewJson> {
    const row = await readPoll(id);
    const now = await chainNow();
    return {
      ...(await summary(row, now)),
      poll: row.message,
      signature: row.signature,
      domain: await readDomain(),
      now: now.toString(),
    };
  }

  /** Polls, newest first, optionally in one state; `cursor` is the `next` of the page before. */
  async function list({ state, cursor }: { state?: PollState; cursor?: string } = {}): Promise<
    PageJson<PollSummaryJson>
  > {
    const now = await chainNow();
    const { chainId } = await readDomain();
    const where = ["p.chain_id = $1", "p.governor = $2"];
    const params: unknown[] = [chainId, governorKey];
    if (state) {
      // "promoted" does not depend on the time: a parameter it does not use is an error in PostgreSQL.
      const condition = stateCondition[state];
      if (condition.includes("$now")) params.push(now.toString());
      where.push(condition.replaceAll("$now", `$${params.length}`));
    }
    if (cursor && /^\d{1,18}$/.test(cursor)) {
      params.push(cursor);
      where.push(`p.seq < $${params.length}`);
    }
    const rows = await database.query<PollRow & { seq: string }>(
      `SELECT ${POLL_COLUMNS}, seq::text FROM polls p WHERE ${where.join(" AND ")} ORDER BY p.seq DESC LIMIT ${PAGE_SIZE + 1}`,
      params,
    );
    const page = rows.slice(0, PAGE_SIZE);
    return {
      items: await Promise.all(page.map((row) => summary(row, now))),
      next: rows.length > PAGE_SIZE ? page[page.length - 1].seq : null,
    };
  }

  /** The counting votes, heaviest first; `cursor` is the `next` of the page before. */
  async function ballots(id: string, cursor?: string): Promise<PageJson<BallotJson>> {
    const row = await readPoll(id);
    const params: unknown[] = [row.id];
    let after = "";
    const match = cursor?.match(/^(\d{1,78}):(0x[0-9a-f]{40})$/);
    if (match) {
      params.push(match[1], match[2]);
      after = "AND (weight, voter) < ($2, $3)";
    }
    // Ordered by the stored numeric weight (qualified: a bare `weight` would be the text column selected here).
    const rows = await database.query<{
      voter: Address;
      choice: string;
      weight: string;
      reason: string;
      signed_at: string;
    }>(
      `SELECT voter, choice::text, weight::text, reason, signed_at::text FROM poll_ballots
       WHERE poll_id = $1 ${after}
       ORDER BY poll_ballots.weight DESC, poll_ballots.voter DESC LIMIT ${PAGE_SIZE + 1}`,
      params,
    );
    const page = rows.slice(0, PAGE_SIZE);
    const last = page[page.length - 1];
    return {
      items: page.map((ballot) => ({
        voter: ballot.voter,
        choice: ballot.choice,
        weight: ballot.weight,
        reason: ballot.reason,
        timestamp: ballot.signed_at,
      })),
      next: rows.length > PAGE_SIZE ? `${last.weight}:${last.voter}` : null,
    };
  }

  /** `voter`'s counting vote on the poll, or null. */
  async function ballotOf(id: string, voter: Address): Promise<{ ballot: BallotJson | null }> {
    const row = await readPoll(id);
    const [ballot] = await database.query<{ choice: string; weight: string; reason: string; signed_at: string }>(
      "SELECT choice::text, weight::text, reason, signed_at::text FROM poll_ballots WHERE poll_id = $1 AND voter = $2",
      [row.id, voter.toLowerCase()],
    );
    return {
      ballot: ballot
        ? { voter, choice: ballot.choice, weight: ballot.weight, reason: ballot.reason, timestamp: ballot.signed_at }
        : null,
    };
  }

  /**
   * The poll's account of itself for `npm run verify:poll`, as a stream of JSON (`PollExportJson`): every signed vote,
   * in signing order, read a page at a time so that a poll of any size never holds the database or the memory, then
   * the result its counting votes give (the votes the file carries, should some arrive while it is read).
   */
  async function exportPoll(id: string): Promise<ReadableStream<Uint8Array>> {
    const row = await readPoll(id);
    const head = {
      format: "plenum-poll/1",
      id: row.id,
      domain: await readDomain(),
      poll: row.message,
      signature: row.signature,
      block: row.verified_block,
    } satisfies Omit<PollExportJson, "votes" | "result">;
    const counting = new Map<string, { timestamp: bigint; choice: bigint; weight: bigint }>();
    let after: { signedAt: string; voter: string } | undefined;
    const encoder = new TextEncoder();
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`${JSON.stringify(head).slice(0, -1)},"votes":[`));
      },
      async pull(controller) {
        // Let the server's other requests in between pages: PGlite answers in the process, and a stream read in a
        // loop of promises alone would hold the event loop until the last page.
        await new Promise((resolve) => setImmediate(resolve));
        const params: unknown[] = [row.id];
        if (after) params.push(after.signedAt, after.voter);
        // A voter signs at most once a second, so (signed_at, voter) orders the votes without ties.
        const votes = await database.query<{
          voter: Address;
          choice: string;
          reason: string;
          signed_at: string;
          signature: Hex;
          weight: string;
          block: string;
        }>(
          `SELECT voter, choice::text, reason, signed_at::text, signature, weight::text, verified_block::text AS block
           FROM poll_votes WHERE poll_id = $1 ${after ? "AND (poll_votes.signed_at, poll_votes.voter) > ($2, $3)" : ""}
           ORDER BY poll_votes.signed_at, poll_votes.voter LIMIT ${EXPORT_PAGE_SIZE}`,
          params,
        );
        const lines = votes.map((stored) => {
          const vote = {
            poll: row.id,
            voter: stored.voter,
            choice: BigInt(stored.choice),
            reason: stored.reason,
            timestamp: BigInt(stored.signed_at),
          };
          counting.set(stored.voter, { timestamp: vote.timestamp, choice: vote.choice, weight: BigInt(stored.weight) });
          const signed = {
            vote: voteToJson(vote),
            signature: stored.signature,
            weight: stored.weight,
            block: stored.block,
          };
          return JSON.stringify(signed);
        });
        if (lines.length > 0) controller.enqueue(encoder.encode(`${after ? "," : ""}${lines.join(",")}`));
        const last = votes.at(-1);
        if (last) after = { signedAt: last.signed_at, voter: last.voter };
        if (votes.length < EXPORT_PAGE_SIZE) {
          const result = tallyPoll(row.kind, row.message.options, [...counting.values()], {
            supply: BigInt(row.supply),
            quorum: BigInt(row.quorum),
          });
          controller.enqueue(encoder.encode(`],"result":${JSON.stringify(result)}}`));
          controller.close();
        }
      },
    });
  }

  /**
   * Link a closed poll to the on-chain proposal its author submitted from it: the proposer must be the poll's author,
   * the proposal's description (given, checked against its hash on chain) must name the poll and, when the poll
   * carried actions, the proposal's actions must be those.
   */
  async function linkProposal(id: string, input: unknown, ip: string): Promise<{ proposalId: string }> {
    await checkRate(ip);
    const request = parseRequest(linkProposalRequestSchema, input);
    const requested = BigInt(request.proposalId);
    if (requested > maxUint256) throw new PollRefusal("InvalidRequest", "A proposal id is a uint256.");
    const proposalId = requested.toString();
    const row = await readPoll(id);
    if (row.proposal_id !== null) {
      if (row.proposal_id === proposalId) return { proposalId };
      throw new PollRefusal("AlreadyPromoted", `This poll already led to proposal ${row.proposal_id}.`);
    }
    if ((await chainNow()) <= BigInt(row.end_time)) {
      throw new PollRefusal("PollStillOpen", `The poll is open until ${formatTimestamp(BigInt(row.end_time))}.`);
    }
    const proposer = await client.readContract({
      ...governor,
      functionName: "proposalProposer",
      args: [requested],
    });
    if (isAddressEqual(proposer, zeroAddress)) {
      throw new PollRefusal("ProposalNotFound", `There is no proposal ${proposalId} on chain.`);
    }
    if (!isAddressEqual(proposer, row.author)) {
      throw new PollRefusal(
        "NotPollAuthor",
        `Proposal ${proposalId} was submitted by ${proposer}, not by the poll's author ${row.author}.`,
      );
    }
    const [targets, values, calldatas, descriptionHash] = await client.readContract({
      ...governor,
      functionName: "proposalDetails",
      args: [requested],
    });
    if (row.message.actions.length > 0) {
      const same =
        targets.length === row.message.actions.length &&
        row.message.actions.every(
          (action, i) =>
            isAddressEqual(action.target, targets[i]) &&
            BigInt(action.value) === values[i] &&
            action.calldata.toLowerCase() === calldatas[i].toLowerCase(),
        );
      if (!same)
        throw new PollRefusal("ActionsDiffer", `Proposal ${proposalId}'s actions are not the ones this poll carried.`);
    }
    if (keccak256(stringToHex(request.description)) !== descriptionHash) {
      throw new PollRefusal("InvalidRequest", `The description given is not proposal ${proposalId}'s.`);
    }
    if (!request.description.toLowerCase().includes(row.id)) {
      throw new PollRefusal(
        "PollNotNamed",
        `Proposal ${proposalId}'s description does not name this poll (${row.id}): it links only to the poll it names.`,
      );
    }
    const linked = await database
      .query("UPDATE polls SET proposal_id = $2 WHERE id = $1 AND proposal_id IS NULL RETURNING id", [
        row.id,
        proposalId,
      ])
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === "23505") return [];
        throw error;
      });
    if (linked.length === 0)
      throw new PollRefusal("AlreadyPromoted", `Proposal ${proposalId} is already linked to a poll.`);
    return { proposalId };
  }

  /** The poll that led to an on-chain proposal, if one did. */
  async function forProposal(proposalId: bigint): Promise<PollSummaryJson | undefined> {
    const [row] = await database.query<PollRow>(
      `SELECT ${POLL_COLUMNS} FROM polls WHERE proposal_id = $1 AND chain_id = $2 AND governor = $3`,
      [proposalId.toString(), (await readDomain()).chainId, governorKey],
    );
    return row ? summary(row, await chainNow()) : undefined;
  }

  return { create, vote, get, list, ballots, ballotOf, exportPoll, linkProposal, forProposal, domain: readDomain };
}

export type Polls = ReturnType<typeof createPolls>;
