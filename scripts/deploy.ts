// Deploys Plenum to the chain at RPC_URL, wires the roles, asserts the role configuration and writes
// deployments/<chainId>.json. See README.md for the environment variables.
import {
  encodeDeployData,
  getAddress,
  getContractAddress,
  isAddressEqual,
  zeroAddress,
  type Address,
  type Hex,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { contractsFor, systemAbis, type SystemContracts } from "../lib/contracts/bindings";
import type { Deployment } from "../lib/contracts/deployment";
import { localRoles } from "./lib/accounts";
import { readArtifact } from "./lib/artifacts";
import { anvilAccount, connect, LOCAL_CHAIN_ID, sendTx, writeContract, type Client, type Sender } from "./lib/chain";
import { writeDeployment } from "./lib/deployments";
import { defaultPanelProfiles, disputeSettings, governorSettings, guardianTerm, timelockDelay } from "./lib/settings";

export type DeployOptions = {
  rpcUrl: string;
  /** Private key of the deployer; without it the node's first unlocked account deploys. */
  deployerPrivateKey?: Hex;
  guardian?: Address;
  /** How long the guardian's powers last from deployment; one year by default. */
  guardianTermSeconds?: number;
  panel?: Address[];
  panelProfiles?: string[];
  deploymentsDir?: string;
  log?: (line: string) => void;
};

export async function deploy(options: DeployOptions): Promise<Deployment> {
  const log = options.log ?? (() => {});
  const client = connect(options.rpcUrl);
  const chainId = await client.getChainId();
  const local = chainId === LOCAL_CHAIN_ID;

  const deployer: Sender = options.deployerPrivateKey
    ? privateKeyToAccount(options.deployerPrivateKey)
    : await firstUnlockedAccount(client);
  const deployerAddress = typeof deployer === "string" ? deployer : deployer.address;
  const guardian = options.guardian ?? (local ? anvilAccount(localRoles.guardian).address : undefined);
  const panel = options.panel ?? (local ? localRoles.panel.map((index) => anvilAccount(index).address) : undefined);
  if (!guardian || !panel) {
    throw new Error(`Chain ${chainId} is not the local chain: set GUARDIAN_ADDRESS and PANEL_ADDRESSES.`);
  }
  const panelProfiles = options.panelProfiles ?? defaultPanelProfiles.slice(0, panel.length);
  if (panelProfiles.length !== panel.length) throw new Error("PANEL_PROFILES needs one profile per panel member.");
  log(`Deploying to chain ${chainId} from ${deployerAddress}`);

  async function deployContract(name: string, data: Hex) {
    const receipt = await sendTx(client, deployer, { data }, `deploying ${name}`);
    if (!receipt.contractAddress) throw new Error(`${name}: no contract address in the receipt`);
    const address = getAddress(receipt.contractAddress);
    log(`  ${name.padEnd(20)} ${address}`);
    return { address, block: Number(receipt.blockNumber) };
  }
  const bytecodeOf = (name: string) => readArtifact(name).bytecode;

  const timelock = await deployContract(
    "TimelockController",
    encodeDeployData({
      abi: systemAbis.timelock,
      bytecode: bytecodeOf("TimelockController"),
      args: [timelockDelay, [], [], deployerAddress],
    }),
  );
  const token = await deployContract(
    "PlenumToken",
    encodeDeployData({
      abi: systemAbis.token,
      bytecode: bytecodeOf("PlenumToken"),
      args: [timelock.address, deployerAddress],
    }),
  );
  // The governor points at the dispute module and the network parameters, and both point back at it: the governor
  // takes the addresses they will get at the deployer's next two nonces.
  const nonce = await client.getTransactionCount({ address: deployerAddress, blockTag: "pending" });
  const predictedModule = getContractAddress({ from: deployerAddress, nonce: BigInt(nonce + 1) });
  const predictedParameters = getContractAddress({ from: deployerAddress, nonce: BigInt(nonce + 2) });
  const { timestamp } = await client.getBlock();
  const guardianTermEnd = Number(timestamp) + (options.guardianTermSeconds ?? guardianTerm);
  const governor = await deployContract(
    "PlenumGovernor",
    encodeDeployData({
      abi: systemAbis.governor,
      bytecode: bytecodeOf("PlenumGovernor"),
      args: [
        token.address,
        timelock.address,
        predictedModule,
        { guardian, termEnd: guardianTermEnd, networkParameters: predictedParameters },
        governorSettings,
      ],
    }),
  );
  const disputeModule = await deployContract(
    "DisputeModule",
    encodeDeployData({
      abi: systemAbis.disputeModule,
      bytecode: bytecodeOf("DisputeModule"),
      args: [token.address, governor.address, timelock.address, disputeSettings, panel, panelProfiles],
    }),
  );
  if (!isAddressEqual(disputeModule.address, predictedModule)) {
    throw new Error(`DisputeModule landed at ${disputeModule.address}, not the predicted ${predictedModule}`);
  }
  const networkParameters = await deployContract(
    "NetworkParameters",
    encodeDeployData({
      abi: systemAbis.networkParameters,
      bytecode: bytecodeOf("NetworkParameters"),
      args: [timelock.address, governor.address],
    }),
  );
  if (!isAddressEqual(networkParameters.address, predictedParameters)) {
    throw new Error(
      `NetworkParameters landed at ${networkParameters.address}, not the predicted ${predictedParameters}`,
    );
  }
  const modelRegistry = await deployContract(
    "ModelRegistry",
    encodeDeployData({
      abi: systemAbis.modelRegistry,
      bytecode: bytecodeOf("ModelRegistry"),
      args: [timelock.address],
    }),
  );
  const grantVesting = await deployContract(
    "GrantVesting",
    encodeDeployData({
      abi: systemAbis.grantVesting,
      bytecode: bytecodeOf("GrantVesting"),
      args: [token.address, timelock.address],
    }),
  );
  const delegateStatements = await deployContract(
    "DelegateStatements",
    encodeDeployData({ abi: systemAbis.delegateStatements, bytecode: bytecodeOf("DelegateStatements") }),
  );

  const deployment: Deployment = {
    chainId,
    deployBlock: timelock.block,
    deployer: deployerAddress,
    token: token.address,
    governor: governor.address,
    timelock: timelock.address,
    networkParameters: networkParameters.address,
    modelRegistry: modelRegistry.address,
    grantVesting: grantVesting.address,
    delegateStatements: delegateStatements.address,
    disputeModule: disputeModule.address,
    guardian: getAddress(guardian),
    panel: panel.map((member) => getAddress(member)),
  };
  const contracts = contractsFor(deployment);
  const roles = await readRoles(client, contracts);
  for (const [role, name] of [
    [roles.proposer, "PROPOSER_ROLE"],
    [roles.canceller, "CANCELLER_ROLE"],
    [roles.executor, "EXECUTOR_ROLE"],
  ] as const) {
    await writeContract(client, deployer, {
      ...contracts.timelock,
      functionName: "grantRole",
      args: [role, governor.address],
      label: `granting ${name} to the governor`,
    });
  }
  await writeContract(client, deployer, {
    ...contracts.timelock,
    functionName: "renounceRole",
    args: [roles.admin, deployerAddress],
    label: "renouncing the deployer's timelock admin role",
  });

  await assertDeployment(client, deployment);
  log("Role configuration verified: the governor alone proposes, cancels and executes; admin renounced.");

  if (local) await stakeLocalPanel(client, deployer, deployment, log);

  log(`Wrote ${writeDeployment(deployment, options.deploymentsDir)}`);
  return deployment;
}

async function firstUnlockedAccount(client: Client): Promise<Address> {
  const [account] = await client.getAddresses();
  if (!account) throw new Error("The node has no unlocked account: set DEPLOYER_PRIVATE_KEY.");
  return account;
}

async function readRoles(client: Client, { timelock }: SystemContracts) {
  const read = (functionName: "DEFAULT_ADMIN_ROLE" | "PROPOSER_ROLE" | "CANCELLER_ROLE" | "EXECUTOR_ROLE") =>
    client.readContract({ ...timelock, functionName });
  const [admin, proposer, canceller, executor] = await Promise.all([
    read("DEFAULT_ADMIN_ROLE"),
    read("PROPOSER_ROLE"),
    read("CANCELLER_ROLE"),
    read("EXECUTOR_ROLE"),
  ]);
  return { admin, proposer, canceller, executor };
}

/** Holders of each timelock role, replayed from RoleGranted/RoleRevoked since the deployment. */
async function roleHolders(client: Client, deployment: Deployment): Promise<Map<Hex, Set<Address>>> {
  const logs = await client.getContractEvents({
    ...contractsFor(deployment).timelock,
    fromBlock: BigInt(deployment.deployBlock),
  });
  const holders = new Map<Hex, Set<Address>>();
  for (const entry of logs) {
    if (entry.eventName !== "RoleGranted" && entry.eventName !== "RoleRevoked") continue;
    const { role, account } = entry.args;
    if (!role || !account) continue;
    const set = holders.get(role) ?? new Set<Address>();
    if (entry.eventName === "RoleGranted") set.add(getAddress(account));
    else set.delete(getAddress(account));
    holders.set(role, set);
  }
  return holders;
}

/**
 * Fails loudly unless: the governor alone holds the timelock's proposer, canceller and executor roles (never
 * address(0)), the timelock is its own only admin, every module is owned by the timelock, and the governor and
 * the dispute module point at each other.
 */
export async function assertDeployment(client: Client, deployment: Deployment): Promise<void> {
  const failures: string[] = [];
  const expect = (ok: boolean, what: string) => ok || failures.push(what);
  const contracts = contractsFor(deployment);
  const roles = await readRoles(client, contracts);
  const holders = await roleHolders(client, deployment);
  const only = (role: Hex, expected: Address) => {
    const set = holders.get(role) ?? new Set();
    return set.size === 1 && set.has(getAddress(expected));
  };
  expect(only(roles.proposer, deployment.governor), "PROPOSER_ROLE held by the governor only");
  expect(only(roles.canceller, deployment.governor), "CANCELLER_ROLE held by the governor only");
  expect(only(roles.executor, deployment.governor), "EXECUTOR_ROLE held by the governor only");
  expect(only(roles.admin, deployment.timelock), "DEFAULT_ADMIN_ROLE held by the timelock only (deployer renounced)");
  const hasRole = (role: Hex, account: Address) =>
    client.readContract({
      ...contracts.timelock,
      functionName: "hasRole",
      args: [role, account],
    });
  expect(!(await hasRole(roles.executor, zeroAddress)), "EXECUTOR_ROLE not open to everyone (address(0))");
  expect(!(await hasRole(roles.admin, deployment.deployer)), "deployer is not a timelock admin");
  expect((await hasRole(roles.executor, deployment.governor)) === true, "governor holds EXECUTOR_ROLE on chain");

  const owners = await Promise.all([
    client.readContract({ ...contracts.networkParameters, functionName: "owner" }),
    client.readContract({ ...contracts.modelRegistry, functionName: "owner" }),
    client.readContract({ ...contracts.grantVesting, functionName: "owner" }),
    client.readContract({ ...contracts.disputeModule, functionName: "owner" }),
  ]);
  for (const [i, name] of ["NetworkParameters", "ModelRegistry", "GrantVesting", "DisputeModule"].entries()) {
    expect(isAddressEqual(owners[i], deployment.timelock), `${name} owned by the timelock`);
  }
  const governorRead = <
    const fn extends "timelock" | "token" | "disputeModule" | "proposalGuardian" | "networkParameters",
  >(
    functionName: fn,
  ) => client.readContract({ ...contracts.governor, functionName });
  expect(isAddressEqual(await governorRead("timelock"), deployment.timelock), "governor's timelock");
  expect(isAddressEqual(await governorRead("token"), deployment.token), "governor's token");
  expect(isAddressEqual(await governorRead("disputeModule"), deployment.disputeModule), "governor's dispute module");
  expect(isAddressEqual(await governorRead("proposalGuardian"), deployment.guardian), "governor's guardian");
  expect(
    isAddressEqual(await governorRead("networkParameters"), deployment.networkParameters),
    "governor's network parameters",
  );
  const moduleGovernor = await client.readContract({
    ...contracts.disputeModule,
    functionName: "governor",
  });
  expect(isAddressEqual(moduleGovernor, deployment.governor), "dispute module's governor");
  const guardianSource = await client.readContract({
    ...contracts.networkParameters,
    functionName: "guardianSource",
  });
  expect(isAddressEqual(guardianSource, deployment.governor), "network parameters take the guardian from the governor");

  if (failures.length > 0) {
    throw new Error(`Deployment assertion failed: expected ${failures.join("; ")}`);
  }
}

/** Local chain only: hand each panel member the expert stake and stake it, so disputes can be ruled at once. */
async function stakeLocalPanel(client: Client, deployer: Sender, deployment: Deployment, log: (line: string) => void) {
  const contracts = contractsFor(deployment);
  const stake = disputeSettings.expertStake;
  for (const index of localRoles.panel) {
    const expert = anvilAccount(index);
    if (!deployment.panel.some((member) => isAddressEqual(member, expert.address))) continue;
    await writeContract(client, deployer, {
      ...contracts.token,
      functionName: "transfer",
      args: [expert.address, stake],
    });
    await writeContract(client, expert, {
      ...contracts.token,
      functionName: "approve",
      args: [deployment.disputeModule, stake],
    });
    await writeContract(client, expert, {
      ...contracts.disputeModule,
      functionName: "depositStake",
      args: [stake],
    });
  }
  log(`Staked ${stake / 10n ** 18n} PLM for each of the ${deployment.panel.length} panel members.`);
}

function envAddresses(value: string | undefined): Address[] | undefined {
  return value ? value.split(",").map((item) => getAddress(item.trim())) : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  deploy({
    rpcUrl: process.env.RPC_URL ?? "http://127.0.0.1:8545",
    deployerPrivateKey: process.env.DEPLOYER_PRIVATE_KEY as Hex | undefined,
    guardian: process.env.GUARDIAN_ADDRESS ? getAddress(process.env.GUARDIAN_ADDRESS) : undefined,
    guardianTermSeconds: process.env.GUARDIAN_TERM_DAYS ? Number(process.env.GUARDIAN_TERM_DAYS) * 86_400 : undefined,
    panel: envAddresses(process.env.PANEL_ADDRESSES),
    panelProfiles: process.env.PANEL_PROFILES?.split("|"),
    deploymentsDir: process.env.DEPLOYMENTS_DIR,
    log: console.log,
  }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
