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
import {
  delegateStatementsAbi,
  disputeModuleAbi,
  networkParametersAbi,
  plenumGovernorAbi,
  plenumTokenAbi,
  timelockControllerAbi,
} from "../lib/contracts/abis.generated";
import { deploy } from "./deploy";
import { localRoles } from "./lib/accounts";
import { startAnvil } from "./lib/anvil";
import { readArtifact } from "./lib/artifacts";
import { buildContracts } from "./lib/build";
import { anvilAccount, connectAnvil, sendTx, type AnvilClient, type Sender } from "./lib/chain";
import { disputeSettings, governorSettings, timelockDelay } from "./lib/settings";

const DAY = 86_400;
const FOR = 1;

type System = { token: Address; governor: Address; timelock: Address };
type Proposal = { targets: Address[]; values: bigint[]; calldatas: Hex[]; description: string; id: bigint };

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
      abi: timelockControllerAbi,
      bytecode: readArtifact("TimelockController").bytecode,
      args: [timelockDelay, [], [], deployerAddress],
    }),
  );
  const token = await create(
    "PlenumToken",
    encodeDeployData({
      abi: plenumTokenAbi,
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
    const roleId = await client.readContract({ address: timelock, abi: timelockControllerAbi, functionName: role });
    await sendTx(client, deployer, {
      to: timelock,
      data: encodeFunctionData({ abi: timelockControllerAbi, functionName: "grantRole", args: [roleId, governor] }),
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
      targets: actions.map((action) => action.target),
      values: actions.map(() => 0n),
      calldatas: actions.map((action) => action.data),
      description,
      id: 0n,
    });
    const propose = async (system: System, p: Proposal, proposer: HDAccount) => {
      const gas = await gasOf(
        proposer,
        system.governor,
        encodeFunctionData({
          abi: plenumGovernorAbi,
          functionName: "propose",
          args: [p.targets, p.values, p.calldatas, p.description],
        }),
      );
      p.id = await client.readContract({
        address: system.governor,
        abi: plenumGovernorAbi,
        functionName: "getProposalId",
        args: [p.targets, p.values, p.calldatas, keccak256(toHex(p.description))],
      });
      return gas;
    };
    const lifecycleCall = (system: System, p: Proposal, functionName: "queue" | "execute") =>
      gasOf(
        voterA,
        system.governor,
        encodeFunctionData({
          abi: plenumGovernorAbi,
          functionName,
          args: [p.targets, p.values, p.calldatas, keccak256(toHex(p.description))],
        }),
      );
    const vote = (system: System, p: Proposal, voter: HDAccount, reason?: string) =>
      gasOf(
        voter,
        system.governor,
        reason === undefined
          ? encodeFunctionData({ abi: plenumGovernorAbi, functionName: "castVote", args: [p.id, FOR] })
          : encodeFunctionData({
              abi: plenumGovernorAbi,
              functionName: "castVoteWithReason",
              args: [p.id, FOR, reason],
            }),
      );

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
        encodeFunctionData({ abi: plenumTokenAbi, functionName: "transfer", args: [to, amount] });
      await sendTx(client, deployer, { to: system.token, data: transfer(voterA.address, parseEther("1000000")) });
      await sendTx(client, deployer, { to: system.token, data: transfer(voterB.address, parseEther("5000000")) });
      const delegate = (account: Address) =>
        encodeFunctionData({ abi: plenumTokenAbi, functionName: "delegate", args: [account] });
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
              abi: plenumTokenAbi,
              functionName: "transfer",
              args: [recipient, parseEther("1")],
            }),
          },
        ],
        "# Pay 1 PLM for the benchmark",
      );
      record("propose (1 action)", which, await propose(system, p, voterA));
      transferProposals.set(system, p);
    }

    // Plenum only: a proposal that changes a network parameter, and one that gets disputed.
    const feeKey = stringToHex("inferenceFee", { size: 32 });
    const setFee = (value: bigint) => ({
      target: plenum.networkParameters,
      data: encodeFunctionData({ abi: networkParametersAbi, functionName: "setParameter", args: [feeKey, value] }),
    });
    const parameterProposal = proposal([setFee(parseEther("0.3"))], "# Inference fee 0.30");
    const disputedProposal = proposal([setFee(parseEther("1.9"))], "# Inference fee 1.90");
    await propose(plenum, parameterProposal, voterA);
    await propose(plenum, disputedProposal, voterA);

    await warp(DAY + 60);
    for (const [which, system] of [
      ["baseline", baseline],
      ["plenum", plenum],
    ] as const) {
      const p = transferProposals.get(system)!;
      record("castVote", which, await vote(system, p, voterA));
      record("castVoteWithReason", which, await vote(system, p, voterB, "Pays the benchmark; fine by me."));
    }
    await vote(plenum, parameterProposal, voterB);
    await vote(plenum, disputedProposal, voterB);

    await warp(5 * DAY + 60);
    for (const [which, system] of [
      ["baseline", baseline],
      ["plenum", plenum],
    ] as const) {
      record("queue", which, await lifecycleCall(system, transferProposals.get(system)!, "queue"));
    }
    await lifecycleCall(plenum, parameterProposal, "queue");
    await lifecycleCall(plenum, disputedProposal, "queue");

    const extra: [string, bigint][] = [];
    const approveBond = (account: HDAccount) =>
      sendTx(client, account, {
        to: plenum.token,
        data: encodeFunctionData({
          abi: plenumTokenAbi,
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
          abi: disputeModuleAbi,
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
          abi: disputeModuleAbi,
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
          abi: disputeModuleAbi,
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
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "castRuling", args: [1n, true, "Harmful: uphold."] }),
      );
    extra.push(["castRuling", await ruling(expert1)]);
    extra.push(["castRuling (deciding: upholds and cancels)", await ruling(expert2)]);
    extra.push([
      "publishStatement (1 KB)",
      await gasOf(
        voterA,
        plenum.delegateStatements,
        encodeFunctionData({
          abi: delegateStatementsAbi,
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
      record("execute", which, await lifecycleCall(system, transferProposals.get(system)!, "execute"));
    }
    extra.push(["execute setParameter proposal", await lifecycleCall(plenum, parameterProposal, "execute")]);

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
