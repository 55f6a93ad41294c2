// Temperature checks against a real anvil with the contracts freshly deployed and a real database (PGlite in memory,
// emptied before each test): what a signed poll and its signed votes store, every refusal by name with nothing
// stored, the result re-verified from the export (in process and by the verify script), and a closed poll linked to
// its proposal.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createPublicClient,
  encodeDeployData,
  encodeFunctionData,
  getAddress,
  hashTypedData,
  http,
  parseEther,
  type Address,
  type Hash,
  type LocalAccount,
  type PublicClient,
} from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploy } from "../../scripts/deploy";
import { startAnvil, type Anvil } from "../../scripts/lib/anvil";
import { readArtifact } from "../../scripts/lib/artifacts";
import { anvilAccount, connectAnvil, sendTx, writeContract, type AnvilClient } from "../../scripts/lib/chain";
import { governanceHelper } from "../../scripts/lib/governance";
import { rootDir } from "../../scripts/lib/paths";
import { insertVotes } from "../../scripts/lib/poll-fixtures";
import { Refusal } from "../api/refusal";
import { MULTICALL3_ADDRESS } from "../chain/multicall3";
import { contractsFor, type SystemContracts } from "../contracts/bindings";
import { openDatabase, type Database } from "../database/database";
import type { Eip712Domain } from "../relay/typed-data";
import { pollLimits, pollToJson, voteToJson, type PollExportJson } from "./api";
import { createPolls, type Polls } from "./polls";
import { resultLines, tallyPoll } from "./result";
import { defaultPollRules, type PollRules } from "./rules";
import { basicOptions, pollTypedData, pollVoteTypedData, type Poll, type PollAction } from "./typed-data";
import { PollVerificationError, verifyPollExport } from "./verify";

const IP = "203.0.113.9";
const HOUR = 3_600n;
const DAY = 86_400n;

let anvil: Anvil;
let chain: AnvilClient;
let reader: PublicClient;
let system: SystemContracts;
let deployer: Address;
/** The DAO's poll domain, written out here rather than taken from `pollDomain`. */
let domain: Eip712Domain;
/** Every poll's snapshot: after the holders below delegated, two hours before the tests start. */
let snapshot: bigint;
let database: Database;

const author = anvilAccount(100); // 100,000 PLM: the proposal threshold, ten times a poll's
const atThreshold = anvilAccount(101); // 10,000 PLM: exactly 10% of the proposal threshold
const underThreshold = anvilAccount(102); // 1 wei short of it
const [alice, bob, carol] = [103, 104, 105].map((index) => anvilAccount(index)); // 3,000 / 2,000 / 1,000 PLM
const late = anvilAccount(106); // receives and delegates 5,000 PLM after the snapshot
const nobody = anvilAccount(107); // never holds PLM
const forger = anvilAccount(108);
const walletOwner = anvilAccount(109);
/** A ContractWallet (ERC-1271) owned by `walletOwner`, holding 1,500 PLM delegated to itself. */
let wallet: Address;

/** Each account gets `amount` PLM from the deployer and delegates to itself. */
async function holders(entries: [LocalAccount, bigint][]) {
  for (const [account, amount] of entries) {
    await writeContract(chain, deployer, {
      ...system.token,
      functionName: "transfer",
      args: [account.address, amount],
    });
  }
  await Promise.all(
    entries.map(async ([account]) => {
      await chain.setBalance({ address: account.address, value: parseEther("1") });
      await writeContract(chain, account, { ...system.token, functionName: "delegate", args: [account.address] });
    }),
  );
}

async function contractWallet(owner: LocalAccount, amount: bigint): Promise<Address> {
  await chain.setBalance({ address: owner.address, value: parseEther("1") });
  const { abi, bytecode } = readArtifact("ContractWallet");
  const receipt = await sendTx(chain, owner, { data: encodeDeployData({ abi, bytecode, args: [owner.address] }) });
  const address = getAddress(receipt.contractAddress!);
  await writeContract(chain, deployer, { ...system.token, functionName: "transfer", args: [address, amount] });
  const delegate = encodeFunctionData({ abi: system.token.abi, functionName: "delegate", args: [address] });
  await writeContract(chain, owner, { address, abi, functionName: "execute", args: [system.token.address, delegate] });
  return address;
}

const chainNow = async () => (await chain.getBlock()).timestamp;

/** Mine a block at `timestamp`. */
async function moveTimeTo(timestamp: bigint) {
  await chain.setNextBlockTimestamp({ timestamp });
  await chain.mine({ blocks: 1 });
}

const pastVotes = (account: Address) =>
  chain.readContract({ ...system.token, functionName: "getPastVotes", args: [account, snapshot] });

/** A fresh poll service on the emptied database, and `refusal`, which checks that a refused call stored nothing. */
async function service(rules: Partial<PollRules> = {}) {
  await database.query("TRUNCATE poll_tallies, poll_ballots, poll_votes, polls, relay_requests");
  const polls = createPolls({ client: reader, database, contracts: system, rules: { ...defaultPollRules, ...rules } });
  const stored = async () => {
    const [counts] = await database.query<{
      polls: number;
      votes: number;
      ballots: number;
      promoted: number;
      tallies: string;
    }>(
      `SELECT (SELECT count(*)::int FROM polls) AS polls, (SELECT count(*)::int FROM poll_votes) AS votes,
         (SELECT count(*)::int FROM poll_ballots) AS ballots,
         (SELECT count(*)::int FROM polls WHERE proposal_id IS NOT NULL) AS promoted,
         (SELECT coalesce(string_agg(poll_id || choice || ':' || weight || ':' || voters, ' ' ORDER BY poll_id, choice),
           '') FROM poll_tallies) AS tallies`,
    );
    return counts;
  };
  /** The refusal's name; fails when `attempt` succeeds or when the refused attempt changed what is stored. */
  async function refusal(attempt: () => Promise<unknown>): Promise<string> {
    const before = await stored();
    const name = await attempt().then(
      () => "(stored: no refusal)",
      (error: unknown) => {
        if (error instanceof Refusal) return error.refusal;
        throw error;
      },
    );
    expect(await stored(), `what is stored after a ${name} refusal`).toEqual(before);
    return name;
  }
  return { polls, refusal, stored };
}

/** The poll's running result as `vote` kept it, choice by choice (emptied choices left out). */
const runningTally = (poll: string) =>
  database.query(
    `SELECT choice::text, weight::text, voters FROM poll_tallies WHERE poll_id = $1 AND voters > 0 ORDER BY choice`,
    [poll],
  );
/** The same counted again from the counting votes. */
const recountedTally = (poll: string) =>
  database.query(
    `SELECT choice::text, sum(weight)::text AS weight, count(*)::int AS voters FROM poll_ballots WHERE poll_id = $1
     GROUP BY choice ORDER BY choice`,
    [poll],
  );

/** The poll's export as a client downloads it: the stream read to its end and parsed. */
const exportOf = async (polls: Polls, id: string) =>
  (await new Response(await polls.exportPoll(id)).json()) as PollExportJson;

let pollCount = 0;
/** A basic poll by `author`: open from just after the snapshot to an hour from now, unless `fields` say otherwise. */
async function pollOf(fields: Partial<Poll> = {}): Promise<Poll> {
  return {
    author: author.address,
    title: `Temperature check ${++pollCount}`,
    body: "Should the network **lower** the inference fee floor?",
    discussion: "https://forum.plenum.example/t/fee-floor",
    kind: "basic",
    options: [...basicOptions],
    snapshot,
    start: snapshot + 1n,
    end: (await chainNow()) + HOUR,
    actions: [],
    ...fields,
  };
}

/** The body of POST /api/polls: `poll` signed by `signer` under `signingDomain`. */
async function signedPoll(poll: Poll, signer: LocalAccount = author, signingDomain: Eip712Domain = domain) {
  return { poll: pollToJson(poll), signature: await signer.signTypedData(pollTypedData(signingDomain, poll)) };
}

type VoteFields = {
  choice: bigint;
  reason?: string;
  /** The chain's time unless given. */
  timestamp?: bigint;
  /** The signer's address unless given (a contract wallet's owner signs for the wallet). */
  voter?: Address;
  domain?: Eip712Domain;
};

/** The body of POST /api/polls/{id}/votes: a vote on poll `id` signed by `signer`. */
async function signedVote(id: Hash, signer: LocalAccount, fields: VoteFields) {
  const vote = {
    poll: id,
    voter: fields.voter ?? signer.address,
    choice: fields.choice,
    reason: fields.reason ?? "",
    timestamp: fields.timestamp ?? (await chainNow()),
  };
  const signature = await signer.signTypedData(pollVoteTypedData(fields.domain ?? domain, vote));
  return { vote: voteToJson(vote), signature };
}

/** An action a poll may carry: the treasury (the timelock) sends `amount` PLM to `to`. */
function transferAction(to: Address, amount: bigint): PollAction {
  return {
    target: system.token.address,
    value: 0n,
    calldata: encodeFunctionData({ abi: system.token.abi, functionName: "transfer", args: [to, amount] }),
  };
}

/** `npm run verify:poll -- <file> --rpc <anvil>`, run as the user runs it. */
function verifyScript(file: string): Promise<{ code: number | null; stdout: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(rootDir, "node_modules", ".bin", "tsx"),
      ["scripts/verify-poll.ts", file, "--rpc", anvil.rpcUrl, "--governor", system.governor.address],
      { cwd: rootDir, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: stdout.trimEnd().split("\n"), stderr: stderr.trim() }));
  });
}

beforeAll(async () => {
  [anvil, database] = await Promise.all([startAnvil(), openDatabase({ pgliteDir: undefined })]);
  chain = connectAnvil(anvil.rpcUrl);
  reader = createPublicClient({
    chain: { ...foundry, contracts: { multicall3: { address: MULTICALL3_ADDRESS } } },
    transport: http(anvil.rpcUrl),
  });
  const deployment = await deploy({
    rpcUrl: anvil.rpcUrl,
    deploymentsDir: mkdtempSync(join(tmpdir(), "plenum-polls-")),
  });
  system = contractsFor(deployment);
  deployer = deployment.deployer;
  domain = { name: "Plenum", version: "1", chainId: foundry.id, verifyingContract: system.governor.address };
  await writeContract(chain, deployer, { ...system.token, functionName: "delegate", args: [deployer] });
  await holders([
    [author, parseEther("100000")],
    [atThreshold, parseEther("10000")],
    [underThreshold, parseEther("10000") - 1n],
    [alice, parseEther("3000")],
    [bob, parseEther("2000")],
    [carol, parseEther("1000")],
  ]);
  wallet = await contractWallet(walletOwner, parseEther("1500"));
  snapshot = await chainNow();
  await moveTimeTo(snapshot + 2n * HOUR);
  await holders([[late, parseEther("5000")]]);
});

afterAll(async () => {
  await database?.close();
  await anvil?.stop();
});

describe("creating a poll", () => {
  it("stores a signed poll with an action; it is open or upcoming by its schedule; list pages it", async () => {
    const { polls, stored } = await service({ livePollsPerAuthor: 25 });
    const now = await chainNow();
    const open = await pollOf({ actions: [transferAction(author.address, parseEther("1"))] });

    const { id } = await polls.create(await signedPoll(open), IP);

    expect(id).toBe(hashTypedData(pollTypedData(domain, open)));
    const [supply, quorum] = await Promise.all([
      chain.readContract({ ...system.token, functionName: "getPastTotalSupply", args: [snapshot] }),
      chain.readContract({ ...system.governor, functionName: "quorum", args: [snapshot] }),
    ]);
    expect(await polls.get(id)).toEqual({
      id,
      author: author.address.toLowerCase(),
      title: open.title,
      kind: "basic",
      snapshot: snapshot.toString(),
      start: open.start.toString(),
      end: open.end.toString(),
      state: "open",
      proposalId: null,
      result: {
        options: basicOptions.map((label) => ({ label, weight: "0" })),
        voters: 0,
        totalWeight: "0",
        supply: supply.toString(),
        quorum: quorum.toString(),
      },
      poll: pollToJson(open),
      signature: expect.stringMatching(/^0x[0-9a-f]{130}$/),
      domain,
      now: now.toString(),
    });

    const upcoming = await pollOf({ start: now + DAY, end: now + 2n * DAY });
    const { id: upcomingId } = await polls.create(await signedPoll(upcoming), IP);
    expect((await polls.get(upcomingId)).state).toBe("upcoming");

    // 21 polls: a page of the 20 newest, then the first one.
    const ids = [id, upcomingId];
    for (let i = 0; i < 19; i++) {
      ids.push((await polls.create(await signedPoll(await pollOf({ kind: "single", options: ["Yes", "No"] })), IP)).id);
    }
    expect((await stored()).polls).toBe(21);
    const first = await polls.list();
    expect(first.items.map((poll) => poll.id)).toEqual(ids.slice(1).reverse());
    expect(first.next).not.toBeNull();
    const second = await polls.list({ cursor: first.next! });
    expect(second).toMatchObject({ items: [{ id, state: "open", title: open.title }], next: null });

    expect((await polls.list({ state: "upcoming" })).items.map((poll) => poll.id)).toEqual([upcomingId]);
    const openPage = await polls.list({ state: "open" });
    expect({ count: openPage.items.length, next: openPage.next }).toEqual({ count: 20, next: null });
    expect((await polls.list({ state: "closed" })).items).toEqual([]);
  });

  it("refuses, by name and storing nothing, what a poll server must not publish", async () => {
    const { polls, refusal, stored } = await service();
    const now = await chainNow();
    const create = async (poll: Poll, signer: LocalAccount = author) =>
      polls.create(await signedPoll(poll, signer), IP);

    const poll = await pollOf();
    // Signed by someone other than its author.
    expect(await refusal(async () => polls.create(await signedPoll(poll, forger), IP))).toBe("InvalidSignature");
    // Signed for another chain: refused by its signature, or by its stated domain when it says so.
    const otherChain = await signedPoll(poll, author, { ...domain, chainId: 1 });
    expect(await refusal(() => polls.create(otherChain, IP))).toBe("InvalidSignature");
    expect(await refusal(() => polls.create({ ...otherChain, chainId: 1 }, IP))).toBe("WrongDomain");
    const otherGovernor = await signedPoll(poll, author, { ...domain, verifyingContract: system.token.address });
    expect(await refusal(() => polls.create(otherGovernor, IP))).toBe("InvalidSignature");
    expect(await refusal(() => polls.create({ ...otherGovernor, verifyingContract: system.token.address }, IP))).toBe(
      "WrongDomain",
    );

    // A snapshot at the latest block, or later, is not past: voting power there can still change.
    expect(await refusal(async () => create(await pollOf({ snapshot: now, start: now })))).toBe("SnapshotNotPast");
    expect(await refusal(async () => create(await pollOf({ snapshot: now + 60n, start: now + 60n })))).toBe(
      "SnapshotNotPast",
    );

    // 10% of the 100,000 PLM proposal threshold at the snapshot: 1 wei less is refused, exactly that is enough.
    const under = await pollOf({ author: underThreshold.address });
    expect(await refusal(() => create(under, underThreshold))).toBe("BelowPollThreshold");
    // The body's limit: one character over is refused; the limit itself is stored (by the author at the threshold).
    const longest = await pollOf({ author: atThreshold.address, body: "x".repeat(pollLimits.body) });
    expect(await refusal(() => create({ ...longest, body: "x".repeat(pollLimits.body + 1) }, atThreshold))).toBe(
      "TextTooLong",
    );
    expect(await refusal(() => create({ ...longest, title: "x".repeat(pollLimits.title + 1) }, atThreshold))).toBe(
      "TextTooLong",
    );
    expect((await stored()).polls).toBe(0);
    await create(longest, atThreshold);
    expect((await stored()).polls).toBe(1);

    // The same poll twice.
    await create(poll);
    expect(await refusal(() => create(poll))).toBe("PollExists");
    expect((await stored()).polls).toBe(2);

    // Options: a basic poll's are For, Against, Abstain (not two of them in one label); the others need 2 to 10
    // distinct, non-empty ones.
    const options = async (kind: Poll["kind"], labels: string[]) =>
      refusal(async () => create(await pollOf({ kind, options: labels })));
    expect(await options("basic", ["Yes", "No", "Abstain"])).toBe("InvalidOptions");
    expect(await options("basic", ["For", "Against"])).toBe("InvalidOptions");
    expect(await options("basic", ["For\nAgainst", "Abstain"])).toBe("InvalidOptions");
    expect(await options("single", ["Only one"])).toBe("InvalidOptions");
    expect(await options("single", ["Raise", " "])).toBe("InvalidOptions");
    expect(await options("approval", ["GPU", "TPU", " gpu"])).toBe("InvalidOptions");
    const eleven = Array.from({ length: pollLimits.options + 1 }, (_, i) => `Option ${i}`);
    expect(await options("approval", eleven)).toBe("InvalidRequest"); // the request's schema caps the count

    // The schedule: an end before (or at) the start.
    const schedule = async (start: bigint, end: bigint) => refusal(async () => create(await pollOf({ start, end })));
    expect(await schedule(now + 2n * HOUR, now + HOUR)).toBe("InvalidSchedule");
    expect(await schedule(now + HOUR, now + HOUR)).toBe("InvalidSchedule");
    expect(await schedule(snapshot - 1n, now + HOUR)).toBe("InvalidSchedule");
    expect(await schedule(snapshot + 1n, now)).toBe("InvalidSchedule");
    expect(await schedule(now, now + pollLimits.maxDurationSeconds + 1n)).toBe("InvalidSchedule");
    // A snapshot older than a week: an author does not get to pick a convenient moment from long ago.
    const oldSnapshot = now - pollLimits.maxSnapshotAgeSeconds - 1n;
    expect(
      await refusal(async () => create(await pollOf({ snapshot: oldSnapshot, start: oldSnapshot, end: now + HOUR }))),
    ).toBe("InvalidSchedule");
    expect((await stored()).polls).toBe(2);
  });

  it("limits poll requests per client IP and minute", async () => {
    const { polls, refusal } = await service({ requestsPerMinutePerIp: 2 });
    await polls.create(await signedPoll(await pollOf()), "198.51.100.1");
    await polls.create(await signedPoll(await pollOf()), "198.51.100.1");
    const third = await signedPoll(await pollOf());
    expect(await refusal(() => polls.create(third, "198.51.100.1"))).toBe("RateLimited");
    await polls.create(third, "198.51.100.2");
  });

  it("limits the polls one author runs at once; a closed one no longer counts", async () => {
    const { polls, refusal } = await service({ livePollsPerAuthor: 2 });
    const now = await chainNow();
    await polls.create(await signedPoll(await pollOf({ end: now + 60n })), IP);
    await polls.create(await signedPoll(await pollOf()), IP);
    const third = await signedPoll(await pollOf());
    expect(await refusal(() => polls.create(third, IP))).toBe("TooManyPolls");
    // Another author is not held back by this one's polls.
    await polls.create(await signedPoll(await pollOf({ author: atThreshold.address }), atThreshold), IP);
    await moveTimeTo(now + 120n);
    await polls.create(third, IP);
  });
});

describe("votes", () => {
  it("counts each voter's latest vote at its weight at the snapshot; replays, forgeries, late votes refused", async () => {
    const { polls, refusal, stored } = await service();
    const poll = await pollOf();
    const { id } = await polls.create(await signedPoll(poll), IP);
    const now = await chainNow();

    const first = await signedVote(id, alice, {
      choice: 0n,
      reason: "Cheaper inference for everyone.",
      timestamp: now - 10n,
    });
    await polls.vote(id, first, IP);
    await polls.vote(id, await signedVote(id, bob, { choice: 1n, reason: "Too soon after the last cut." }), IP);
    await polls.vote(id, await signedVote(id, carol, { choice: 2n, reason: "Waiting for the benchmark." }), IP);
    // Alice changes her mind: her later signature is the one that counts.
    const changed = await signedVote(id, alice, {
      choice: 1n,
      reason: "Convinced by the forum thread.",
      timestamp: now,
    });
    await polls.vote(id, changed, IP);

    const [a, b, c] = await Promise.all([alice, bob, carol].map((voter) => pastVotes(voter.address)));
    expect([a, b, c]).toEqual([parseEther("3000"), parseEther("2000"), parseEther("1000")]);
    const { result } = await polls.get(id);
    expect(result).toMatchObject({
      options: [
        { label: "For", weight: "0" },
        { label: "Against", weight: (a + b).toString() },
        { label: "Abstain", weight: c.toString() },
      ],
      voters: 3,
      totalWeight: (a + b + c).toString(),
    });
    expect(await polls.ballots(id)).toEqual({
      items: [
        {
          voter: alice.address.toLowerCase(),
          choice: "1",
          weight: a.toString(),
          reason: "Convinced by the forum thread.",
          timestamp: now.toString(),
        },
        {
          voter: bob.address.toLowerCase(),
          choice: "1",
          weight: b.toString(),
          reason: "Too soon after the last cut.",
          timestamp: now.toString(),
        },
        {
          voter: carol.address.toLowerCase(),
          choice: "2",
          weight: c.toString(),
          reason: "Waiting for the benchmark.",
          timestamp: now.toString(),
        },
      ],
      next: null,
    });
    expect(await stored()).toMatchObject({ votes: 4, ballots: 3 });

    // The counting vote again, then Alice's superseded one, then one she signed earlier and never sent, then another
    // choice in the same second as her counting vote.
    expect(await refusal(() => polls.vote(id, changed, IP))).toBe("SignatureUsed");
    expect(await refusal(() => polls.vote(id, first, IP))).toBe("StaleVote");
    const unsent = await signedVote(id, alice, { choice: 2n, timestamp: now - 5n });
    expect(await refusal(() => polls.vote(id, unsent, IP))).toBe("StaleVote");
    const sameSecond = await signedVote(id, alice, { choice: 0n, timestamp: now });
    expect(await refusal(() => polls.vote(id, sameSecond, IP))).toBe("StaleVote");

    // Forged: Bob's vote signed by someone else, or altered after signing; signed for another chain (stated or not);
    // for another poll.
    const later = now + 1n;
    const forged = await signedVote(id, forger, { voter: bob.address, choice: 0n, timestamp: later });
    expect(await refusal(() => polls.vote(id, forged, IP))).toBe("InvalidSignature");
    const tampered = await signedVote(id, bob, { choice: 0n, timestamp: later });
    expect(await refusal(() => polls.vote(id, { ...tampered, vote: { ...tampered.vote, choice: "2" } }, IP))).toBe(
      "InvalidSignature",
    );
    const otherChain = await signedVote(id, bob, { choice: 0n, timestamp: later, domain: { ...domain, chainId: 1 } });
    expect(await refusal(() => polls.vote(id, otherChain, IP))).toBe("InvalidSignature");
    expect(await refusal(() => polls.vote(id, { ...otherChain, chainId: 1 }, IP))).toBe("WrongDomain");
    const { id: otherId } = await polls.create(await signedPoll(await pollOf()), IP);
    const otherPoll = await signedVote(otherId, bob, { choice: 0n, timestamp: later });
    expect(await refusal(() => polls.vote(id, otherPoll, IP))).toBe("WrongPoll");
    expect(await refusal(() => polls.vote(`0x${"ab".repeat(32)}`, otherPoll, IP))).toBe("PollNotFound");

    // No power at the snapshot: never held PLM, or received and delegated it only after the snapshot.
    expect(await pastVotes(late.address)).toBe(0n);
    expect(await chain.readContract({ ...system.token, functionName: "getVotes", args: [late.address] })).toBe(
      parseEther("5000"),
    );
    for (const voter of [nobody, late]) {
      const vote = await signedVote(id, voter, { choice: 0n });
      expect(await refusal(() => polls.vote(id, vote, IP))).toBe("NoVotingPower");
    }

    // Not an option of a basic poll.
    const choice = await signedVote(id, carol, { choice: 3n, timestamp: later });
    expect(await refusal(() => polls.vote(id, choice, IP))).toBe("InvalidChoice");

    // Signed more than 10 minutes from the chain's time (by a voter with no vote yet, and by Carol); exactly 10
    // minutes either way is accepted.
    const skew = pollLimits.timestampSkewSeconds;
    const tooEarly = await signedVote(id, atThreshold, { choice: 0n, timestamp: now - skew - 1n });
    expect(await refusal(() => polls.vote(id, tooEarly, IP))).toBe("TimestampOutOfRange");
    const tooLate = await signedVote(id, carol, { choice: 0n, timestamp: now + skew + 1n });
    expect(await refusal(() => polls.vote(id, tooLate, IP))).toBe("TimestampOutOfRange");
    await polls.vote(id, await signedVote(id, atThreshold, { choice: 0n, timestamp: now - skew }), IP);
    await polls.vote(id, await signedVote(id, carol, { choice: 0n, timestamp: now + skew }), IP);
    expect(await stored()).toMatchObject({ votes: 6, ballots: 4 });
    expect(await runningTally(id)).toEqual(await recountedTally(id));

    // Before an upcoming poll starts.
    const { id: upcomingId } = await polls.create(
      await signedPoll(await pollOf({ start: now + HOUR, end: now + 2n * HOUR })),
      IP,
    );
    const early = await signedVote(upcomingId, bob, { choice: 0n });
    expect(await refusal(() => polls.vote(upcomingId, early, IP))).toBe("PollNotOpen");

    // After the end: signed now, or signed within the window and sent late.
    const beforeEnd = await signedVote(id, bob, { choice: 0n, timestamp: poll.end });
    await moveTimeTo(poll.end + 1n);
    expect(await refusal(() => polls.vote(id, beforeEnd, IP))).toBe("PollClosed");
    const afterEnd = await signedVote(id, bob, { choice: 0n });
    expect(await refusal(() => polls.vote(id, afterEnd, IP))).toBe("PollClosed");
    expect((await polls.get(id)).state).toBe("closed");
  });

  it("counts an ERC-1271 contract wallet's vote, signed by its owner and checked through the chain", async () => {
    const { polls, refusal } = await service();
    const { id } = await polls.create(await signedPoll(await pollOf()), IP);

    const stranger = await signedVote(id, forger, { voter: wallet, choice: 0n });
    expect(await refusal(() => polls.vote(id, stranger, IP))).toBe("InvalidSignature");
    await polls.vote(
      id,
      await signedVote(id, walletOwner, { voter: wallet, choice: 0n, reason: "From the safe." }),
      IP,
    );

    const weight = await pastVotes(wallet);
    expect(weight).toBe(parseEther("1500"));
    expect((await polls.get(id)).result).toMatchObject({
      options: [{ weight: weight.toString() }, { weight: "0" }, { weight: "0" }],
      voters: 1,
      totalWeight: weight.toString(),
    });
    expect((await polls.ballots(id)).items).toEqual([
      expect.objectContaining({ voter: wallet.toLowerCase(), choice: "0", reason: "From the safe." }),
    ]);
  });

  it("lists voters heaviest first by number, whatever their weights' digits", async () => {
    const { polls } = await service();
    const { id } = await polls.create(await signedPoll(await pollOf()), IP);
    // 100,000 PLM has more digits than 3,000 or 2,000 but sorts after them as text.
    for (const voter of [alice, author, bob]) await polls.vote(id, await signedVote(id, voter, { choice: 0n }), IP);
    const weights = await Promise.all([author, alice, bob].map((voter) => pastVotes(voter.address)));
    expect(weights[0]).toBeGreaterThan(weights[1]);
    expect((await polls.ballots(id)).items.map((ballot) => [ballot.voter, ballot.weight])).toEqual(
      [author, alice, bob].map((voter, i) => [voter.address.toLowerCase(), weights[i].toString()]),
    );
  });

  it("tallies a single-choice poll by option and an approval poll by every option each voter approves", async () => {
    const { polls, refusal } = await service();
    const [a, b, c, w] = await Promise.all([alice.address, bob.address, carol.address, wallet].map(pastVotes));
    const vote = async (id: Hash, signer: LocalAccount, choice: bigint, voter?: Address) =>
      polls.vote(id, await signedVote(id, signer, { choice, voter }), IP);

    const single = await pollOf({ kind: "single", options: ["Raise", "Keep", "Lower"] });
    const { id: singleId } = await polls.create(await signedPoll(single), IP);
    await vote(singleId, alice, 2n);
    await vote(singleId, bob, 0n);
    await vote(singleId, carol, 2n);
    expect(await refusal(async () => vote(singleId, walletOwner, 3n, wallet))).toBe("InvalidChoice");
    expect((await polls.get(singleId)).result).toMatchObject({
      options: [
        { label: "Raise", weight: b.toString() },
        { label: "Keep", weight: "0" },
        { label: "Lower", weight: (a + c).toString() },
      ],
      voters: 3,
      totalWeight: (a + b + c).toString(),
    });

    const approval = await pollOf({ kind: "approval", options: ["GPU", "TPU", "FPGA", "ASIC"] });
    const { id: approvalId } = await polls.create(await signedPoll(approval), IP);
    await vote(approvalId, alice, 0b0101n); // GPU, FPGA
    await vote(approvalId, bob, 0b0011n); // GPU, TPU
    await vote(approvalId, carol, 0b1000n); // ASIC
    await vote(approvalId, walletOwner, 0b1111n, wallet); // all four
    // An empty set, and a bit past the last option.
    expect(await refusal(async () => vote(approvalId, forger, 0n, nobody.address))).toBe("InvalidChoice");
    expect(await refusal(async () => vote(approvalId, alice, 0b10000n))).toBe("InvalidChoice");
    expect((await polls.get(approvalId)).result).toMatchObject({
      options: [
        { label: "GPU", weight: (a + b + w).toString() },
        { label: "TPU", weight: (b + w).toString() },
        { label: "FPGA", weight: (a + w).toString() },
        { label: "ASIC", weight: (c + w).toString() },
      ],
      voters: 4,
      totalWeight: (a + b + c + w).toString(),
    });
  });
});

describe("export and verify", () => {
  it("re-verifies an export from the chain, in process and with verify:poll; refuses a tampered one by name", async () => {
    const { polls } = await service();
    const poll = await pollOf({ actions: [transferAction(bob.address, parseEther("10"))] });
    const { id } = await polls.create(await signedPoll(poll), IP);
    const now = await chainNow();
    await polls.vote(id, await signedVote(id, alice, { choice: 0n, reason: "Yes.", timestamp: now - 20n }), IP);
    await polls.vote(id, await signedVote(id, bob, { choice: 1n, reason: "No." }), IP);
    await polls.vote(id, await signedVote(id, walletOwner, { voter: wallet, choice: 2n }), IP);
    await polls.vote(id, await signedVote(id, alice, { choice: 2n, reason: "On reflection, abstain." }), IP);

    const exported = await exportOf(polls, id);
    const view = await polls.get(id);
    expect(exported.votes).toHaveLength(4);
    const verified = await verifyPollExport(exported, reader, system.governor.address);
    expect(verified).toMatchObject({ id, result: view.result, signedVotes: 4 });

    const dir = mkdtempSync(join(tmpdir(), "plenum-poll-export-"));
    const write = (name: string, file: PollExportJson) => {
      const path = join(dir, `${name}.json`);
      writeFileSync(path, JSON.stringify(file, null, 2));
      return path;
    };
    /** The export with one thing changed. */
    const tampered = (edit: (file: PollExportJson) => void) => {
      const file = structuredClone(exported);
      edit(file);
      return file;
    };
    const voteOf = (file: PollExportJson, voter: Address, choice: string) =>
      file.votes.find((signed) => signed.vote.voter === voter.toLowerCase() && signed.vote.choice === choice)!;
    const { signature: forgedPollSignature } = await signedPoll(poll, forger);
    const tampers = [
      {
        what: "Bob's choice",
        refusal: "InvalidSignature",
        file: tampered((file) => (voteOf(file, bob.address, "1").vote.choice = "0")),
      },
      {
        what: "Bob's weight",
        refusal: "WeightMismatch",
        file: tampered((file) => (voteOf(file, bob.address, "1").weight = (parseEther("2000") + 1n).toString())),
      },
      // Every vote in the file states the weight counted for its voter, superseded ones too.
      {
        what: "Alice's superseded vote's weight",
        refusal: "WeightMismatch",
        inProcessOnly: true,
        file: tampered((file) => (voteOf(file, alice.address, "0").weight = parseEther("9000").toString())),
      },
      {
        what: "the stated result",
        refusal: "ResultMismatch",
        file: tampered((file) => (file.result.options[0].weight = "1")),
      },
      {
        what: "the poll's title",
        refusal: "PollIdMismatch",
        file: tampered((file) => (file.poll.title = `${file.poll.title}!`)),
      },
      // A file that names another governor (and so another token) is not this DAO's poll.
      {
        what: "the governor",
        refusal: "WrongDomain",
        inProcessOnly: true,
        file: tampered((file) => (file.domain.verifyingContract = system.token.address)),
      },
      {
        what: "the poll's signature",
        refusal: "InvalidSignature",
        inProcessOnly: true,
        file: tampered((file) => (file.signature = forgedPollSignature)),
      },
    ];
    for (const { what, refusal, file } of tampers) {
      const outcome = await verifyPollExport(file, reader, system.governor.address).then(
        () => "verified",
        (error: unknown) => (error instanceof PollVerificationError ? error.refusal : error),
      );
      expect(outcome, what).toBe(refusal);
    }

    // The script, as a user runs it (each run a few seconds, so the in-process checks above cover two more cases).
    const scripted = tampers.filter((tamper) => !tamper.inProcessOnly);
    const [clean, ...refused] = await Promise.all([
      verifyScript(write("clean", exported)),
      ...scripted.map(({ file }, i) => verifyScript(write(`tampered-${i}`, file))),
    ]);
    expect(clean).toMatchObject({ code: 0, stderr: "" });
    expect(clean.stdout.slice(0, 4)).toEqual([
      `Poll ${id}`,
      `Chain ${foundry.id}, governor ${system.governor.address}`,
      `"${poll.title}" by ${poll.author} (basic), snapshot ${snapshot}`,
      "Verified: the poll's signature, 4 vote signatures, 3 weights from getPastVotes at the snapshot, the supply and quorum.",
    ]);
    expect(clean.stdout.slice(4)).toEqual(resultLines("basic", view.result));
    for (const [i, { what, refusal }] of scripted.entries()) {
      expect(refused[i], what).toMatchObject({
        code: 1,
        stdout: [""],
        stderr: expect.stringMatching(new RegExp(`^Refused: .*\\(${refusal}\\)$`, "s")),
      });
    }
  });
});

describe("export at scale", () => {
  it("streams every signed vote a page at a time in signing order, with the result its counting votes give", async () => {
    const { polls } = await service();
    const poll = await pollOf();
    const { id } = await polls.create(await signedPoll(poll), IP);
    // Over two of the export's 2,000-vote pages of synthetic votes (their signatures verify for nobody), then real ones.
    const [counting, superseded] = [4_100, 300];
    const block = await chain.getBlockNumber();
    await database.transaction((sql) =>
      insertVotes(sql, {
        poll: id,
        kind: "basic",
        options: 3,
        counting,
        superseded,
        start: poll.start,
        end: poll.end,
        block,
      }),
    );
    await polls.vote(id, await signedVote(id, alice, { choice: 0n, timestamp: (await chainNow()) - 5n }), IP);
    await polls.vote(id, await signedVote(id, alice, { choice: 1n }), IP);
    expect(await runningTally(id)).toEqual(await recountedTally(id));

    // Other requests go on while it streams: a timer set when the download starts fires before it ends.
    let ended = false;
    const download = exportOf(polls, id).finally(() => (ended = true));
    const timerBeforeEnd = new Promise<boolean>((resolve) => setTimeout(() => resolve(!ended), 0));
    const exported = await download;
    expect(await timerBeforeEnd, "a timer fired while the export streamed").toBe(true);
    expect(exported.votes).toHaveLength(counting + superseded + 2);
    const order = exported.votes.map(({ vote }) => [BigInt(vote.timestamp), vote.voter] as const);
    order.slice(1).forEach(([signedAt, voter], i) => {
      const [beforeAt, beforeVoter] = order[i];
      expect(
        signedAt > beforeAt || (signedAt === beforeAt && voter > beforeVoter),
        `vote ${i + 2} after ${i + 1}`,
      ).toBe(true);
    });
    expect(exported.result.voters).toBe(counting + 1);
    expect(exported.result).toEqual((await polls.get(id)).result);
  });
});

describe("linking a poll to its proposal", () => {
  it("links a closed poll to the proposal its author submitted with its actions, once", async () => {
    const { polls, refusal } = await service();
    const helper = governanceHelper(chain, system);
    const actions = [transferAction(carol.address, parseEther("25"))];
    const poll = await pollOf({ actions });
    const { id } = await polls.create(await signedPoll(poll), IP);
    const { id: withoutActionsId } = await polls.create(await signedPoll(await pollOf()), IP);
    /** Each proposal's description, which the link request carries. */
    const descriptions = new Map<bigint, string>();
    const propose = async (
      proposer: Parameters<typeof helper.propose>[0],
      proposed: PollAction[],
      description: string,
    ) => {
      const { id: proposalId } = await helper.propose(proposer, proposed, description);
      descriptions.set(proposalId, description);
      return { id: proposalId };
    };
    const link = (pollId: Hash, proposalId: bigint) =>
      polls.linkProposal(
        pollId,
        { proposalId: proposalId.toString(), description: descriptions.get(proposalId) ?? "" },
        IP,
      );

    const { id: proposalId } = await propose(author, actions, `# ${poll.title}\n\nFrom temperature check ${id}.`);
    expect(await refusal(() => link(id, proposalId))).toBe("PollStillOpen");

    await moveTimeTo(poll.end + 1n);
    expect((await polls.get(id)).state).toBe("closed");
    const { id: byDeployer } = await propose(deployer, actions, `# ${poll.title}, by the deployer`);
    expect(await refusal(() => link(id, byDeployer))).toBe("NotPollAuthor");
    const otherActions = [transferAction(carol.address, parseEther("26"))];
    const { id: differing } = await propose(author, otherActions, `# ${poll.title}, 26 PLM`);
    expect(await refusal(() => link(id, differing))).toBe("ActionsDiffer");
    expect(await refusal(() => link(id, 12345n))).toBe("ProposalNotFound");
    expect(await polls.forProposal(proposalId)).toBeUndefined();

    expect(await link(id, proposalId)).toEqual({ proposalId: proposalId.toString() });
    expect(await polls.get(id)).toMatchObject({ state: "promoted", proposalId: proposalId.toString() });
    expect(await polls.forProposal(proposalId)).toMatchObject({ id, state: "promoted", title: poll.title });
    expect(await polls.list({ state: "promoted" })).toMatchObject({ items: [{ id }], next: null });
    expect(await link(id, proposalId)).toEqual({ proposalId: proposalId.toString() }); // the same link: a no-op

    // Another proposal for the promoted poll; the linked proposal for another of the author's polls, which its
    // description does not name.
    expect(await refusal(() => link(id, differing))).toBe("AlreadyPromoted");
    expect(await refusal(() => link(withoutActionsId, proposalId))).toBe("PollNotNamed");
    expect(await polls.forProposal(proposalId)).toMatchObject({ id });
    expect(await polls.forProposal(differing)).toBeUndefined();
  });
});

describe("attacks of a review", () => {
  const outcomeOf = (file: unknown) =>
    verifyPollExport(file, reader, system.governor.address).then(
      () => "verified",
      (error: unknown) => (error instanceof PollVerificationError ? error.refusal : error),
    );

  it("an export still verifies after a voter's contract wallet stops accepting its signature (its owner changed)", async () => {
    const { polls } = await service();
    const { id } = await polls.create(await signedPoll(await pollOf()), IP);
    await polls.vote(id, await signedVote(id, alice, { choice: 0n }), IP);
    await polls.vote(id, await signedVote(id, walletOwner, { voter: wallet, choice: 1n }), IP);
    const exported = await exportOf(polls, id);
    expect(await outcomeOf(exported)).toBe("verified");

    // A block later the wallet answers for another key (a Safe whose signers changed; a hostile voter does the same
    // on purpose): the signature it accepted when the vote arrived no longer verifies at the latest block.
    const original = (await chain.getCode({ address: wallet }))!;
    await chain.setBalance({ address: forger.address, value: parseEther("1") });
    const { abi, bytecode } = readArtifact("ContractWallet");
    const deployed = await sendTx(chain, forger, { data: encodeDeployData({ abi, bytecode, args: [forger.address] }) });
    await moveTimeTo((await chainNow()) + 1n);
    await chain.setCode({ address: wallet, bytecode: (await chain.getCode({ address: deployed.contractAddress! }))! });
    await moveTimeTo((await chainNow()) + 1n);
    try {
      expect(await outcomeOf(exported)).toBe("verified");
      // A file cannot pick another block for it: the block must fall in the poll, near the vote's signed time.
      const moved = structuredClone(exported);
      moved.votes.find((signed) => signed.vote.voter === wallet.toLowerCase())!.block = "1";
      expect(await outcomeOf(moved)).toBe("TimestampOutOfRange");
    } finally {
      await chain.setCode({ address: wallet, bytecode: original });
    }
  });

  it("verify:poll refuses a signed poll the server would refuse: a basic poll's options in another order", async () => {
    const { polls, refusal } = await service();
    const poll = await pollOf({ options: ["Against", "For", "Abstain"] });
    expect(await refusal(async () => polls.create(await signedPoll(poll), IP))).toBe("InvalidOptions");

    // Signed and counted as a file alone: Alice's "Against" is option 0, which the quorum line counts as For.
    const id = hashTypedData(pollTypedData(domain, poll));
    const { block: pollBlock, ...signed } = {
      ...(await signedPoll(poll)),
      block: (await chain.getBlockNumber()).toString(),
    };
    const weight = await pastVotes(alice.address);
    const [supply, quorum] = await Promise.all([
      chain.readContract({ ...system.token, functionName: "getPastTotalSupply", args: [snapshot] }),
      chain.readContract({ ...system.governor, functionName: "quorum", args: [snapshot] }),
    ]);
    const file = {
      format: "plenum-poll/1",
      id,
      domain,
      ...signed,
      block: pollBlock,
      votes: [{ ...(await signedVote(id, alice, { choice: 0n })), weight: weight.toString(), block: pollBlock }],
      result: tallyPoll("basic", poll.options, [{ choice: 0n, weight }], { supply, quorum }),
    };
    expect(await outcomeOf(file)).toBe("InvalidPoll");
  });

  it("refuses options that only invisible or bidirectional characters tell apart, and such a title", async () => {
    const { polls, refusal } = await service();
    const create = async (fields: Partial<Poll>) => polls.create(await signedPoll(await pollOf(fields)), IP);
    for (const options of [
      ["Yes", "Yes\u200b"], // a zero-width space
      ["Yes", "\uff39es"], // a fullwidth Y
      ["Yes", "No\u202e"], // a right-to-left override
    ]) {
      expect(await refusal(() => create({ kind: "single", options })), JSON.stringify(options)).toBe("InvalidOptions");
    }
    expect(await refusal(() => create({ title: "Lower the fee \u202eesiar\u202c" }))).toBe("InvalidRequest");
    // PostgreSQL stores no NUL character: refused by name rather than failing.
    expect(await refusal(() => create({ body: "a\u0000b" }))).toBe("InvalidRequest");
    const { id } = await create({});
    const nul = await signedVote(id, alice, { choice: 0n, reason: "a\u0000b" });
    expect(await refusal(() => polls.vote(id, nul, IP))).toBe("InvalidRequest");
  });

  it("links a poll only to a proposal whose description names it: nobody links the author's other poll first", async () => {
    const { polls, refusal } = await service();
    const helper = governanceHelper(chain, system);
    const [wanted, other] = [await pollOf(), await pollOf()];
    const { id } = await polls.create(await signedPoll(wanted), IP);
    const { id: otherId } = await polls.create(await signedPoll(other), IP);
    const description = `# ${wanted.title}\n\nTemperature check: https://plenum.example/polls/${id}`;
    const { id: proposalId } = await helper.propose(author, [transferAction(carol.address, 1n)], description);
    await moveTimeTo((wanted.end > other.end ? wanted.end : other.end) + 1n);
    const link = (pollId: Hash, text: string) =>
      polls.linkProposal(pollId, { proposalId: proposalId.toString(), description: text }, IP);

    // Anyone may ask for the link: the author's other poll is not the one the proposal names, and a description
    // that names it is not the proposal's.
    expect(await refusal(() => link(otherId, description))).toBe("PollNotNamed");
    expect(await refusal(() => link(otherId, `${description}\n${otherId}`))).toBe("InvalidRequest");
    expect(await link(id, description)).toEqual({ proposalId: proposalId.toString() });
  });
});
