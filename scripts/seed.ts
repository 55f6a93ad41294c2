// Turns a freshly deployed local chain into a living demo DAO: holders, delegates with statements,
// delegations, proposals in every state, votes with reasons, a grant, verified publishers and models, and an
// open dispute. It moves anvil's clock to get there; the contracts keep their production settings.
import { encodeFunctionData, keccak256, parseEther, stringToHex, toHex, type Address, type HDAccount } from "viem";
import { contractsFor } from "../lib/contracts/bindings";
import type { Deployment } from "../lib/contracts/deployment";
import type { ProposalAction } from "../lib/governance/actions";
import { proposalStateNames } from "../lib/governance/proposal-state";
import { localRoles } from "./lib/accounts";
import { anvilAccount, connectAnvil, LOCAL_CHAIN_ID, writeContract, type AnvilClient, type Sender } from "./lib/chain";
import { readDeployment } from "./lib/deployments";
import { governanceHelper, type VoteSupport } from "./lib/governance";
import { disputeSettings } from "./lib/settings";

const DAY = 86_400;

export type SeededProposal = { key: string; title: string; id: bigint };
export type SeedSummary = {
  proposals: { key: string; title: string; id: bigint; state: string }[];
  disputeId: bigint;
  holders: Address[];
  delegates: { name: string; address: Address }[];
};

const delegateProfiles = [
  {
    name: "Ada Okafor",
    focusAreas: ["GPU clusters", "SLA enforcement"],
    statement:
      "I run capacity planning for a 1,200-GPU provider in Lagos and Frankfurt. I vote for SLAs that users can rely on and that honest providers can meet, and against any change that has not been load-tested.",
  },
  {
    name: "Ravi Menon",
    focusAreas: ["Inference pricing", "Treasury"],
    statement:
      "Economist, formerly on a cloud pricing team. I look at every fee change through provider margins and user demand, publish my model with each vote, and oppose treasury spending without milestones.",
  },
  {
    name: "Lena Fischer",
    focusAreas: ["Model safety", "Verified publishers"],
    statement:
      "ML safety researcher. I review every publisher verification and model license, and I will vote to delist models whose weights do not match their published hashes.",
  },
  {
    name: "Tomás Rivera",
    focusAreas: ["Open models", "Grants"],
    statement:
      "Maintainer of an open-weight model family. I support grants with public deliverables and subsidies that keep open models cheap to serve on the network.",
  },
  {
    name: "Mei Chen",
    focusAreas: ["Slashing", "Security"],
    statement:
      "Security engineer. I care about slashing that deters fraud without punishing honest outages, and about a security council that can stop an attack and do nothing else.",
  },
];

// PLM handed to each delegate (self-delegated) and to each holder, with whom the holder delegates to
// (a delegate's index, "self", or nobody).
const delegateBalances = ["3000000", "2500000", "2000000", "1500000", "1000000"];
const holderPlan: { amount: string; delegateTo: number | "self" | null }[] = [
  { amount: "4000000", delegateTo: 0 },
  { amount: "3000000", delegateTo: 1 },
  { amount: "2500000", delegateTo: 2 },
  { amount: "2000000", delegateTo: 0 },
  { amount: "1200000", delegateTo: 3 },
  { amount: "800000", delegateTo: 4 },
  { amount: "600000", delegateTo: "self" },
  { amount: "400000", delegateTo: null },
];

const publisherProfiles = [
  { name: "Lumen Research", model: "Lumen-7B-Instruct", license: "Apache-2.0" },
  { name: "Northwind AI", model: "Northwind Coder 13B", license: "Llama 3 Community" },
  { name: "Aurora Labs", model: "Aurora Vision 2", license: "CC-BY-4.0" },
];

function description(title: string, summary: string, specification: string, treasuryImpact: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/(^-|-$)/g, "");
  return [
    `# ${title}`,
    "",
    "## Summary",
    summary,
    "",
    "## Technical specification",
    specification,
    "",
    "## Audit report",
    "Not required: the change only calls existing, audited setters within their hard bounds.",
    "",
    "## Treasury impact",
    treasuryImpact,
    "",
    "## Discussion",
    `https://forum.plenum.example/t/${slug}`,
  ].join("\n");
}

export async function seed(options: {
  rpcUrl: string;
  deployment: Deployment;
  log?: (line: string) => void;
}): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  const d = options.deployment;
  const contracts = contractsFor(d);
  const { token, governor, networkParameters, modelRegistry, grantVesting, delegateStatements, disputeModule } =
    contracts;
  const client: AnvilClient = connectAnvil(options.rpcUrl);
  const chainId = await client.getChainId();
  if (chainId !== LOCAL_CHAIN_ID) {
    throw new Error(
      `Refusing to seed chain ${chainId}: the demo seed only runs on the local chain (${LOCAL_CHAIN_ID}).`,
    );
  }

  // The deployer may be any unlocked or impersonated account; everyone else comes from anvil's mnemonic.
  await client.impersonateAccount({ address: d.deployer });
  const deployer: Sender = d.deployer;
  const delegates = localRoles.delegates.map((index) => anvilAccount(index));
  const holders = localRoles.holders.map((index) => anvilAccount(index));
  const publishers = localRoles.publishers.map((index) => anvilAccount(index));
  const [expert] = localRoles.panel.map((index) => anvilAccount(index));
  const challenger = holders[0];
  const coChallenger = holders[4];
  for (const account of [...delegates, ...holders, ...publishers, expert]) {
    await client.setBalance({ address: account.address, value: parseEther("100") });
  }
  // The gasless relay's sponsor (the app's RELAYER_PRIVATE_KEY in the demo and the browser tests).
  await client.setBalance({ address: anvilAccount(localRoles.sponsor).address, value: parseEther("10") });

  const warp = async (seconds: number) => {
    await client.increaseTime({ seconds });
    await client.mine({ blocks: 1 });
  };
  const now = async () => (await client.getBlock()).timestamp;

  // ---------------------------------------------------------------- holders, delegates, statements
  for (const [i, account] of delegates.entries()) {
    const amount = parseEther(delegateBalances[i]);
    await writeContract(client, deployer, {
      ...token,
      functionName: "transfer",
      args: [account.address, amount],
    });
    await writeContract(client, account, {
      ...token,
      functionName: "delegate",
      args: [account.address],
    });
    const { name, statement, focusAreas } = delegateProfiles[i];
    await writeContract(client, account, {
      ...delegateStatements,
      functionName: "publishStatement",
      args: [name, statement, focusAreas],
      label: `${name}'s statement`,
    });
  }
  for (const [i, account] of holders.entries()) {
    const { amount, delegateTo } = holderPlan[i];
    await writeContract(client, deployer, {
      ...token,
      functionName: "transfer",
      args: [account.address, parseEther(amount)],
    });
    if (delegateTo === null) continue;
    const delegatee = delegateTo === "self" ? account.address : delegates[delegateTo].address;
    await writeContract(client, account, {
      ...token,
      functionName: "delegate",
      args: [delegatee],
    });
  }
  log(`Funded ${delegates.length} delegates (statements published) and ${holders.length} holders.`);
  await warp(60);

  // ---------------------------------------------------------------- proposal helpers
  const governance = governanceHelper(client, contracts);
  const proposals: SeededProposal[] = [];
  async function propose(key: string, proposer: HDAccount, title: string, text: string, actions: ProposalAction[]) {
    const { id } = await governance.propose(proposer, actions, text);
    const proposal = { key, title, id };
    proposals.push(proposal);
    return proposal;
  }
  const vote = (voter: HDAccount, p: SeededProposal, support: VoteSupport, reason: string) =>
    governance.vote(voter, p.id, support, reason);
  const queue = (p: SeededProposal) => governance.queue(deployer, p.id);
  const execute = (p: SeededProposal) => governance.execute(deployer, p.id);
  const setParameter = (key: string, value: bigint): ProposalAction => ({
    target: networkParameters.address,
    value: 0n,
    calldata: encodeFunctionData({
      abi: networkParameters.abi,
      functionName: "setParameter",
      args: [stringToHex(key, { size: 32 }), value],
    }),
  });
  const approve = (spender: Address, amount: bigint): ProposalAction => ({
    target: token.address,
    value: 0n,
    calldata: encodeFunctionData({ abi: token.abi, functionName: "approve", args: [spender, amount] }),
  });
  const [ada, ravi, lena, tomas, mei] = delegates;
  const FOR = 1;
  const AGAINST = 0;
  const ABSTAIN = 2;

  // ---------------------------------------------------------------- round 1: executed, defeated, succeeded, canceled
  const feeRaise = await propose(
    "executed-parameter",
    ravi,
    "Raise the inference fee to 0.25 PLM per 1k tokens",
    description(
      "Raise the inference fee to 0.25 PLM per 1k tokens",
      "Provider costs rose 22% with the new H200 leases; at 0.20 PLM the median provider serves at a loss.",
      "`NetworkParameters.setParameter(inferenceFee, 0.25 PLM)` (bounds 0.01–2.00 PLM).",
      "None directly; protocol fee revenue rises about 25% at current volume.",
    ),
    [setParameter("inferenceFee", parseEther("0.25"))],
  );
  const grantAmount = parseEther("1200000");
  const grantStart = (await now()) + BigInt(8 * DAY);
  const grant = await propose(
    "executed-grant",
    tomas,
    "Grant: train Lumen-7B, an open-weight inference model",
    description(
      "Grant: train Lumen-7B, an open-weight inference model",
      "Fund Lumen Research to train and release Lumen-7B under Apache-2.0, optimised for the network's GPUs.",
      "The timelock approves GrantVesting and creates a 12-month grant with a 3-month cliff for Lumen Research.",
      "1,200,000 PLM from the treasury, vesting linearly over 12 months after a 3-month cliff.",
    ),
    [
      approve(grantVesting.address, grantAmount),
      {
        target: grantVesting.address,
        value: 0n,
        calldata: encodeFunctionData({
          abi: grantVesting.abi,
          functionName: "createGrant",
          args: [
            publishers[0].address,
            grantAmount,
            grantStart,
            BigInt(90 * DAY),
            BigInt(365 * DAY),
            "Lumen-7B open-weight model: training run, evals and public release",
          ],
        }),
      },
    ],
  );
  const rewardPoolFunding = parseEther("50000");
  const trust = await propose(
    "executed-publishers",
    lena,
    "Verify three model publishers and fund the dispute reward pool",
    description(
      "Verify three model publishers and fund the dispute reward pool",
      "Lumen Research, Northwind AI and Aurora Labs passed the publisher review (weights reproducibility, license audit).",
      "`ModelRegistry.setPublisher` for each publisher; the timelock approves and calls `DisputeModule.fundRewards(50,000 PLM)`.",
      "50,000 PLM move to the dispute reward pool; upheld challenges are paid from it.",
    ),
    [
      ...publisherProfiles.map((profile, i): ProposalAction => ({
        target: modelRegistry.address,
        value: 0n,
        calldata: encodeFunctionData({
          abi: modelRegistry.abi,
          functionName: "setPublisher",
          args: [publishers[i].address, true, profile.name],
        }),
      })),
      approve(disputeModule.address, rewardPoolFunding),
      {
        target: disputeModule.address,
        value: 0n,
        calldata: encodeFunctionData({
          abi: disputeModule.abi,
          functionName: "fundRewards",
          args: [rewardPoolFunding],
        }),
      },
    ],
  );
  const rewardCut = await propose(
    "defeated",
    ravi,
    "Cut the provider reward rate to 60%",
    description(
      "Cut the provider reward rate to 60%",
      "Redirect 20% of inference fees from providers to the treasury to fund growth.",
      "`NetworkParameters.setParameter(providerRewardRate, 6000 bps)` (bounds 5000–9500 bps).",
      "Treasury income rises by about 20% of fee volume.",
    ),
    [setParameter("providerRewardRate", 6_000n)],
  );
  const latency = await propose(
    "succeeded",
    ada,
    "Tighten the SLA: p95 latency 800 → 600 ms",
    description(
      "Tighten the SLA: p95 latency 800 → 600 ms",
      "Interactive agents need faster responses; 83% of providers already serve under 600 ms at p95.",
      "`NetworkParameters.setParameter(maxLatency, 600 ms)` (bounds 100–5000 ms).",
      "None.",
    ),
    [setParameter("maxLatency", 600n)],
  );
  const slashing = await propose(
    "canceled",
    mei,
    "Double the slashing rate to 10%",
    description(
      "Double the slashing rate to 10%",
      "Deter repeated SLA breaches by doubling the stake slashed per proven breach.",
      "`NetworkParameters.setParameter(slashingRate, 1000 bps)` (bounds 100–5000 bps).",
      "Slashed stake flows to the treasury.",
    ),
    [setParameter("slashingRate", 1_000n)],
  );
  await governance.cancel(mei, slashing.id);

  await warp(DAY + 60);
  await vote(ada, feeRaise, FOR, "Providers in my region are underwater at 0.20; 0.25 restores a thin margin.");
  await vote(ravi, feeRaise, FOR, "My demand model shows less than 3% volume loss at 0.25.");
  await vote(lena, feeRaise, ABSTAIN, "Outside my focus; abstaining to help quorum.");
  await vote(tomas, feeRaise, AGAINST, "Open-model users are price sensitive; I would rather raise the subsidy first.");
  await vote(ada, grant, FOR, "Clear milestones and a cliff. Good use of the treasury.");
  await vote(tomas, grant, FOR, "Open weights trained for our hardware help every provider.");
  await vote(ravi, grant, AGAINST, "1.2M is high for a first grant to a new team.");
  await vote(lena, trust, FOR, "I reviewed all three publishers' weights and licenses myself.");
  await vote(ada, trust, FOR, "");
  await vote(mei, trust, FOR, "A funded reward pool makes disputes credible.");
  await vote(ada, rewardCut, AGAINST, "Providers would leave the network within a month.");
  await vote(ravi, rewardCut, FOR, "The treasury needs a sustainable income.");
  await vote(mei, rewardCut, AGAINST, "Lower rewards invite cutting corners on security.");

  // Quorum reached in the last day of voting: the late-quorum rule extends the deadline by a day.
  await warp(4.5 * DAY);
  await vote(ada, latency, FOR, "Our own fleet is at 410 ms; 600 ms is achievable for everyone serious.");
  await vote(tomas, latency, FOR, "");

  await warp(0.5 * DAY + 120);
  await queue(feeRaise);
  await queue(grant);
  await queue(trust);
  await warp(2 * DAY + 60);
  await execute(feeRaise);
  await execute(grant);
  await execute(trust);

  for (const [i, profile] of publisherProfiles.entries()) {
    await writeContract(client, publishers[i], {
      ...modelRegistry,
      functionName: "registerModel",
      args: [
        profile.model,
        `ipfs://bafy${keccak256(toHex(profile.model)).slice(2, 42)}`,
        keccak256(toHex(`${profile.model} weights`)),
        profile.license,
      ],
      label: `registering ${profile.model}`,
    });
  }
  log("Round 1: parameter change, grant and publisher verification executed; models registered.");

  // ---------------------------------------------------------------- round 2: queued, queued and disputed
  const uptime = await propose(
    "queued",
    ada,
    "Raise the minimum SLA uptime to 99.7%",
    description(
      "Raise the minimum SLA uptime to 99.7%",
      "Enterprise users ask for 99.7%; two thirds of providers met it over the last quarter.",
      "`NetworkParameters.setParameter(minUptime, 9970 bps)` (bounds 9000–9999 bps).",
      "None.",
    ),
    [setParameter("minUptime", 9_970n)],
  );
  const feeHike = await propose(
    "queued-disputed",
    ravi,
    "Raise the inference fee to 1.50 PLM per 1k tokens",
    description(
      "Raise the inference fee to 1.50 PLM per 1k tokens",
      "Capture more value per request while demand is strong.",
      "`NetworkParameters.setParameter(inferenceFee, 1.50 PLM)` (bounds 0.01–2.00 PLM).",
      "Protocol fee revenue rises if volume holds.",
    ),
    [setParameter("inferenceFee", parseEther("1.5"))],
  );
  await warp(DAY + 60);
  await vote(ada, uptime, FOR, "Matches what our customers already demand.");
  await vote(lena, uptime, FOR, "");
  await vote(ravi, feeHike, FOR, "Demand is inelastic at current prices.");
  await vote(lena, feeHike, FOR, "");
  await vote(tomas, feeHike, AGAINST, "A 6x price rise would push open-model users off the network.");
  await warp(5 * DAY + 60);
  await queue(uptime);
  await queue(feeHike);

  const approveBond = (account: Sender) =>
    writeContract(client, account, {
      ...token,
      functionName: "approve",
      args: [disputeModule.address, disputeSettings.bond],
      label: "approving a dispute bond",
    });
  await approveBond(challenger);
  await writeContract(client, challenger, {
    ...disputeModule,
    functionName: "fileDispute",
    args: [
      feeHike.id,
      "A 6x fee increase passed without any demand study. Our traffic data (https://forum.plenum.example/t/fee-study) shows 60% of inference volume would leave for centralized providers within a week.",
    ],
    label: "filing the dispute",
  });
  const disputeId = await client.readContract({
    ...disputeModule,
    functionName: "disputeOf",
    args: [feeHike.id],
  });
  // A provider joins the challenge with its own bond and data; the proposer answers without a bond.
  await approveBond(coChallenger);
  await writeContract(client, coChallenger, {
    ...disputeModule,
    functionName: "joinDispute",
    args: [
      disputeId,
      "We run 400 GPUs on the network. At 1.50 PLM our three largest customers leave: their signed notices are linked in the forum thread.",
    ],
    label: "joining the dispute",
  });
  await writeContract(client, ravi, {
    ...disputeModule,
    functionName: "addEvidence",
    args: [
      disputeId,
      "The proposer's answer: competitors price vision inference at 1.20–1.80 PLM equivalent; volume moved less than 5% after the last rise.",
    ],
    label: "the proposer's evidence",
  });
  await writeContract(client, expert, {
    ...disputeModule,
    functionName: "castRuling",
    args: [disputeId, true, "The demand data is credible and the proposal cites none: uphold."],
    label: "the first ruling",
  });
  log("Round 2: two proposals queued; one disputed by two challengers, with the proposer's answer and a first ruling.");

  // ---------------------------------------------------------------- round 3: active, pending
  const subsidy = await propose(
    "active",
    tomas,
    "Raise the open-model inference subsidy to 15%",
    description(
      "Raise the open-model inference subsidy to 15%",
      "Open-weight models now serve 31% of requests; a larger subsidy keeps them competitive after the fee rise.",
      "`NetworkParameters.setParameter(openModelSubsidy, 1500 bps)` (bounds 0–5000 bps).",
      "About 90,000 PLM per month from the treasury at current volume.",
    ),
    [setParameter("openModelSubsidy", 1_500n)],
  );
  await warp(DAY + 60);
  await vote(tomas, subsidy, FOR, "Open models are the network's moat.");
  await vote(ravi, subsidy, AGAINST, "The treasury cannot sustain 90k PLM a month without new income.");
  await vote(mei, subsidy, ABSTAIN, "Waiting for the cost breakdown promised in the forum thread.");
  await propose(
    "pending",
    lena,
    "Lower the maximum latency for vision models to 500 ms",
    description(
      "Lower the maximum latency for vision models to 500 ms",
      "Vision workloads moved to dedicated GPUs; the SLA can follow.",
      "`NetworkParameters.setParameter(maxLatency, 500 ms)` (bounds 100–5000 ms).",
      "None.",
    ),
    [setParameter("maxLatency", 500n)],
  );
  log("Round 3: one proposal in its voting period, one waiting for voting to start.");

  await client.stopImpersonatingAccount({ address: d.deployer });

  const summary: SeedSummary = {
    proposals: [],
    disputeId,
    holders: holders.map((account) => account.address),
    delegates: delegates.map((account, i) => ({ name: delegateProfiles[i].name, address: account.address })),
  };
  for (const p of proposals) {
    const state = await client.readContract({
      ...governor,
      functionName: "state",
      args: [p.id],
    });
    summary.proposals.push({ key: p.key, title: p.title, id: p.id, state: proposalStateNames[state] });
  }
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rpcUrl = process.env.RPC_URL ?? "http://127.0.0.1:8545";
  const deployment = readDeployment(LOCAL_CHAIN_ID, process.env.DEPLOYMENTS_DIR);
  seed({ rpcUrl, deployment, log: console.log })
    .then((summary) => {
      for (const p of summary.proposals) console.log(`  ${p.state.padEnd(10)} ${p.title}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
