// `npm run bench:gas`: gas of each governance action on Plenum and on a plain OpenZeppelin governor
// (Governor + Settings + CountingSimple + Votes + QuorumFraction + TimelockControl, same token), deployed side
// by side on one anvil and driven through the same story. Prints a markdown table.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  encodeDeployData,
  encodeFunctionData,
  keccak256,
  parseEther,
  stringToHex,
  toHex,
  type Address,
  type Hex,
  type HDAccount,
} from "viem";
import { contractsFor, systemAbis } from "../lib/contracts/bindings";
import { proposeArgs, type ProposalAction } from "../lib/governance/actions";
import { deploy } from "./deploy";
import { localRoles } from "./lib/accounts";
import { startAnvil } from "./lib/anvil";
import { readArtifact } from "./lib/artifacts";
import { buildContracts } from "./lib/build";
import { anvilAccount, connectAnvil, sendTx, type AnvilClient, type Sender } from "./lib/chain";
import { governanceHelper } from "./lib/governance";
import { disputeSettings, governorSettings, timelockDelay } from "./lib/settings";

const DAY = 86_400;
const FOR = 1;

type System = { token: Address; governor: Address; timelock: Address };
type Proposal = { actions: ProposalAction[]; description: string; id: bigint };
/** Sends one step of a proposal's life on one system; returns its gas. */
type Driver = {
  propose: (p: Proposal, proposer: HDAccount) => Promise<bigint>;
  vote: (p: Proposal, voter: HDAccount, reason?: string) => Promise<bigint>;
  queue: (p: Proposal) => Promise<bigint>;
  execute: (p: Proposal) => Promise<bigint>;
};

const coreActions = ["delegate", "propose (1 action)", "castVote", "castVoteWithReason", "queue", "execute"] as const;
type CoreAction = (typeof coreActions)[number];

async function deployBaseline(client: AnvilClient, deployer: Sender, deployerAddress: Address): Promise<System> {
  const create = async (name: string, data: Hex) => {
    const receipt = await sendTx(client, deployer, { data }, `deploying ${name}`);
    return receipt.contractAddress!;
  };
  const timelock = await create(
    "TimelockController",
    encodeDeployData({
      abi: systemAbis.timelock,
      bytecode: readArtifact("TimelockController").bytecode,
      args: [timelockDelay, [], [], deployerAddress],
    }),
  );
  const token = await create(
    "PlenumToken",
    encodeDeployData({
      abi: systemAbis.token,
      bytecode: readArtifact("PlenumToken").bytecode,
      args: [timelock, deployerAddress],
    }),
  );
  const baseline = readArtifact("BaselineGovernor");
  const { votingDelay, votingPeriod, proposalThreshold, quorumNumerator } = governorSettings;
  const governor = await create(
    "BaselineGovernor",
    encodeDeployData({
      abi: baseline.abi,
      bytecode: baseline.bytecode,
      args: [token, timelock, votingDelay, votingPeriod, proposalThreshold, quorumNumerator],
    }),
  );
  for (const role of ["PROPOSER_ROLE", "CANCELLER_ROLE", "EXECUTOR_ROLE"] as const) {
    const roleId = await client.readContract({ address: timelock, abi: systemAbis.timelock, functionName: role });
    await sendTx(client, deployer, {
      to: timelock,
      data: encodeFunctionData({ abi: systemAbis.timelock, functionName: "grantRole", args: [roleId, governor] }),
    });
  }
  return { token, governor, timelock };
}

async function main() {
  await buildContracts();
  const anvil = await startAnvil();
  try {
    const client = connectAnvil(anvil.rpcUrl);
    const warp = async (seconds: number) => {
      await client.increaseTime({ seconds });
      await client.mine({ blocks: 1 });
    };
    const plenum = await deploy({ rpcUrl: anvil.rpcUrl, deploymentsDir: mkdtempSync(join(tmpdir(), "plenum-bench-")) });
    const deployer = plenum.deployer;
    const baseline = await deployBaseline(client, deployer, deployer);
    const [voterA, voterB] = [anvilAccount(1), anvilAccount(2)];
    const recipient = anvilAccount(3).address;

    const gasOf = async (from: Sender, to: Address, data: Hex) => (await sendTx(client, from, { to, data })).gasUsed;
    const proposal = (actions: { target: Address; data: Hex }[], description: string): Proposal => ({
      actions: actions.map((action) => ({ target: action.target, value: 0n, calldata: action.data })),
      description,
      id: 0n,
    });
    const contracts = contractsFor(plenum);
    const governance = governanceHelper(client, contracts);
    const plenumDriver: Driver = {
      propose: async (p, proposer) => {
        const { id, receipt } = await governance.propose(proposer, p.actions, p.description);
        p.id = id;
        return receipt.gasUsed;
      },
      vote: async (p, voter, reason) => (await governance.vote(voter, p.id, FOR, reason)).gasUsed,
      queue: async (p) => (await governance.queue(voterA, p.id)).gasUsed,
      execute: async (p) => (await governance.execute(voterA, p.id)).gasUsed,
    };
    // The baseline governor has the same entry points; it is driven by its calldata, encoded with Plenum's ABI.
    // queue, execute and getProposalId take the description's hash where propose took the description.
    const hashedArgs = (p: Proposal) => {
      const [targets, values, calldatas] = proposeArgs(p.actions, p.description);
      return [targets, values, calldatas, keccak256(toHex(p.description))] as const;
    };
    const baselineLifecycleCall = (p: Proposal, functionName: "queue" | "execute") =>
      gasOf(
        voterA,
        baseline.governor,
        encodeFunctionData({
          abi: systemAbis.governor,
          functionName,
          args: hashedArgs(p),
        }),
      );
    const baselineDriver: Driver = {
      propose: async (p, proposer) => {
        const gas = await gasOf(
          proposer,
          baseline.governor,
          encodeFunctionData({
            abi: systemAbis.governor,
            functionName: "propose",
            args: proposeArgs(p.actions, p.description),
          }),
        );
        p.id = await client.readContract({
          address: baseline.governor,
          abi: systemAbis.governor,
          functionName: "getProposalId",
          args: hashedArgs(p),
        });
        return gas;
      },
      vote: (p, voter, reason) =>
        gasOf(
          voter,
          baseline.governor,
          reason === undefined
            ? encodeFunctionData({ abi: systemAbis.governor, functionName: "castVote", args: [p.id, FOR] })
            : encodeFunctionData({
                abi: systemAbis.governor,
                functionName: "castVoteWithReason",
                args: [p.id, FOR, reason],
              }),
        ),
      queue: (p) => baselineLifecycleCall(p, "queue"),
      execute: (p) => baselineLifecycleCall(p, "execute"),
    };
    const drivers = new Map<System, Driver>([
      [baseline, baselineDriver],
      [plenum, plenumDriver],
    ]);

    // The same story on both systems: two holders delegate, one proposes a treasury transfer, both vote
    // (the second vote reaches quorum), anyone queues and executes.
    const core = new Map<CoreAction, { baseline: bigint; plenum: bigint }>();
    const record = (action: CoreAction, which: "baseline" | "plenum", gas: bigint) =>
      core.set(action, { ...(core.get(action) ?? { baseline: 0n, plenum: 0n }), [which]: gas });
    const transferProposals = new Map<System, Proposal>();
    for (const [which, system] of [
      ["baseline", baseline],
      ["plenum", plenum],
    ] as const) {
      const transfer = (to: Address, amount: bigint) =>
        encodeFunctionData({ abi: systemAbis.token, functionName: "transfer", args: [to, amount] });
      await sendTx(client, deployer, { to: system.token, data: transfer(voterA.address, parseEther("1000000")) });
      await sendTx(client, deployer, { to: system.token, data: transfer(voterB.address, parseEther("5000000")) });
      const delegate = (account: Address) =>
        encodeFunctionData({ abi: systemAbis.token, functionName: "delegate", args: [account] });
      record("delegate", which, await gasOf(voterA, system.token, delegate(voterA.address)));
      await gasOf(voterB, system.token, delegate(voterB.address));
    }
    await warp(60);
    for (const [which, system] of [
      ["baseline", baseline],
      ["plenum", plenum],
    ] as const) {
      const p = proposal(
        [
          {
            target: system.token,
            data: encodeFunctionData({
              abi: systemAbis.token,
              functionName: "transfer",
              args: [recipient, parseEther("1")],
            }),
          },
        ],
        "# Pay 1 PLM for the benchmark",
      );
      record("propose (1 action)", which, await drivers.get(system)!.propose(p, voterA));
      transferProposals.set(system, p);
    }

    // Plenum only: a proposal that changes a network parameter, and one that gets disputed.
    const feeKey = stringToHex("inferenceFee", { size: 32 });
    const setFee = (value: bigint) => ({
      target: plenum.networkParameters,
      data: encodeFunctionData({
        abi: contracts.networkParameters.abi,
        functionName: "setParameter",
        args: [feeKey, value],
      }),
    });
    const parameterProposal = proposal([setFee(parseEther("0.3"))], "# Inference fee 0.30");
    const disputedProposal = proposal([setFee(parseEther("1.9"))], "# Inference fee 1.90");
    await plenumDriver.propose(parameterProposal, voterA);
    await plenumDriver.propose(disputedProposal, voterA);

    await warp(DAY + 60);
    for (const [which, system] of [
      ["baseline", baseline],
      ["plenum", plenum],
    ] as const) {
      const p = transferProposals.get(system)!;
      record("castVote", which, await drivers.get(system)!.vote(p, voterA));
      record(
        "castVoteWithReason",
        which,
        await drivers.get(system)!.vote(p, voterB, "Pays the benchmark; fine by me."),
      );
    }
    await plenumDriver.vote(parameterProposal, voterB);
    await plenumDriver.vote(disputedProposal, voterB);

    await warp(5 * DAY + 60);
    for (const [which, system] of [
      ["baseline", baseline],
      ["plenum", plenum],
    ] as const) {
      record("queue", which, await drivers.get(system)!.queue(transferProposals.get(system)!));
    }
    await plenumDriver.queue(parameterProposal);
    await plenumDriver.queue(disputedProposal);

    const extra: [string, bigint][] = [];
    const approveBond = (account: HDAccount) =>
      sendTx(client, account, {
        to: plenum.token,
        data: encodeFunctionData({
          abi: systemAbis.token,
          functionName: "approve",
          args: [plenum.disputeModule, disputeSettings.bond],
        }),
      });
    await approveBond(voterA);
    extra.push([
      "fileDispute",
      await gasOf(
        voterA,
        plenum.disputeModule,
        encodeFunctionData({
          abi: contracts.disputeModule.abi,
          functionName: "fileDispute",
          args: [disputedProposal.id, "A 9.5x fee rise with no demand study."],
        }),
      ),
    ]);
    await approveBond(voterB);
    extra.push([
      "joinDispute (with evidence)",
      await gasOf(
        voterB,
        plenum.disputeModule,
        encodeFunctionData({
          abi: contracts.disputeModule.abi,
          functionName: "joinDispute",
          args: [1n, "Our traffic data shows 60% of volume would leave."],
        }),
      ),
    ]);
    extra.push([
      "addEvidence",
      await gasOf(
        voterA,
        plenum.disputeModule,
        encodeFunctionData({
          abi: contracts.disputeModule.abi,
          functionName: "addEvidence",
          args: [1n, "Competitors price the same inference at 1.20 PLM."],
        }),
      ),
    ]);
    const [expert1, expert2] = localRoles.panel.map((index) => anvilAccount(index));
    const ruling = (expert: HDAccount) =>
      gasOf(
        expert,
        plenum.disputeModule,
        encodeFunctionData({
          abi: contracts.disputeModule.abi,
          functionName: "castRuling",
          args: [1n, true, "Harmful: uphold."],
        }),
      );
    extra.push(["castRuling", await ruling(expert1)]);
    extra.push(["castRuling (deciding: upholds and cancels)", await ruling(expert2)]);
    extra.push([
      "publishStatement (1 KB)",
      await gasOf(
        voterA,
        plenum.delegateStatements,
        encodeFunctionData({
          abi: contracts.delegateStatements.abi,
          functionName: "publishStatement",
          args: ["Benchmark Delegate", "x".repeat(1024), ["GPU clusters", "Inference pricing"]],
        }),
      ),
    ]);

    await warp(2 * DAY + 60);
    for (const [which, system] of [
      ["baseline", baseline],
      ["plenum", plenum],
    ] as const) {
      record("execute", which, await drivers.get(system)!.execute(transferProposals.get(system)!));
    }
    extra.push(["execute setParameter proposal", await plenumDriver.execute(parameterProposal)]);

    const ratio = (plenumGas: bigint, baselineGas: bigint) => Number(plenumGas) / Number(baselineGas);
    const lines = [
      "| action | OpenZeppelin baseline | Plenum | ratio |",
      "|---|---:|---:|---:|",
      ...coreActions.map((action) => {
        const { baseline: b, plenum: p } = core.get(action)!;
        return `| ${action} | ${b.toLocaleString("en-US")} | ${p.toLocaleString("en-US")} | ${ratio(p, b).toFixed(3)}× |`;
      }),
      ...extra.map(([action, gas]) => `| ${action} | — | ${gas.toLocaleString("en-US")} | — |`),
    ];
    console.log(lines.join("\n"));
    const targets: [CoreAction, number][] = [
      ["castVote", 1.1],
      ["execute", 1.15],
    ];
    console.log("");
    for (const [action, target] of targets) {
      const { baseline: b, plenum: p } = core.get(action)!;
      const value = ratio(p, b);
      console.log(
        `${action}: ${value.toFixed(3)}× the baseline (target ≤ ${target}×): ${value <= target ? "met" : "MISSED"}`,
      );
    }
  } finally {
    await anvil.stop();
  }
}

await main();
