// The synthetic scale DAO behind `npm run bench:scale`: on a freshly deployed anvil, tens of thousands of holders
// delegate, every delegate publishes a statement, and a thousand proposals run their course through the real
// governor, timelock and network parameters, with hundreds of thousands of votes with reasons. Only the clock is
// anvil's; every record comes from a real transaction.
import {
  createPublicClient,
  decodeFunctionResult,
  encodeAbiParameters,
  encodeFunctionData,
  http,
  keccak256,
  parseAbiParameters,
  parseEther,
  stringToHex,
  toEventSelector,
  toHex,
  type Abi,
  type Address,
  type Hex,
} from "viem";
import { plenumGovernorAbi } from "../../lib/contracts/abis.generated";
import { contractsFor, namedContractsFor } from "../../lib/contracts/bindings";
import type { Deployment } from "../../lib/contracts/deployment";
import { formatParameterValue, formatTokens } from "../../lib/format";
import { parameterKeyName } from "../../lib/governance/actions";
import { proposalStateNames, type ProposalStateName } from "../../lib/governance/proposal-state";
import { bulkSender, type BulkTransaction, type ExpectedEvent, type RawLog } from "./bulk-transactions";
import { LOCAL_CHAIN_ID } from "./chain";
import { jsonRpc } from "./json-rpc";
import { delegateProfile, mix, proposalDescription, syntheticAddress, voteReason } from "./scale-dao-content";

/** anvil must run with these for a history this large (see DESIGN.md, "Big synthetic histories on anvil"). */
export const scaleAnvilArgs = ["--gas-limit", "2000000000", "--prune-history"];

export const scaleDaoDefaults = {
  proposals: 1_000,
  /** Votes in all, every one with a reason. */
  votes: 200_000,
  /** Votes on the one big proposal; the other proposals that reach a vote share the rest evenly. */
  bigProposalVotes: 5_000,
  delegators: 50_000,
  delegates: 2_000,
};

export type ScaleDaoSize = typeof scaleDaoDefaults;

export type ScaleDaoOptions = Partial<ScaleDaoSize> & {
  rpcUrl: string;
  deployment: Deployment;
  log?: (line: string) => void;
};

export type ScaleDao = ScaleDaoSize & {
  /** Self-delegated holders who vote beside the delegates, so the big proposal has enough distinct voters. */
  holders: number;
  statements: number;
  bigProposalId: bigint;
  /** Proposals by the state the governor reports at the end. */
  proposalStates: Partial<Record<ProposalStateName, number>>;
  /** Events emitted by the generated transactions, as "Contract.Event". */
  events: Record<string, number>;
  transactions: number;
  fromBlock: number;
  toBlock: number;
  seconds: number;
};

type Outcome =
  "executed" | "queued" | "succeeded" | "defeated" | "canceledByGuardian" | "canceledByProposer" | "active" | "pending";

// Share of the proposals that end in each outcome; "executed" takes the rest.
const outcomeShares: [Outcome, number][] = [
  ["defeated", 0.2],
  ["succeeded", 0.1],
  ["queued", 0.1],
  ["canceledByGuardian", 0.03],
  ["canceledByProposer", 0.03],
  ["active", 0.1],
  ["pending", 0.04],
];

// PLM handed out in all to each group (60% of the supply is the deployer's); each account gets between half and
// one and a half times its group's average.
const delegatorsBudget = parseEther("20000000");
const delegatesBudget = parseEther("10000000");
const holdersBudget = parseEther("5000000");

/** Each sender's balance: gas is paid at anvil's base fee, but the pool checks gas limit × fee cap up front. */
const ethForGas = parseEther("1000000");

/** The delegates who receive half of all delegations: their votes decide every proposal, and they propose. */
const whaleCount = 10;

// Gas given to each transaction: measured use plus a wide margin (a transaction that runs out shows up in the
// step's event count).
const gasFor = {
  transfer: 100_000,
  delegate: 150_000,
  statement: (bytes: number) => 200_000 + 100 * bytes,
  propose: (bytes: number, actions: number) => 600_000 + 60 * bytes + 150_000 * actions,
  vote: (reasonBytes: number) => 150_000 + 64 * reasonBytes,
  cancel: 300_000,
  queue: (actions: number) => 300_000 + 100_000 * actions,
  execute: (actions: number) => 300_000 + 200_000 * actions,
};

const grantPurposes = [
  "the Lagos inference cluster expansion",
  "an open-weight evaluation suite",
  "a latency benchmark harness for providers",
  "provider onboarding documentation in six languages",
  "license audits of the verified publishers' models",
  "a reproducible-weights verification service",
  "the community GPU co-op's first 64 cards",
  "an incident response retainer for the security council",
];

type Proposal = {
  number: number;
  outcome: Outcome;
  /** Leans for (whales vote for) or against. */
  passes: boolean;
  proposer: Address;
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
  descriptionHash: Hex;
  id: bigint;
  votes: number;
};

type Parameter = { key: Hex; min: bigint; max: bigint; unit: string; description: string };

const byteLength = (text: string) => Buffer.byteLength(text);
const n = (value: number) => value.toLocaleString("en-US");

export async function generateScaleDao(options: ScaleDaoOptions): Promise<ScaleDao> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const size: ScaleDaoSize = { ...scaleDaoDefaults, ...stripUndefined(options) };
  const d = options.deployment;
  const contracts = contractsFor(d);
  const rpc = jsonRpc(options.rpcUrl);
  const client = createPublicClient({ transport: http(options.rpcUrl) });

  const chainId = await client.getChainId();
  if (chainId !== LOCAL_CHAIN_ID) throw new Error(`Refusing to generate on chain ${chainId}: anvil (31337) only.`);
  const { gasLimit } = await client.getBlock();
  if (gasLimit < 1_500_000_000n) {
    throw new Error(`anvil's block gas limit is ${gasLimit}: start it with ${scaleAnvilArgs.join(" ")}.`);
  }

  const [votingDelay, votingPeriod, timelockDelay, proposalThreshold, [parameterKeys, parameterInfos]] =
    await Promise.all([
      client.readContract({ ...contracts.governor, functionName: "votingDelay" }),
      client.readContract({ ...contracts.governor, functionName: "votingPeriod" }),
      client.readContract({ ...contracts.timelock, functionName: "getMinDelay" }),
      client.readContract({ ...contracts.governor, functionName: "proposalThreshold" }),
      client.readContract({ ...contracts.networkParameters, functionName: "allParameters" }),
    ]);
  const parameters: Parameter[] = parameterKeys.map((key, i) => ({ key, ...parameterInfos[i] }));

  // ---------------------------------------------------------------- accounts and amounts
  if (size.delegates < 1) throw new Error("Generate at least one delegate.");
  const delegates = Array.from({ length: size.delegates }, (_, i) => syntheticAddress("delegate", i));
  const whales = delegates.slice(0, Math.min(whaleCount, delegates.length));
  const plan = planProposals(size, whales.length);
  const holders = Array.from({ length: plan.voterCount - delegates.length }, (_, i) => syntheticAddress("holder", i));
  const voters = [...delegates, ...holders];
  const delegators = Array.from({ length: size.delegators }, (_, i) => syntheticAddress("delegator", i));
  // Every other delegator delegates to a whale, the rest to any delegate.
  const delegateOf = (i: number) =>
    i % 2 === 0 ? whales[(i / 2) % whales.length] : delegates[mix(i, 20) % delegates.length];
  const amount = (budget: bigint, count: number, i: number, salt: number) =>
    (budget / BigInt(count) / 100n) * BigInt(50 + (mix(i, salt) % 101));
  const transfers: { to: Address; amount: bigint }[] = [
    ...delegates.map((to, i) => ({ to, amount: amount(delegatesBudget, delegates.length, i, 21) })),
    ...holders.map((to, i) => ({ to, amount: amount(holdersBudget, holders.length, i, 22) })),
    ...delegators.map((to, i) => ({ to, amount: amount(delegatorsBudget, delegators.length, i, 23) })),
  ];
  const handedOut = transfers.reduce((sum, transfer) => sum + transfer.amount, 0n);
  const deployerBalance = await client.readContract({
    ...contracts.token,
    functionName: "balanceOf",
    args: [d.deployer],
  });
  if (deployerBalance < handedOut) {
    throw new Error(
      `The deployer holds ${formatTokens(deployerBalance)} PLM; the plan hands out ${formatTokens(handedOut)}.`,
    );
  }

  log(
    `Generating ${n(size.proposals)} proposals, ${n(size.votes)} votes (${n(size.bigProposalVotes)} on one), ` +
      `${n(size.delegators)} delegators, ${n(size.delegates)} delegates, ${n(holders.length)} self-delegated voters`,
  );

  // ---------------------------------------------------------------- the node: manual mining, any sender
  const nonces = new Map<Address, number>();
  for (const account of [d.deployer, d.guardian]) {
    nonces.set(account, await client.getTransactionCount({ address: account, blockTag: "pending" }));
  }
  const eventCounts = new Map<string, number>();
  const countLogs = (logs: RawLog[]) => {
    for (const entry of logs) {
      const key = `${entry.address.toLowerCase()}:${entry.topics[0]}`;
      eventCounts.set(key, (eventCounts.get(key) ?? 0) + 1);
    }
  };
  const sender = bulkSender(rpc, { nonces, onLogs: countLogs, log });
  // Straight from the node: viem caches the block number for a few seconds.
  const blockNumber = async () => Number(await rpc.call<Hex>("eth_blockNumber"));
  const fromBlock = (await blockNumber()) + 1;
  const event = (contract: { address: Address; abi: Abi }, name: string): ExpectedEvent => ({
    name,
    address: contract.address,
    topic: eventTopic(contract.abi, name),
  });
  const warpTo = (timestamp: bigint) => rpc.call("evm_setNextBlockTimestamp", [`0x${timestamp.toString(16)}`]);

  await rpc.call("evm_setAutomine", [false]);
  try {
    await rpc.call("anvil_autoImpersonateAccount", [true]);
    const everyone = [d.deployer, d.guardian, ...voters, ...delegators];
    for (let i = 0; i < everyone.length; i += 500) {
      const balances = everyone.slice(i, i + 500).map((account) => ({
        method: "anvil_setBalance",
        params: [account, toHex(ethForGas)],
      }));
      await rpc.batch(balances);
    }
    log(`Funded ${n(everyone.length)} accounts with ETH for gas`);

    // ---------------------------------------------------------------- holders, delegations, statements
    await sender.send(
      "transfers",
      transfers.map(({ to, amount }) => ({
        from: d.deployer,
        to: d.token,
        data: encodeFunctionData({ ...contracts.token, functionName: "transfer", args: [to, amount] }),
        gas: gasFor.transfer,
        label: `transfer to ${to}`,
      })),
      event(contracts.token, "Transfer"),
    );
    const delegations = [
      ...voters.map((account) => ({ from: account, to: account })),
      ...delegators.map((account, i) => ({ from: account, to: delegateOf(i) })),
    ];
    await sender.send(
      "delegations",
      delegations.map(({ from, to }) => ({
        from,
        to: d.token,
        data: encodeFunctionData({ ...contracts.token, functionName: "delegate", args: [to] }),
        gas: gasFor.delegate,
        label: `${from} delegating to ${to}`,
      })),
      event(contracts.token, "DelegateChanged"),
    );
    await sender.send(
      "statements",
      (function* () {
        for (const [i, account] of delegates.entries()) {
          const { displayName, statement, focusAreas } = delegateProfile(i);
          yield {
            from: account,
            to: d.delegateStatements,
            data: encodeFunctionData({
              ...contracts.delegateStatements,
              functionName: "publishStatement",
              args: [displayName, statement, focusAreas],
            }),
            gas: gasFor.statement(byteLength(displayName + statement + focusAreas.join(""))),
            label: `${displayName}'s statement`,
          };
        }
      })(),
      event(contracts.delegateStatements, "StatementPublished"),
    );
    const whalePower = await client.readContract({ ...contracts.token, functionName: "getVotes", args: [whales[0]] });
    if (whalePower < proposalThreshold) {
      throw new Error(`The first delegate has ${formatTokens(whalePower)} PLM of votes, under the proposal threshold.`);
    }

    // ---------------------------------------------------------------- proposals, their votes and their ends
    const proposals = plan.outcomes.map((outcome, i) =>
      buildProposal(i + 1, outcome, whales[i % whales.length], parameters, d),
    );
    plan.votes.forEach((count, i) => (proposals[i].votes = count));
    const withOutcome = (...outcomes: Outcome[]) => proposals.filter((p) => outcomes.includes(p.outcome));
    const round1 = proposals.filter((p) => p.outcome !== "active" && p.outcome !== "pending");

    const propose = (step: string, batch: Proposal[]) =>
      sender.send(
        step,
        batch.map((p) => ({
          from: p.proposer,
          to: d.governor,
          data: encodeFunctionData({
            ...contracts.governor,
            functionName: "propose",
            args: [p.targets, p.values, p.calldatas, p.description],
          }),
          gas: gasFor.propose(byteLength(p.description), p.targets.length),
          label: `proposing SIP-${p.number}`,
        })),
        event(contracts.governor, "ProposalCreated"),
      );
    const lifecycle = (
      step: string,
      batch: Proposal[],
      functionName: "queue" | "execute" | "cancel",
      from: (p: Proposal) => Address,
      eventName: string,
    ) =>
      sender.send(
        step,
        batch.map((p) => ({
          from: from(p),
          to: d.governor,
          data: encodeFunctionData({
            ...contracts.governor,
            functionName,
            args: [p.targets, p.values, p.calldatas, p.descriptionHash],
          }),
          gas:
            functionName === "cancel"
              ? gasFor.cancel
              : functionName === "queue"
                ? gasFor.queue(p.targets.length)
                : gasFor.execute(p.targets.length),
          label: `${functionName} SIP-${p.number}`,
        })),
        event(contracts.governor, eventName),
      );
    const castVotes = (step: string, batch: Proposal[]) =>
      sender.send(
        step,
        voteTransactions(batch, voters, whales.length, d.governor),
        event(contracts.governor, "VoteCast"),
        batch.reduce((sum, p) => sum + p.votes, 0),
      );

    await warpTo((await client.getBlock()).timestamp + 60n);
    const proposed = await propose("round 1 proposals", round1);
    await lifecycle(
      "cancellations by proposers",
      withOutcome("canceledByProposer"),
      "cancel",
      (p) => p.proposer,
      "ProposalCanceled",
    );
    await warpTo(proposed.lastTimestamp + votingDelay + 60n);
    await castVotes("round 1 votes", round1);
    await lifecycle(
      "cancellations by the guardian",
      withOutcome("canceledByGuardian"),
      "cancel",
      () => d.guardian,
      "ProposalCanceled",
    );
    await warpTo(proposed.lastTimestamp + votingDelay + votingPeriod + 60n);
    const queued = await lifecycle(
      "queueing to execute",
      withOutcome("executed"),
      "queue",
      (p) => p.proposer,
      "ProposalQueued",
    );
    await warpTo(queued.lastTimestamp + timelockDelay + 60n);
    await lifecycle("executions", withOutcome("executed"), "execute", (p) => p.proposer, "ProposalExecuted");
    // Queued last, so their ETA is still ahead when the generation ends.
    await lifecycle("queueing", withOutcome("queued"), "queue", (p) => p.proposer, "ProposalQueued");

    const active = withOutcome("active");
    const proposedActive = await propose("round 2 proposals", active);
    await warpTo(proposedActive.lastTimestamp + votingDelay + 60n);
    await castVotes("round 2 votes", active);
    await propose("round 3 proposals", withOutcome("pending"));

    const toBlock = await blockNumber();
    const states = await rpc.batch<Hex>(
      proposals.map((p) => ({
        method: "eth_call",
        params: [
          { to: d.governor, data: encodeFunctionData({ ...contracts.governor, functionName: "state", args: [p.id] }) },
          "latest",
        ],
      })),
    );
    const proposalStates: Partial<Record<ProposalStateName, number>> = {};
    for (const data of states) {
      const name = proposalStateNames[decodeFunctionResult({ ...contracts.governor, functionName: "state", data })];
      proposalStates[name] = (proposalStates[name] ?? 0) + 1;
    }
    const seconds = (performance.now() - started) / 1000;
    const result: ScaleDao = {
      ...size,
      holders: holders.length,
      statements: delegates.length,
      bigProposalId: proposals[0].id,
      proposalStates,
      events: nameEvents(eventCounts, d),
      transactions: sender.sent(),
      fromBlock,
      toBlock,
      seconds,
    };
    log(
      `Generated ${n(result.transactions)} transactions in ${toBlock - fromBlock + 1} blocks ` +
        `in ${seconds.toFixed(1)} s; proposals: ${Object.entries(proposalStates)
          .map(([state, count]) => `${count} ${state}`)
          .join(", ")}`,
    );
    return result;
  } finally {
    await rpc.call("evm_setAutomine", [true]);
    await rpc.call("anvil_autoImpersonateAccount", [false]);
  }
}

function stripUndefined(options: Partial<ScaleDaoSize>): Partial<ScaleDaoSize> {
  return Object.fromEntries(
    Object.keys(scaleDaoDefaults)
      .map((key) => [key, options[key as keyof ScaleDaoSize]])
      .filter(([, value]) => value !== undefined),
  );
}

/**
 * Which outcome each proposal heads for, in the order they are proposed (round 1 ends decided, round 2 is being
 * voted on, round 3 waits for its vote), and how many votes each gets. The first proposal is the big one.
 */
function planProposals(size: ScaleDaoSize, whales: number) {
  const counts = outcomeShares.map(
    ([outcome, share]) => [outcome, Math.max(1, Math.round(size.proposals * share))] as const,
  );
  const executed = size.proposals - counts.reduce((sum, [, count]) => sum + count, 0);
  if (executed < 1) throw new Error(`Generate at least ${size.proposals - executed + 1} proposals (one per outcome).`);
  const repeat = (outcome: Outcome, count: number) => Array.from({ length: count }, () => outcome);
  const countOf = (outcome: Outcome) => counts.find(([name]) => name === outcome)?.[1] ?? 0;
  const decided = [
    ...repeat("executed", executed - 1),
    ...(["queued", "succeeded", "defeated", "canceledByGuardian", "canceledByProposer"] as const).flatMap((outcome) =>
      repeat(outcome, countOf(outcome)),
    ),
  ]
    .map((outcome, i) => ({ outcome, order: mix(i, 30) }))
    .sort((a, b) => a.order - b.order)
    .map(({ outcome }) => outcome);
  const outcomes: Outcome[] = [
    "executed",
    ...decided,
    ...repeat("active", countOf("active")),
    ...repeat("pending", countOf("pending")),
  ];

  const voted = outcomes.map((outcome) => outcome !== "canceledByProposer" && outcome !== "pending");
  const others = voted.filter(Boolean).length - 1;
  const rest = size.votes - size.bigProposalVotes;
  if (rest < 0) throw new Error("The big proposal cannot have more votes than there are in all.");
  const each = Math.floor(rest / others);
  if (each < whales) {
    throw new Error(`${each} votes per proposal is too few: the ${whales} largest delegates vote on each one.`);
  }
  let extra = rest - each * others;
  const votes = outcomes.map((_, i) => {
    if (i === 0) return size.bigProposalVotes;
    if (!voted[i]) return 0;
    return each + (extra-- > 0 ? 1 : 0);
  });
  const voterCount = Math.max(size.delegates, ...votes);
  return { outcomes, votes, voterCount };
}

function buildProposal(
  number: number,
  outcome: Outcome,
  proposer: Address,
  parameters: Parameter[],
  d: Deployment,
): Proposal {
  const seed = mix(number, 40);
  const setParameter = (salt: number) => {
    const parameter = parameters[mix(number, salt) % parameters.length];
    let value = parameter.min + ((parameter.max - parameter.min) * BigInt(mix(number, salt + 1) % 1001)) / 1000n;
    if (parameter.unit.startsWith("PLM")) value = value - (value % parseEther("0.01"));
    if (value < parameter.min) value = parameter.min;
    const name = parameterKeyName(parameter.key);
    const shown = formatParameterValue(value, parameter.unit);
    return {
      target: d.networkParameters,
      data: encodeFunctionData({
        abi: contractsFor(d).networkParameters.abi,
        functionName: "setParameter",
        args: [parameter.key, value],
      }),
      title: `set ${name} to ${shown}`,
      specification: `\`NetworkParameters.setParameter(${name}, ${shown})\` (bounds ${formatParameterValue(parameter.min, parameter.unit)}–${formatParameterValue(parameter.max, parameter.unit)}). ${parameter.description}.`,
    };
  };
  let title: string;
  let summary: string;
  let specification: string;
  let treasuryImpact: string;
  let actions: { target: Address; data: Hex }[];
  if (seed % 20 < 12 || seed % 20 >= 17) {
    const changes = seed % 20 < 12 ? [setParameter(41)] : [setParameter(41), setParameter(43)];
    title = changes.map((change) => change.title).join(" and ");
    title = title[0].toUpperCase() + title.slice(1);
    summary = `${title}. Providers and users were consulted in the forum for two weeks before this went to a vote.`;
    specification = changes.map((change) => change.specification).join("\n\n");
    treasuryImpact = "None directly.";
    actions = changes;
  } else {
    const grantee = syntheticAddress("grantee", number);
    const amount = parseEther(String(1_000 + (mix(number, 45) % 49_000)));
    const purpose = grantPurposes[mix(number, 46) % grantPurposes.length];
    title = `Grant ${formatTokens(amount)} PLM for ${purpose}`;
    summary = `Fund ${purpose}. The grantee reports monthly in the forum; unspent funds return to the treasury.`;
    specification = `\`PlenumToken.transfer(${grantee}, ${formatTokens(amount)} PLM)\` from the treasury.`;
    treasuryImpact = `${formatTokens(amount)} PLM leave the treasury.`;
    actions = [
      {
        target: d.token,
        data: encodeFunctionData({ abi: contractsFor(d).token.abi, functionName: "transfer", args: [grantee, amount] }),
      },
    ];
  }
  const description = proposalDescription(number, title, summary, specification, treasuryImpact);
  const targets = actions.map((action) => action.target);
  const values = actions.map(() => 0n);
  const calldatas = actions.map((action) => action.data);
  const descriptionHash = keccak256(stringToHex(description));
  const id = BigInt(
    keccak256(
      encodeAbiParameters(parseAbiParameters("address[], uint256[], bytes[], bytes32"), [
        targets,
        values,
        calldatas,
        descriptionHash,
      ]),
    ),
  );
  const passes = outcome !== "defeated" && !(outcome === "active" && seed % 3 === 0);
  return { number, outcome, passes, proposer, targets, values, calldatas, description, descriptionHash, id, votes: 0 };
}

/**
 * The votes on `proposals`, proposal by proposal: the whales first (they carry the outcome), then a window of the
 * other voters that moves from one proposal to the next, each with a support leaning the proposal's way.
 */
function* voteTransactions(
  proposals: Proposal[],
  voters: Address[],
  whales: number,
  governor: Address,
): Generator<BulkTransaction> {
  const others = voters.length - whales;
  for (const p of proposals) {
    for (let v = 0; v < p.votes; v++) {
      const voterIndex = v < whales ? v : whales + ((v - whales + p.number * 7919) % others);
      const roll = mix(p.number, voterIndex, 50) % 100;
      const support: 0 | 1 | 2 =
        v < whales
          ? p.passes
            ? 1
            : 0
          : p.passes
            ? roll < 60
              ? 1
              : roll < 85
                ? 0
                : 2
            : roll < 25
              ? 1
              : roll < 80
                ? 0
                : 2;
      const reason = voteReason(support, mix(p.number, voterIndex, 51));
      yield {
        from: voters[voterIndex],
        to: governor,
        data: encodeFunctionData({
          abi: plenumGovernorAbi,
          functionName: "castVoteWithReason",
          args: [p.id, support, reason],
        }),
        gas: gasFor.vote(byteLength(reason)),
        label: `vote on SIP-${p.number}`,
      };
    }
  }
}

function eventTopic(abi: Abi, name: string): Hex {
  const item = abi.find((entry) => entry.type === "event" && entry.name === name);
  if (item?.type !== "event") throw new Error(`No event ${name} in the ABI`);
  return toEventSelector(item);
}

/** "Contract.Event" for each counted (emitter, topic), through every ABI of the system. */
function nameEvents(counts: Map<string, number>, d: Deployment): Record<string, number> {
  const names = new Map<string, string>();
  for (const contract of namedContractsFor(contractsFor(d))) {
    for (const item of contract.abi as Abi) {
      if (item.type !== "event") continue;
      names.set(`${contract.address.toLowerCase()}:${toEventSelector(item)}`, `${contract.name}.${item.name}`);
    }
  }
  const named = new Map<string, number>();
  for (const [key, count] of counts) {
    const name = names.get(key) ?? key;
    named.set(name, (named.get(name) ?? 0) + count);
  }
  return Object.fromEntries([...named].sort(([a], [b]) => a.localeCompare(b)));
}
