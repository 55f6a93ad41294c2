// The relay against a real anvil with the contracts freshly deployed and a real database (PGlite in memory; one
// group on PostgreSQL with two relay instances sharing it): every refusal by name, and what lands on chain.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  encodeDeployData,
  encodeFunctionData,
  getAddress,
  custom,
  http,
  keccak256,
  parseEther,
  parseGwei,
  parseEventLogs,
  toHex,
  type Address,
  type Hash,
  type Hex,
  type LocalAccount,
} from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { deploy } from "../../scripts/deploy";
import { startAnvil, type Anvil } from "../../scripts/lib/anvil";
import { readArtifact } from "../../scripts/lib/artifacts";
import { anvilAccount, connectAnvil, sendTx, writeContract, type AnvilClient } from "../../scripts/lib/chain";
import { governanceHelper } from "../../scripts/lib/governance";
import { startPostgres, type Postgres } from "../../scripts/lib/postgres";
import { MULTICALL3_ADDRESS } from "../chain/multicall3";
import { contractsFor, type SystemContracts } from "../contracts/bindings";
import { openDatabase, type Database } from "../database/database";
import type { RelayRefusalName } from "./api";
import { Refusal } from "../api/refusal";
import { createRelay, type Relay } from "./relay";
import { clientIp, defaultRelayRules, type RelayRules } from "./rules";
import { delegationTypedData, extendedBallotTypedData, type Eip712Domain } from "./typed-data";

let anvil: Anvil;
let chain: AnvilClient;
let system: SystemContracts;
let governorDomain: Eip712Domain;
let tokenDomain: Eip712Domain;
let deployer: Address;
const sponsor = anvilAccount(40);
const opened: Database[] = [];

/** Holders 100.. of anvil's mnemonic: each gets `amount` PLM and delegates to itself. */
async function holders(from: number, count: number, amount = parseEther("1000")): Promise<LocalAccount[]> {
  const accounts = Array.from({ length: count }, (_, i) => anvilAccount(from + i));
  for (const account of accounts) {
    await writeContract(chain, deployer, {
      ...system.token,
      functionName: "transfer",
      args: [account.address, amount],
    });
  }
  await Promise.all(
    accounts.map(async (account) => {
      await chain.setBalance({ address: account.address, value: parseEther("1") });
      await writeContract(chain, account, { ...system.token, functionName: "delegate", args: [account.address] });
    }),
  );
  return accounts;
}

/** A contract wallet (a test artifact owned by anvil account `ownerIndex`) holding 1,000 PLM delegated to itself. */
async function contractWallet(artifact: "ContractWallet" | "GriefWallet", ownerIndex: number) {
  const owner = anvilAccount(ownerIndex);
  await chain.setBalance({ address: owner.address, value: parseEther("10") });
  const { abi, bytecode } = readArtifact(artifact);
  const receipt = await sendTx(chain, owner, { data: encodeDeployData({ abi, bytecode, args: [owner.address] }) });
  const wallet = getAddress(receipt.contractAddress!);
  await writeContract(chain, deployer, {
    ...system.token,
    functionName: "transfer",
    args: [wallet, parseEther("1000")],
  });
  const delegate = encodeFunctionData({ abi: system.token.abi, functionName: "delegate", args: [wallet] });
  await writeContract(chain, owner, {
    address: wallet,
    abi,
    functionName: "execute",
    args: [system.token.address, delegate],
  });
  return { owner, wallet, abi };
}

let proposalCount = 0;
/** A new proposal from the deployer; Active unless `pending`. */
async function proposal({ pending = false } = {}): Promise<bigint> {
  const description = `# Relay test ${++proposalCount}\n\n${keccak256(toHex(`${Date.now()}-${proposalCount}`))}`;
  const helper = governanceHelper(chain, system);
  const { id } = await helper.propose(
    deployer,
    [{ target: system.token.address, value: 0n, calldata: "0x" }],
    description,
  );
  if (!pending) await helper.waitForSnapshot(id);
  return id;
}

async function relayOn(database: Database, rules: Partial<RelayRules> = {}): Promise<Relay> {
  return createRelay({
    chain: { ...foundry, contracts: { multicall3: { address: MULTICALL3_ADDRESS } } },
    transport: http(anvil.rpcUrl),
    sponsor,
    rules: { ...defaultRelayRules, ...rules },
    database,
    contracts: system,
  });
}

async function memoryDatabase(): Promise<Database> {
  const database = await openDatabase({ pgliteDir: undefined });
  opened.push(database);
  return database;
}

async function relayWith(rules: Partial<RelayRules> = {}) {
  return relayOn(await memoryDatabase(), rules);
}

type Ballot = { proposalId: bigint; support: 0 | 1 | 2; reason?: string; nonce?: bigint; domain?: Eip712Domain };

/** The request body a client sends: the ballot signed by `voter` (its current nonce unless given). */
async function signedVote(voter: LocalAccount, ballot: Ballot) {
  const nonce =
    ballot.nonce ?? (await chain.readContract({ ...system.governor, functionName: "nonces", args: [voter.address] }));
  const reason = ballot.reason ?? "";
  const signature = await voter.signTypedData(
    extendedBallotTypedData(ballot.domain ?? governorDomain, {
      proposalId: ballot.proposalId,
      support: ballot.support,
      voter: voter.address,
      nonce,
      reason,
      params: "0x",
    }),
  );
  return {
    proposalId: ballot.proposalId.toString(),
    support: ballot.support,
    voter: voter.address,
    reason,
    params: "0x" as Hex,
    signature,
  };
}

async function signedDelegation(delegator: LocalAccount, delegatee: Address, options: { expiry?: bigint } = {}) {
  const nonce = await chain.readContract({ ...system.token, functionName: "nonces", args: [delegator.address] });
  const expiry = options.expiry ?? (await chain.getBlock()).timestamp + 3_600n;
  const signature = await delegator.signTypedData(delegationTypedData(tokenDomain, { delegatee, nonce, expiry }));
  return { delegator: delegator.address, delegatee, nonce: nonce.toString(), expiry: expiry.toString(), signature };
}

async function refusal(attempt: Promise<unknown>): Promise<{ name: RelayRefusalName; message: string }> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof Refusal) return { name: error.refusal as RelayRefusalName, message: error.message };
    throw error;
  }
  throw new Error("The relay sent what it should have refused.");
}

async function mined(hash: Hash) {
  const receipt = await chain.waitForTransactionReceipt({ hash });
  const transaction = await chain.getTransaction({ hash });
  return { receipt, transaction };
}

beforeAll(async () => {
  anvil = await startAnvil();
  chain = connectAnvil(anvil.rpcUrl);
  const deployment = await deploy({
    rpcUrl: anvil.rpcUrl,
    deploymentsDir: mkdtempSync(join(tmpdir(), "plenum-relay-")),
  });
  system = contractsFor(deployment);
  deployer = deployment.deployer;
  await writeContract(chain, deployer, { ...system.token, functionName: "delegate", args: [deployer] });
  await chain.setBalance({ address: sponsor.address, value: parseEther("10") });
  const domainOf = async (contract: {
    address: Address;
    abi: typeof system.governor.abi | typeof system.token.abi;
  }) => {
    const [, name, version, chainId, verifyingContract] = await chain.readContract({
      address: contract.address,
      abi: system.governor.abi,
      functionName: "eip712Domain",
    });
    return { name, version, chainId: Number(chainId), verifyingContract };
  };
  governorDomain = await domainOf(system.governor);
  tokenDomain = await domainOf(system.token);
});

afterAll(async () => {
  for (const database of opened) await database.close();
  await anvil?.stop();
});

describe("sponsored votes", () => {
  it("sends a signed vote from the sponsor: the voter and reason are the signer's, the quota counts it", async () => {
    const relay = await relayWith();
    const [voter] = await holders(100, 1);
    const id = await proposal();
    const ethBefore = await chain.getBalance({ address: voter.address });

    const body = await signedVote(voter, { proposalId: id, support: 1, reason: "Cheaper **inference** for everyone." });
    const { hash } = await relay.vote(body, "203.0.113.7");
    const { receipt, transaction } = await mined(hash);

    expect(receipt.status).toBe("success");
    expect(transaction.from.toLowerCase()).toBe(sponsor.address.toLowerCase());
    const [cast] = parseEventLogs({ abi: system.governor.abi, eventName: "VoteCast", logs: receipt.logs });
    expect(cast.args).toMatchObject({
      voter: voter.address,
      proposalId: id,
      support: 1,
      weight: parseEther("1000"),
      reason: "Cheaper **inference** for everyone.",
    });
    expect(await chain.getBalance({ address: voter.address })).toBe(ethBefore);

    await relay.receiptsRecorded();
    const status = await relay.status(voter.address);
    expect(status.votes).toEqual({ limit: 30, used: 1, left: 29 });
    expect(BigInt(status.budget.spentToday)).toBe(receipt.gasUsed * receipt.effectiveGasPrice);
    expect(status.open).toBe(true);

    // The same request again: the signature's nonce is spent.
    const replay = await refusal(relay.vote(body, "203.0.113.7"));
    expect(replay.name).toBe("SignatureUsed");
  });

  it("refuses a forged signature, another chain's domain and a wrong nonce, by name", async () => {
    const relay = await relayWith();
    const [voter, forger] = await holders(110, 2);
    const id = await proposal();

    const forged = { ...(await signedVote(forger, { proposalId: id, support: 0 })), voter: voter.address };
    expect((await refusal(relay.vote(forged, "ip"))).name).toBe("InvalidSignature");

    const tampered = { ...(await signedVote(voter, { proposalId: id, support: 0 })), support: 1 as const };
    expect((await refusal(relay.vote(tampered, "ip"))).name).toBe("InvalidSignature");

    const otherChain = await signedVote(voter, {
      proposalId: id,
      support: 1,
      domain: { ...governorDomain, chainId: 1 },
    });
    expect((await refusal(relay.vote(otherChain, "ip"))).name).toBe("InvalidSignature");
    const declared = await refusal(relay.vote({ ...otherChain, chainId: 1 }, "ip"));
    expect(declared).toEqual({
      name: "WrongDomain",
      message: "The signature is for chain 1; this relay serves chain 31337.",
    });

    const ahead = await refusal(relay.vote(await signedVote(voter, { proposalId: id, support: 1, nonce: 1n }), "ip"));
    expect(ahead.name).toBe("WrongNonce");
    expect(ahead.message).toContain("nonce 1, the governor expects 0");
    const claimed = await refusal(
      relay.vote({ ...(await signedVote(voter, { proposalId: id, support: 1 })), nonce: "5" }, "ip"),
    );
    expect(claimed.name).toBe("WrongNonce");

    const garbage = await refusal(relay.vote({ proposalId: "x", support: 3, voter: "0x12" }, "ip"));
    expect(garbage.name).toBe("InvalidRequest");
  });

  it("refuses a proposal that is not Active, a voter who voted and a voter under the minimum power", async () => {
    const relay = await relayWith({ minimumVotingPower: parseEther("10") });
    const [voter, small] = await holders(120, 1).then(async (big) => [
      ...big,
      ...(await holders(121, 1, parseEther("5"))),
    ]);
    const active = await proposal();
    const pending = await proposal({ pending: true });

    const notActive = await refusal(relay.vote(await signedVote(voter, { proposalId: pending, support: 1 }), "ip"));
    expect(notActive).toEqual({
      name: "ProposalNotActive",
      message: `Proposal ${pending} is Pending: votes are cast only while it is Active.`,
    });
    const unknown = await refusal(relay.vote(await signedVote(voter, { proposalId: 12345n, support: 1 }), "ip"));
    expect(unknown.name).toBe("ProposalNotActive");

    const under = await refusal(relay.vote(await signedVote(small, { proposalId: active, support: 1 }), "ip"));
    expect(under.name).toBe("BelowMinimumPower");
    expect(under.message).toContain("had 5 PLM of voting power");

    await governanceHelper(chain, system).vote(voter, active, 1);
    const again = await refusal(relay.vote(await signedVote(voter, { proposalId: active, support: 0 }), "ip"));
    expect(again.name).toBe("AlreadyVoted");
  });

  it("stops at the vote quota, the daily budget, the sponsor's floor and the per-IP rate", async () => {
    const [voter, second] = await holders(130, 2);
    const [first, next] = [await proposal(), await proposal()];

    const quota = await relayWith({ votesPer30Days: 1 });
    await mined((await quota.vote(await signedVote(voter, { proposalId: first, support: 1 }), "ip")).hash);
    const spent = await refusal(quota.vote(await signedVote(voter, { proposalId: next, support: 1 }), "ip"));
    expect(spent.name).toBe("VoteQuotaSpent");

    const budget = await relayWith({ dailyBudget: 1n });
    const broke = await refusal(budget.vote(await signedVote(second, { proposalId: first, support: 1 }), "ip"));
    expect(broke.name).toBe("DailyBudgetSpent");
    expect((await budget.status()).open).toBe(true);

    const floor = await relayWith({ sponsorFloor: parseEther("100") });
    const low = await refusal(floor.vote(await signedVote(second, { proposalId: first, support: 1 }), "ip"));
    expect(low.name).toBe("SponsorBelowFloor");
    expect((await floor.status()).closed?.error).toBe("SponsorBelowFloor");

    const rate = await relayWith({ requestsPerMinutePerIp: 2 });
    const body = await signedVote(second, { proposalId: 999n, support: 1 });
    await refusal(rate.vote(body, "198.51.100.1"));
    await refusal(rate.vote(body, "198.51.100.1"));
    expect((await refusal(rate.vote(body, "198.51.100.1"))).name).toBe("RateLimited");
    expect((await refusal(rate.vote(body, "198.51.100.2"))).name).not.toBe("RateLimited");
  });

  it("lands 50 concurrent votes from 50 voters: one sponsor nonce each, none reverted", async () => {
    const relay = await relayWith();
    const voters = await holders(200, 50, parseEther("10"));
    const id = await proposal();
    const bodies = await Promise.all(
      voters.map((voter, i) => signedVote(voter, { proposalId: id, support: 1, reason: `voter ${i}` })),
    );

    const sent = await Promise.all(bodies.map((body, i) => relay.vote(body, `10.0.0.${i}`)));
    const landed = await Promise.all(sent.map(({ hash }) => mined(hash)));

    expect(landed.every(({ receipt }) => receipt.status === "success")).toBe(true);
    expect(new Set(landed.map(({ transaction }) => transaction.nonce)).size).toBe(50);
    const [, forVotes] = await chain.readContract({ ...system.governor, functionName: "proposalVotes", args: [id] });
    expect(forVotes).toBe(parseEther("500"));
  });

  it("accepts an ERC-1271 contract wallet's vote, signed by its owner", async () => {
    const relay = await relayWith();
    const { owner, wallet } = await contractWallet("ContractWallet", 140);
    const id = await proposal();

    const nonce = await chain.readContract({ ...system.governor, functionName: "nonces", args: [wallet] });
    const ballot = {
      proposalId: id,
      support: 1,
      voter: wallet,
      nonce,
      reason: "Signed by the wallet's owner.",
      params: "0x" as Hex,
    };
    const signature = await owner.signTypedData(extendedBallotTypedData(governorDomain, ballot));
    const body = { voter: wallet, reason: ballot.reason, proposalId: id.toString(), support: 1 as const, signature };
    const { hash } = await relay.vote(body, "ip");
    const [cast] = parseEventLogs({
      abi: system.governor.abi,
      eventName: "VoteCast",
      logs: (await mined(hash)).receipt.logs,
    });
    expect(cast.args).toMatchObject({ voter: wallet, reason: "Signed by the wallet's owner." });

    const stranger = await anvilAccount(141).signTypedData(
      extendedBallotTypedData(governorDomain, { ...ballot, proposalId: await proposal() }),
    );
    expect((await refusal(relay.vote({ ...body, signature: stranger }, "ip"))).name).toBe("InvalidSignature");

    const delegation = await refusal(
      relay.delegate({ delegator: wallet, delegatee: deployer, nonce: "0", expiry: "99999999999", signature }, "ip"),
    );
    expect(delegation.name).toBe("ContractWalletUnsupported");
  });
});

describe("sponsored delegations", () => {
  it("sends a signed delegation; one per 30 days; expired and replayed signatures are refused", async () => {
    const relay = await relayWith();
    const [holder, delegatee] = await holders(150, 2);

    const body = await signedDelegation(holder, delegatee.address);
    const { hash } = await relay.delegate(body, "ip");
    const { receipt, transaction } = await mined(hash);
    expect(receipt.status).toBe("success");
    expect(transaction.from.toLowerCase()).toBe(sponsor.address.toLowerCase());
    expect(await chain.readContract({ ...system.token, functionName: "delegates", args: [holder.address] })).toBe(
      delegatee.address,
    );
    expect((await refusal(relay.delegate(body, "ip"))).name).toBe("SignatureUsed");

    const back = await refusal(relay.delegate(await signedDelegation(holder, holder.address), "ip"));
    expect(back.name).toBe("DelegationQuotaSpent");
    expect((await relay.status(holder.address)).delegations).toEqual({ limit: 1, used: 1, left: 0 });

    const fresh = await relayWith();
    const expired = await signedDelegation(holder, holder.address, { expiry: 1n });
    expect((await refusal(fresh.delegate(expired, "ip"))).name).toBe("SignatureExpired");
    const same = await refusal(fresh.delegate(await signedDelegation(holder, delegatee.address), "ip"));
    expect(same.name).toBe("AlreadyDelegated");
    const forged = { ...(await signedDelegation(delegatee, holder.address)), delegator: holder.address };
    expect((await refusal(fresh.delegate(forged, "ip"))).name).toBe("InvalidSignature");
  });
});

describe("on PostgreSQL, two app instances share the rules", () => {
  let postgres: Postgres;
  beforeAll(async () => {
    postgres = await startPostgres();
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  it("relays one signature once and counts one quota across instances", async () => {
    const [a, b] = [
      await openDatabase({ databaseUrl: postgres.databaseUrl }),
      await openDatabase({ databaseUrl: postgres.databaseUrl }),
    ];
    onTestFinished(async () => {
      await Promise.all([a.close(), b.close()]);
    });
    const [first, second] = [await relayOn(a, { votesPer30Days: 2 }), await relayOn(b, { votesPer30Days: 2 })];
    const [voter] = await holders(160, 1);
    const ids = [await proposal(), await proposal(), await proposal()];

    const body = await signedVote(voter, { proposalId: ids[0], support: 1 });
    const results = await Promise.allSettled([first.vote(body, "ip"), second.vote(body, "ip")]);
    const sent = results.filter((result) => result.status === "fulfilled");
    expect(sent).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect((refused?.reason as Refusal).refusal).toMatch(/SignatureUsed|AlreadyVoted/);

    await mined((await second.vote(await signedVote(voter, { proposalId: ids[1], support: 0 }), "ip")).hash);
    const third = await refusal(first.vote(await signedVote(voter, { proposalId: ids[2], support: 2 }), "ip"));
    expect(third.name).toBe("VoteQuotaSpent");
    expect((await first.status(voter.address)).votes).toEqual({ limit: 2, used: 2, left: 0 });
  });
});

// Attacks on the sponsor's gas, the relay's availability and its rate limit: each failed on the first version.

/** A hostile ERC-1271 account (contracts/test/utils/GriefWallet.sol) holding and delegating 1,000 PLM to itself. */
async function griefWallet(ownerIndex: number) {
  const { owner, wallet, abi } = await contractWallet("GriefWallet", ownerIndex);
  const set = (burn: bigint, armed: boolean) =>
    writeContract(chain, owner, { address: wallet, abi, functionName: "set", args: [burn, armed] });
  const armData = encodeFunctionData({ abi, functionName: "set", args: [0n, true] });
  return { owner, wallet, set, armData };
}

/** A vote for `wallet`, "signed" by its owner (the wallet accepts any signature anyway). */
async function walletVote(owner: LocalAccount, wallet: Address, proposalId: bigint) {
  const nonce = await chain.readContract({ ...system.governor, functionName: "nonces", args: [wallet] });
  const ballot = { proposalId, support: 1, voter: wallet, nonce, reason: "", params: "0x" as Hex };
  const signature = await owner.signTypedData(extendedBallotTypedData(governorDomain, ballot));
  return { voter: wallet, reason: "", proposalId: proposalId.toString(), support: 1 as const, signature };
}

describe("gas griefing", () => {
  it("caps the gas of a sponsored vote: an ERC-1271 wallet whose isValidSignature burns 5M gas is refused", async () => {
    const relay = await relayWith();
    const { owner, wallet, set } = await griefWallet(300);
    await set(5_000_000n, false);
    const id = await proposal();

    const outcome = await relay.vote(await walletVote(owner, wallet, id), "203.0.113.30").then(
      async ({ hash }) => {
        const { receipt, transaction } = await mined(hash);
        return `sent: gas limit ${transaction.gas}, gas used ${receipt.gasUsed} (${receipt.status}) for one vote`;
      },
      (error: unknown) => (error instanceof Refusal ? error.refusal : error),
    );
    // An ordinary vote costs under 150k gas: the sponsor pays no more than 300k for one.
    expect(outcome).toBe("WouldRevert");
  });

  it("stops sponsoring a wallet whose relayed vote reverted (armed between the relay's checks and its send)", async () => {
    const relay = await relayWith();
    const { owner, wallet, set, armData } = await griefWallet(301);
    await set(150_000n, false); // a high estimate, under the cap: the gas limit the revert will burn
    const id = await proposal();

    await chain.setAutomine(false);
    onTestFinished(() => chain.setAutomine(true));
    const { hash } = await relay.vote(await walletVote(owner, wallet, id), "203.0.113.31");
    // The wallet's owner sees the relay's transaction and flips the wallet ahead of it, for ~30k gas.
    await chain.sendTransaction({
      account: owner,
      chain: null,
      to: wallet,
      data: armData,
      gas: 100_000n,
      maxPriorityFeePerGas: parseGwei("50"),
      maxFeePerGas: parseGwei("100"),
    });
    await chain.mine({ blocks: 1 });
    await chain.setAutomine(true);
    const { receipt, transaction } = await mined(hash);
    expect(receipt.status).toBe("reverted");
    expect(receipt.gasUsed * 10n).toBeGreaterThan(transaction.gas * 9n); // nearly all of its gas limit, burnt
    await relay.receiptsRecorded();

    // Disarmed again, the same wallet asks for the same proposal: the relay sends again (up to 30 times a month,
    // every one of them burnable the same way); it should refuse a signer whose sponsored transaction reverted.
    await set(150_000n, false);
    const again = await relay.vote(await walletVote(owner, wallet, id), "203.0.113.31").then(
      ({ hash }) =>
        `sent again: ${hash} (the first one reverted, burning ${receipt.gasUsed} of ${transaction.gas} gas)`,
      (error: unknown) => (error instanceof Refusal ? error.refusal : error),
    );
    expect(again).toBe("SponsorshipSuspended");
  });
});

describe("availability", () => {
  it("refuses, outside the send lock and at a cost to the requester, a vote whose gas cannot fit in a block", async () => {
    const relay = await relayWith({ votesPer30Days: 1 });
    const { owner, wallet, set } = await griefWallet(302);
    await set(25_000_000n, false); // simulates fine; its padded estimate (x1.5) is over the block's gas limit
    const id = await proposal();

    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const outcome = await relay.vote(await walletVote(owner, wallet, id), `198.51.100.${40 + i}`).then(
        ({ hash }) => `sent ${hash}`,
        (error: unknown) =>
          error instanceof Refusal
            ? error.refusal
            : `${(error as Error).name}: ${(error as Error).message.split("\n")[0]}`,
      );
      outcomes.push(`${outcome} after ${Math.round(performance.now() - started)} ms`);
    }
    // Each attempt holds the advisory lock (and PGlite's only connection) through an estimateGas of ~25M gas,
    // then fails at the send as a chain error (502 ChainUnavailable), counting no quota: free to repeat.
    expect(
      outcomes.every((outcome) => /^(WouldRevert|GasTooHigh|VoteQuotaSpent)/.test(outcome)),
      outcomes.join("; "),
    ).toBe(true);
  });

  it("answers status and cheap refusals while a send waits on a slow RPC (PGlite: one connection)", async () => {
    let estimating: () => void = () => {};
    const inSend = new Promise<void>((resolve) => (estimating = resolve));
    const slow = custom({
      async request({ method, params }) {
        if (method === "eth_estimateGas") {
          estimating();
          await new Promise((resolve) => setTimeout(resolve, 4_000));
        }
        const response = await fetch(anvil.rpcUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
        });
        const { result, error } = (await response.json()) as { result?: unknown; error?: { message: string } };
        if (error) throw new Error(error.message);
        return result;
      },
    });
    const relay = createRelay({
      chain: { ...foundry, contracts: { multicall3: { address: MULTICALL3_ADDRESS } } },
      transport: slow,
      sponsor,
      rules: defaultRelayRules,
      database: await memoryDatabase(),
      contracts: system,
    });
    const [voter] = await holders(320, 1);
    const id = await proposal();

    const sending = relay.vote(await signedVote(voter, { proposalId: id, support: 1 }), "203.0.113.32");
    await inSend; // the send holds the database transaction (and the advisory lock) while the RPC is slow
    const timed = async (work: Promise<unknown>) => {
      const started = performance.now();
      await work;
      return performance.now() - started;
    };
    const [statusMs, refusalMs] = await Promise.all([
      timed(relay.status(voter.address)),
      timed(refusal(relay.vote({ garbage: true }, "198.51.100.32"))), // the rate limit's INSERT waits too
    ]);
    await mined((await sending).hash);

    expect({ statusMs: Math.round(statusMs), refusalMs: Math.round(refusalMs) }).toEqual({
      statusMs: expect.toSatisfy((ms: number) => ms < 1_000),
      refusalMs: expect.toSatisfy((ms: number) => ms < 1_000),
    });
  });

  it("spends little CPU on a bad signature (the nonce search recovers 32 times over a long reason)", async () => {
    const relay = await relayWith({ requestsPerMinutePerIp: 1_000 });
    const [voter, other] = await holders(330, 2);
    const id = await proposal();
    const reason = "\u{1F5F3}".repeat(1_000); // 2,000 UTF-16 units, 4,000 bytes
    const forged = { ...(await signedVote(other, { proposalId: id, support: 1, reason })), voter: voter.address };
    await refusal(relay.vote(forged, "198.51.100.33")); // warm up (domains cached)

    const started = performance.now();
    for (let i = 0; i < 5; i++)
      expect((await refusal(relay.vote(forged, "198.51.100.33"))).name).toBe("InvalidSignature");
    const perRequestMs = (performance.now() - started) / 5;
    expect(Math.round(perRequestMs)).toBeLessThan(100);
  });

  it("a relayed vote the network dropped does not lock its voter out of the relay", async () => {
    const relay = await relayWith();
    const [voter] = await holders(340, 1);
    const id = await proposal();

    await chain.setAutomine(false);
    onTestFinished(() => chain.setAutomine(true));
    const { hash } = await relay.vote(await signedVote(voter, { proposalId: id, support: 1 }), "203.0.113.34");
    await chain.dropTransaction({ hash }); // evicted: underpriced after a fee spike, a node restart, a replacement
    await chain.mine({ blocks: 1 });
    await chain.setAutomine(true);
    expect(await chain.getTransaction({ hash }).catch(() => undefined)).toBeUndefined();

    // The voter's governor nonce never moved, so every new signature reuses it: "already relayed", forever.
    const retry = await relay.vote(await signedVote(voter, { proposalId: id, support: 1 }), "203.0.113.34").then(
      ({ hash }) => `sent ${hash}`,
      (error: unknown) => (error instanceof Refusal ? `${error.refusal}: ${error.message}` : error),
    );
    expect(retry).toMatch(/^sent/);
  });
});

describe("the per-IP limit", () => {
  it("does not let a client choose its rate-limit key when no proxy is trusted (RELAY_TRUSTED_PROXIES=0)", () => {
    // Without a proxy, Next.js keeps a client's own X-Forwarded-For: each value below is a fresh bucket.
    const keys = new Set(["198.51.100.1", "198.51.100.2", "x".repeat(8_000)].map((header) => clientIp(header, 0)));
    expect(keys.size).toBe(1);
  });
});
