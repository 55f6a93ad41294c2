import {
  createPublicClient,
  keccak256,
  encodeFunctionData,
  isAddressEqual,
  parseSignature,
  recoverTypedDataAddress,
  type Address,
  type Chain,
  type Hash,
  type Hex,
  type LocalAccount,
  type Transport,
  type TypedDataDefinition,
} from "viem";
import { parseRequest, Refusal } from "../api/refusal";
import { padGasEstimate } from "../chain/gas";
import { isTransportError } from "../chain/signatures";
import type { SystemContracts } from "../contracts/bindings";
import { describeError } from "../contracts/errors";
import type { Database } from "../database/database";
import { countRequest } from "../database/rate-limit";
import { formatTokens } from "../format";
import { proposalStateNames, ProposalState } from "../governance/proposal-state";
import {
  delegateRequestSchema,
  relayRefusalStatus,
  voteRequestSchema,
  type RelayRefusalName,
  type RelaySent,
  type RelayStatus,
} from "./api";
import type { RelayRules } from "./rules";
import {
  delegationTypedData,
  domainFromEip5267,
  extendedBallotTypedData,
  isContractWallet,
  type Eip712Domain,
} from "./typed-data";

/** A request the relay will not send, by name (the HTTP interface answers `relayRefusalStatus[name]`). */
export class RelayRefusal extends Refusal<RelayRefusalName> {
  constructor(refusal: RelayRefusalName, message: string) {
    super(refusal, relayRefusalStatus[refusal], message);
  }
}

export type RelayOptions = {
  chain: Chain;
  transport: Transport;
  /** The sponsor's key; without one the relay refuses everything as RelayDisabled. */
  sponsor: LocalAccount | undefined;
  rules: RelayRules;
  database: Database;
  contracts: SystemContracts;
};

/** The advisory lock held while a transaction is sent: one sponsor nonce at a time, quotas counted atomically. */
const SEND_LOCK = 7_215_001;
/** How far from the current nonce an EOA's signature is looked for, to name a replay or an early signature. */
const NONCE_SEARCH = 2n;
/**
 * The most gas the sponsor spends on one transaction of each kind. A vote with the longest reason from an EOA uses
 * about 150k and a Safe's signature check adds tens of thousands; a delegation about 100k.
 */
const maxGas = { vote: 300_000n, delegation: 200_000n } as const;
const START_OF_UTC_DAY = "(date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')";

type Call = { to: Address; data: Hex };
/** A request's body, or what reads it: read only once the request is counted against its client's rate. */
type RelayInput = unknown | (() => Promise<unknown>);

type Relayed = {
  kind: "vote" | "delegation";
  signer: Address;
  signerNonce: bigint;
  proposalId?: bigint;
  clientIp: string;
};

/**
 * The gasless relay: checks a signed vote or delegation against the chain and the rules, then sends it from the
 * sponsor's account. Every refusal is a RelayRefusal with a sentence a user can act on; nothing is sent that the
 * node says would revert.
 */
export function createRelay({ chain, transport, sponsor, rules, database, contracts }: RelayOptions) {
  const client = createPublicClient({ chain, transport });
  const { governor, token } = contracts;
  const receipts = new Set<Promise<void>>();
  let domains: Promise<{ governor: Eip712Domain; token: Eip712Domain }> | undefined;

  function readDomains() {
    domains ??= Promise.all([
      client.readContract({ ...governor, functionName: "eip712Domain" }),
      client.readContract({ ...token, functionName: "eip712Domain" }),
    ]).then(
      ([governorDomain, tokenDomain]) => ({
        governor: domainFromEip5267(governorDomain),
        token: domainFromEip5267(tokenDomain),
      }),
      (error: unknown) => {
        domains = undefined;
        throw error;
      },
    );
    return domains;
  }

  function requireSponsor(): LocalAccount {
    if (!sponsor)
      throw new RelayRefusal(
        "RelayDisabled",
        "This server has no sponsor account: vote or delegate with a transaction.",
      );
    return sponsor;
  }

  function checkDomain(request: { chainId?: number; verifyingContract?: Address }, contract: { address: Address }) {
    if (request.chainId !== undefined && request.chainId !== chain.id) {
      throw new RelayRefusal(
        "WrongDomain",
        `The signature is for chain ${request.chainId}; this relay serves chain ${chain.id}.`,
      );
    }
    if (request.verifyingContract && !isAddressEqual(request.verifyingContract, contract.address)) {
      throw new RelayRefusal(
        "WrongDomain",
        `The signature is for contract ${request.verifyingContract}; this relay sends to ${contract.address}.`,
      );
    }
  }

  async function checkRate(ip: string) {
    if ((await countRequest(database, ip)) > rules.requestsPerMinutePerIp) {
      throw new RelayRefusal(
        "RateLimited",
        `More than ${rules.requestsPerMinutePerIp} relay requests a minute came from your address: wait a minute and retry.`,
      );
    }
  }

  function nonceRefusal(signed: bigint, current: bigint, contractName: string): RelayRefusal {
    return signed < current
      ? new RelayRefusal(
          "SignatureUsed",
          `This signature (nonce ${signed}) was already used: the ${contractName} is at nonce ${current}. Sign again.`,
        )
      : new RelayRefusal(
          "WrongNonce",
          `The signature is for nonce ${signed}, the ${contractName} expects ${current}: send the earlier signatures first, or sign again.`,
        );
  }

  /** An EOA's signature made for another nonce recovers to the signer at that nonce: name the replay or the skip. */
  async function signedNonce(
    signer: Address,
    typedDataAt: (nonce: bigint) => TypedDataDefinition,
    signature: Hex,
    current: bigint,
  ): Promise<bigint | undefined> {
    for (let offset = 1n; offset <= NONCE_SEARCH; offset++) {
      for (const candidate of [current - offset, current + offset]) {
        if (candidate < 0n) continue;
        const recovered = await recoverTypedDataAddress({ ...typedDataAt(candidate), signature }).catch(
          () => undefined,
        );
        if (recovered && isAddressEqual(recovered, signer)) return candidate;
      }
    }
    return undefined;
  }

  /**
   * The node's verdict, from the sponsor, within the gas cap of its kind: the call must succeed with at most that much
   * gas (a contract wallet that burns gas in isValidSignature fails here). Returns the gas limit to send with.
   */
  async function checkedGas(account: LocalAccount, kind: Relayed["kind"], call: Call): Promise<bigint> {
    const cap = maxGas[kind];
    try {
      await client.call({ account, ...call, gas: cap });
      const padded = padGasEstimate(await client.estimateGas({ account, ...call, gas: cap, blockTag: "pending" }));
      return padded < cap ? padded : cap;
    } catch (error) {
      if (isTransportError(error)) throw error;
      throw new RelayRefusal(
        "WouldRevert",
        `The transaction would revert within ${cap.toLocaleString("en-US")} gas, the most the DAO sponsors for a ${kind}: ${describeError(error)}. Nothing was sent.`,
      );
    }
  }

  /**
   * Everything that needs the chain's answer is checked before; under the lock only the records are counted, the
   * sponsor's nonce read and the signed transaction recorded and broadcast, so one request holds it briefly.
   */
  async function send(account: LocalAccount, record: Relayed, call: Call): Promise<RelaySent> {
    const gas = await checkedGas(account, record.kind, call);
    const [balance, { maxFeePerGas, maxPriorityFeePerGas }] = await Promise.all([
      client.getBalance({ address: account.address }),
      client.estimateFeesPerGas(),
    ]);
    if (balance < rules.sponsorFloor) throw belowFloor(balance);
    const reservedCost = gas * maxFeePerGas;
    const signer = record.signer.toLowerCase();

    const hash = await database.transaction(async (sql) => {
      await sql.query("SELECT pg_advisory_xact_lock($1)", [SEND_LOCK]);
      const [usage] = await sql.query<{ used: string; reverted: string; live: Hash | null; spent_today: string }>(
        `SELECT
           (SELECT count(*) FROM relay_transactions
             WHERE chain_id = $1 AND kind = $2 AND signer = $3 AND sent_at > now() - interval '30 days')::text AS used,
           (SELECT count(*) FROM relay_transactions
             WHERE chain_id = $1 AND signer = $3 AND status = 'reverted' AND sent_at > now() - interval '30 days')::text
             AS reverted,
           (SELECT hash FROM relay_transactions
             WHERE chain_id = $1 AND kind = $2 AND signer = $3 AND signer_nonce = $4 AND status IN ('sent', 'mined')
             LIMIT 1) AS live,
           (SELECT coalesce(sum(coalesce(cost, reserved_cost)), 0) FROM relay_transactions
             WHERE chain_id = $1 AND sponsor = $5 AND sent_at >= ${START_OF_UTC_DAY})::text AS spent_today`,
        [chain.id, record.kind, signer, record.signerNonce.toString(), account.address.toLowerCase()],
      );
      if (Number(usage.reverted) > 0) {
        throw new RelayRefusal(
          "SponsorshipSuspended",
          `A transaction the relay sent for ${record.signer} reverted in the last 30 days (a wallet that changed between the check and the send costs the DAO its gas): sponsorship for this address is suspended. Use a normal transaction.`,
        );
      }
      if (usage.live) {
        // A transaction the network dropped (never mined, no longer known) does not hold the signature forever.
        const known = await client.getTransaction({ hash: usage.live }).catch(() => undefined);
        if (known)
          throw new RelayRefusal("SignatureUsed", `This signature was already relayed in transaction ${usage.live}.`);
        // Never mined, it cost nothing and counts for nothing; the same call signed again may even have its hash.
        await sql.query("DELETE FROM relay_transactions WHERE hash = $1 AND status = 'sent'", [usage.live]);
      }
      const limit = record.kind === "vote" ? rules.votesPer30Days : rules.delegationsPer30Days;
      if (Number(usage.used) >= limit) {
        throw record.kind === "vote"
          ? new RelayRefusal(
              "VoteQuotaSpent",
              `${record.signer} has used its ${limit} sponsored votes of the last 30 days: vote with a transaction.`,
            )
          : new RelayRefusal(
              "DelegationQuotaSpent",
              `${record.signer} has used its ${limit} sponsored delegation${limit === 1 ? "" : "s"} of the last 30 days: delegate with a transaction.`,
            );
      }
      if (BigInt(usage.spent_today) + reservedCost > rules.dailyBudget) throw budgetSpent();

      const nonce = await client.getTransactionCount({ address: account.address, blockTag: "pending" });
      const signed = await account.signTransaction({
        type: "eip1559",
        chainId: chain.id,
        ...call,
        gas,
        nonce,
        maxFeePerGas,
        maxPriorityFeePerGas,
      });
      const sent = keccak256(signed);
      // Recorded before it is broadcast: a broadcast whose answer is lost still counts (and is never sent twice).
      await sql.query(
        `INSERT INTO relay_transactions
           (hash, chain_id, kind, signer, signer_nonce, proposal_id, sponsor, sponsor_nonce, client_ip, reserved_cost)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          sent,
          chain.id,
          record.kind,
          signer,
          record.signerNonce.toString(),
          record.proposalId?.toString() ?? null,
          account.address.toLowerCase(),
          nonce,
          record.clientIp,
          reservedCost.toString(),
        ],
      );
      try {
        await client.request({ method: "eth_sendRawTransaction", params: [signed] }, { retryCount: 0 });
      } catch (error) {
        // The node answered no: nothing was sent, the row goes with the rollback. No answer at all: it may have been
        // sent, so the row stays (a dropped one is recognised later) and the client follows the hash.
        if (!isTransportError(error)) throw error;
      }
      return sent;
    });
    const recorded = recordReceipt(hash);
    receipts.add(recorded);
    void recorded.finally(() => receipts.delete(recorded));
    return { hash };
  }

  /** Once mined, the transaction counts at its real cost; until then (or if never seen) at its reserved one. */
  async function recordReceipt(hash: Hash) {
    try {
      const receipt = await client.waitForTransactionReceipt({ hash, timeout: 10 * 60_000 });
      await database.query("UPDATE relay_transactions SET status = $2, cost = $3, mined_at = now() WHERE hash = $1", [
        hash,
        receipt.status === "success" ? "mined" : "reverted",
        (receipt.gasUsed * receipt.effectiveGasPrice).toString(),
      ]);
    } catch {
      // Counted at its reserved cost.
    }
  }

  function belowFloor(balance: bigint) {
    return new RelayRefusal(
      "SponsorBelowFloor",
      `Sponsored transactions are paused: the sponsor holds ${formatTokens(balance, 4)} ETH, under its floor of ${formatTokens(rules.sponsorFloor, 4)} ETH. Use a normal transaction.`,
    );
  }

  function budgetSpent() {
    return new RelayRefusal(
      "DailyBudgetSpent",
      `Today's gas budget for sponsored transactions (${formatTokens(rules.dailyBudget, 4)} ETH) is spent: use a normal transaction, or try again after midnight UTC.`,
    );
  }

  async function vote(input: RelayInput, clientIp: string): Promise<RelaySent> {
    await checkRate(clientIp);
    const request = parseRequest(voteRequestSchema, typeof input === "function" ? await input() : input);
    const account = requireSponsor();
    checkDomain(request, governor);
    const params = request.params ?? "0x";
    if (params !== "0x") {
      throw new RelayRefusal(
        "InvalidRequest",
        "params must be 0x: this governor counts For, Against and Abstain and reads no params.",
      );
    }
    const { voter, support, reason, signature } = request;
    const proposalId = BigInt(request.proposalId);
    const [domain, nonce] = await Promise.all([
      readDomains().then((all) => all.governor),
      client.readContract({ ...governor, functionName: "nonces", args: [voter] }),
    ]);
    const ballotAt = (n: bigint) =>
      extendedBallotTypedData(domain, { proposalId, support, voter, nonce: n, reason, params });
    if (request.nonce !== undefined && BigInt(request.nonce) !== nonce) {
      throw nonceRefusal(BigInt(request.nonce), nonce, "governor");
    }
    const valid = await client
      .verifyTypedData({ address: voter, ...ballotAt(nonce), signature })
      .catch((error: unknown) => {
        if (isTransportError(error)) throw error;
        return false;
      });
    if (!valid) {
      const signed = await signedNonce(voter, ballotAt, signature, nonce);
      if (signed !== undefined) throw nonceRefusal(signed, nonce, "governor");
      throw new RelayRefusal(
        "InvalidSignature",
        `The signature is not ${voter}'s over this ballot (proposal ${proposalId}, ${["Against", "For", "Abstain"][support]}, this reason) for the governor ${governor.address} on chain ${chain.id}: sign it again.`,
      );
    }

    const state = await client
      .readContract({ ...governor, functionName: "state", args: [proposalId] })
      .catch((error) => {
        throw new RelayRefusal("ProposalNotActive", `Proposal ${proposalId} cannot be read: ${describeError(error)}.`);
      });
    if (state !== ProposalState.Active) {
      throw new RelayRefusal(
        "ProposalNotActive",
        `Proposal ${proposalId} is ${proposalStateNames[state]}: votes are cast only while it is Active.`,
      );
    }
    const [hasVoted, snapshot] = await Promise.all([
      client.readContract({ ...governor, functionName: "hasVoted", args: [proposalId, voter] }),
      client.readContract({ ...governor, functionName: "proposalSnapshot", args: [proposalId] }),
    ]);
    if (hasVoted)
      throw new RelayRefusal("AlreadyVoted", `${voter} has already voted on proposal ${proposalId}: a vote is final.`);
    const power = await client.readContract({ ...governor, functionName: "getVotes", args: [voter, snapshot] });
    if (power < rules.minimumVotingPower) {
      throw new RelayRefusal(
        "BelowMinimumPower",
        `${voter} had ${formatTokens(power)} PLM of voting power at the proposal's snapshot; the DAO sponsors votes of at least ${formatTokens(rules.minimumVotingPower)} PLM. Vote with a transaction instead.`,
      );
    }
    const call = {
      to: governor.address,
      data: encodeFunctionData({
        abi: governor.abi,
        functionName: "castVoteWithReasonAndParamsBySig",
        args: [proposalId, support, voter, reason, params, signature],
      }),
    };
    return send(account, { kind: "vote", signer: voter, signerNonce: nonce, proposalId, clientIp }, call);
  }

  async function delegate(input: RelayInput, clientIp: string): Promise<RelaySent> {
    await checkRate(clientIp);
    const request = parseRequest(delegateRequestSchema, typeof input === "function" ? await input() : input);
    const account = requireSponsor();
    checkDomain(request, token);
    const { delegator, delegatee, signature } = request;
    const [nonce, expiry] = [BigInt(request.nonce), BigInt(request.expiry)];
    const [domain, current, code, currentDelegate, balance, block] = await Promise.all([
      readDomains().then((all) => all.token),
      client.readContract({ ...token, functionName: "nonces", args: [delegator] }),
      client.getCode({ address: delegator }),
      client.readContract({ ...token, functionName: "delegates", args: [delegator] }),
      client.readContract({ ...token, functionName: "balanceOf", args: [delegator] }),
      client.getBlock(),
    ]);
    if (isContractWallet(code)) {
      throw new RelayRefusal(
        "ContractWalletUnsupported",
        `${delegator} is a contract wallet: the token's delegateBySig accepts only an ordinary account's (EOA's) signature. Delegate with a transaction from the wallet instead.`,
      );
    }
    const recovered = await recoverTypedDataAddress({
      ...delegationTypedData(domain, { delegatee, nonce, expiry }),
      signature,
    }).catch(() => undefined);
    if (!recovered || !isAddressEqual(recovered, delegator)) {
      throw new RelayRefusal(
        "InvalidSignature",
        `The signature is not ${delegator}'s over this delegation (to ${delegatee}, nonce ${nonce}, expiry ${expiry}) for the token ${token.address} on chain ${chain.id}: sign it again.`,
      );
    }
    if (nonce !== current) throw nonceRefusal(nonce, current, "token");
    if (expiry <= block.timestamp) {
      throw new RelayRefusal(
        "SignatureExpired",
        `The signature expired at ${new Date(Number(expiry) * 1000).toISOString()} (chain time ${new Date(Number(block.timestamp) * 1000).toISOString()}): sign again.`,
      );
    }
    if (isAddressEqual(currentDelegate, delegatee)) {
      throw new RelayRefusal("AlreadyDelegated", `${delegator} already delegates to ${delegatee}.`);
    }
    if (balance < rules.minimumVotingPower) {
      throw new RelayRefusal(
        "BelowMinimumPower",
        `${delegator} holds ${formatTokens(balance)} PLM; the DAO sponsors delegations of at least ${formatTokens(rules.minimumVotingPower)} PLM. Delegate with a transaction instead.`,
      );
    }
    const { r, s, yParity } = parseSignature(signature);
    const call = {
      to: token.address,
      data: encodeFunctionData({
        abi: token.abi,
        functionName: "delegateBySig",
        args: [delegatee, nonce, expiry, yParity + 27, r, s],
      }),
    };
    return send(account, { kind: "delegation", signer: delegator, signerNonce: nonce, clientIp }, call);
  }

  async function status(address?: Address): Promise<RelayStatus> {
    const [[usage], balance] = await Promise.all([
      database.query<{ votes: string; delegations: string; spent_today: string }>(
        `SELECT
           (SELECT count(*) FROM relay_transactions
             WHERE kind = 'vote' AND signer = $1 AND sent_at > now() - interval '30 days')::text AS votes,
           (SELECT count(*) FROM relay_transactions
             WHERE kind = 'delegation' AND signer = $1 AND sent_at > now() - interval '30 days')::text AS delegations,
           (SELECT coalesce(sum(coalesce(cost, reserved_cost)), 0) FROM relay_transactions
             WHERE sent_at >= ${START_OF_UTC_DAY})::text AS spent_today`,
        [address?.toLowerCase() ?? ""],
      ),
      sponsor ? client.getBalance({ address: sponsor.address }) : 0n,
    ]);
    const spentToday = BigInt(usage.spent_today);
    const leftToday = rules.dailyBudget > spentToday ? rules.dailyBudget - spentToday : 0n;
    const closed = !sponsor
      ? new RelayRefusal("RelayDisabled", "This server has no sponsor account.")
      : balance < rules.sponsorFloor
        ? belowFloor(balance)
        : leftToday === 0n
          ? budgetSpent()
          : undefined;
    const quota = (limit: number, used: string) =>
      address ? { limit, used: Number(used), left: Math.max(0, limit - Number(used)) } : { limit };
    return {
      open: !closed,
      ...(closed && { closed: closed.body }),
      chainId: chain.id,
      sponsor: sponsor?.address ?? null,
      sponsorBalance: balance.toString(),
      sponsorFloor: rules.sponsorFloor.toString(),
      budget: {
        daily: rules.dailyBudget.toString(),
        spentToday: spentToday.toString(),
        leftToday: leftToday.toString(),
      },
      minimumVotingPower: rules.minimumVotingPower.toString(),
      requestsPerMinutePerIp: rules.requestsPerMinutePerIp,
      windowDays: 30,
      votes: quota(rules.votesPer30Days, usage.votes),
      delegations: quota(rules.delegationsPer30Days, usage.delegations),
    };
  }

  return {
    vote,
    delegate,
    status,
    /** Resolves once every sent transaction's receipt is recorded (tests and shutdown). */
    receiptsRecorded: async () => {
      await Promise.all([...receipts]);
    },
  };
}

export type Relay = ReturnType<typeof createRelay>;
