import { call, getBlockNumber, multicall, simulateBlocks } from "viem/actions";
import {
  BaseError,
  RawContractError,
  decodeEventLog,
  decodeFunctionData,
  decodeFunctionResult,
  encodeAbiParameters,
  encodeFunctionData,
  formatEther,
  getAddress,
  isAddressEqual,
  keccak256,
  size,
  toHex,
  type Abi,
  type Address,
  type Client,
  type Hex,
  type Log,
} from "viem";
import { contracts, namedContracts } from "../contracts";
import * as abis from "../contracts/abis.generated";
import { decodeRevertData, describeError, findRevertData } from "../contracts/errors";
import { parameterKeyName, type ProposalAction } from "../governance/actions";
import { governorStorageSlots } from "./governor-storage";
import { MULTICALL3_ADDRESS, multicall3 } from "./multicall3";

const { token, timelock, networkParameters, grantVesting, disputeModule } = contracts;

/**
 * How the actions were run. `eth_simulateV1`: in one simulated block, in order, each on top of the state the
 * earlier ones left, as the timelock's batch runs them. `eth_call`: the fallback for nodes without
 * eth_simulateV1, each action alone on the current state (see `ProposalSimulation.carriesState`).
 */
export type SimulationMethod = "eth_simulateV1" | "eth_call";

/** A log an action emitted, decoded with the ABI of the system contract that emitted it (or any system ABI). */
export type SimulatedEvent = {
  address: Address;
  /** The system contract that emitted it ("NetworkParameters"); undefined for an address outside the system. */
  contract?: string;
  /** The event's name; its topic0 when no system ABI knows it (args then hold `topics` and `data`). */
  name: string;
  args: Record<string, unknown>;
};

export type SimulatedAction = {
  index: number;
  /**
   * "not run": an earlier action reverted. The timelock's batch stops at the first revert and undoes everything,
   * so nothing after it is reported (eth_simulateV1 only: the eth_call fallback runs every action on its own).
   */
  status: "success" | "reverted" | "not run";
  /** For "reverted": the revert as a sentence followed by its name, e.g. "… (ParameterOutOfBounds)". */
  error?: string;
  /** For "reverted": the custom error's name, when the revert data matches one of the system's errors. */
  errorName?: string;
  /** Decoded logs, in order; always empty with eth_call, which returns no logs. */
  events: SimulatedEvent[];
  /**
   * Gas of the action as a transaction of its own (21,000 base and calldata included, so a little more than it
   * costs inside the timelock's batch); undefined with eth_call.
   */
  gasUsed?: bigint;
};

export type SimulationChange =
  | {
      kind: "parameter";
      /** The key's name ("inferenceFee"), as `parameterKeyName` gives it. */
      key: string;
      rawKey: Hex;
      /** The unit the contract names ("PLM per 1k tokens", "bps", "ms"). */
      unit: string;
      before: bigint;
      after: bigint;
    }
  | { kind: "balance"; account: Address; asset: "PLM" | "ETH"; before: bigint; after: bigint };

export type ProposalSimulation = {
  method: SimulationMethod;
  /** true when every action succeeded. */
  ok: boolean;
  /**
   * true with eth_simulateV1: each action saw the effects of the earlier ones. false with the eth_call fallback:
   * each action ran alone on the current state, so an action that relies on an earlier one (createGrant after
   * its approve) may revert here and succeed when executed.
   */
  carriesState: boolean;
  /** The block whose state the simulation started from. */
  blockNumber: bigint;
  actions: SimulatedAction[];
  /**
   * Each network parameter a setParameter action touches, then the PLM and ETH of the timelock and of every
   * address the actions pay (token transfers, grants and reward deposits pulled from the timelock, ETH sent).
   * With eth_simulateV1 the "after" values are read inside the simulated block; with eth_call they are derived
   * from the actions' arguments. Empty when an action reverts: the timelock's batch then reverts as a whole and
   * changes nothing.
   */
  changes: SimulationChange[];
};

export type SimulateProposalOptions = {
  /** Force a method; by default eth_simulateV1, falling back to eth_call when the node does not support it. */
  method?: SimulationMethod;
};

/**
 * Run a proposal's actions as the timelock would when the proposal executes, without sending anything: which
 * actions succeed, why one reverts, what they emit, what gas they use, and how parameters and balances change.
 */
export async function simulateProposal(
  client: Client,
  actions: readonly ProposalAction[],
  options: SimulateProposalOptions = {},
): Promise<ProposalSimulation> {
  const blockNumber = await getBlockNumber(client, { cacheTime: 0 });
  const plan = planReads(actions);
  const before = await readBefore(client, plan, blockNumber);
  const ethShortfall = findEthShortfall(actions, before.eth.get(timelock.address) ?? 0n);

  if (options.method !== "eth_call") {
    try {
      return await simulateInBlock(client, actions, plan, before, blockNumber, ethShortfall);
    } catch (error) {
      if (options.method === "eth_simulateV1" || !isUnsupportedMethod(error)) throw error;
    }
  }
  return simulateByCalls(client, actions, plan, before, blockNumber, ethShortfall);
}

// ---------------------------------------------------------------- what to read

type Asset = "PLM" | "ETH";
type Payment = { asset: Asset; from: Address; to: Address; amount: bigint };
type ParameterSet = { index: number; rawKey: Hex; value: bigint };

type ReadPlan = {
  /** setParameter actions on the NetworkParameters, in order. */
  parameterSets: ParameterSet[];
  /** Distinct keys, in order of first touch. */
  keys: Hex[];
  /** What each action pays, by action index, decoded from its calldata and value. */
  payments: Map<number, Payment[]>;
  /** Accounts whose balance is reported, per asset, the timelock first. */
  accounts: Record<Asset, Address[]>;
};

function planReads(actions: readonly ProposalAction[]): ReadPlan {
  const parameterSets: ParameterSet[] = [];
  const payments = new Map<number, Payment[]>();
  const accounts: Record<Asset, Address[]> = { PLM: [timelock.address], ETH: [timelock.address] };
  const addAccount = (asset: Asset, account: Address) => {
    if (!accounts[asset].some((known) => isAddressEqual(known, account))) accounts[asset].push(getAddress(account));
  };

  actions.forEach((action, index) => {
    const set = decodeSetParameter(action);
    if (set) parameterSets.push({ index, ...set });
    const paid = decodePayments(action);
    payments.set(index, paid);
    for (const payment of paid) {
      addAccount(payment.asset, payment.from);
      addAccount(payment.asset, payment.to);
    }
  });
  const keys = parameterSets
    .map((set) => set.rawKey)
    .filter((key, i, all) => all.findIndex((other) => other.toLowerCase() === key.toLowerCase()) === i);
  return { parameterSets, keys, payments, accounts };
}

function decodeSetParameter(action: ProposalAction): { rawKey: Hex; value: bigint } | undefined {
  if (!isAddressEqual(action.target, networkParameters.address)) return undefined;
  try {
    const decoded = decodeFunctionData({ abi: networkParameters.abi, data: action.calldata });
    if (decoded.functionName !== "setParameter") return undefined;
    const [rawKey, value] = decoded.args;
    return { rawKey, value };
  } catch {
    return undefined;
  }
}

/** The PLM and ETH an action moves, as far as its calldata tells (the calls a proposal makes to pay someone). */
function decodePayments(action: ProposalAction): Payment[] {
  const payments: Payment[] = [];
  const from = timelock.address;
  if (action.value > 0n) payments.push({ asset: "ETH", from, to: action.target, amount: action.value });
  if (size(action.calldata) < 4) return payments;
  try {
    if (isAddressEqual(action.target, token.address)) {
      const decoded = decodeFunctionData({ abi: token.abi, data: action.calldata });
      if (decoded.functionName === "transfer") {
        const [to, amount] = decoded.args;
        payments.push({ asset: "PLM", from, to, amount });
      } else if (decoded.functionName === "transferFrom") {
        const [owner, to, amount] = decoded.args;
        payments.push({ asset: "PLM", from: owner, to, amount });
      }
    } else if (isAddressEqual(action.target, grantVesting.address)) {
      const decoded = decodeFunctionData({ abi: grantVesting.abi, data: action.calldata });
      // The grant's PLM is pulled from the timelock into the vesting contract, which releases it over time.
      if (decoded.functionName === "createGrant") {
        payments.push({ asset: "PLM", from, to: grantVesting.address, amount: decoded.args[1] });
      }
    } else if (isAddressEqual(action.target, disputeModule.address)) {
      const decoded = decodeFunctionData({ abi: disputeModule.abi, data: action.calldata });
      if (decoded.functionName === "fundRewards") {
        payments.push({ asset: "PLM", from, to: disputeModule.address, amount: decoded.args[0] });
      }
    }
  } catch {
    // Calldata that does not decode pays nobody we can name; the simulation still runs it.
  }
  return payments;
}

// ---------------------------------------------------------------- state before

type ParameterBefore = { value: bigint; unit: string };
type Before = { parameters: Map<Hex, ParameterBefore>; plm: Map<Address, bigint>; eth: Map<Address, bigint> };

async function readBefore(client: Client, plan: ReadPlan, blockNumber: bigint): Promise<Before> {
  const [infos, plm, eth] = await Promise.all([
    multicall(client, {
      blockNumber,
      multicallAddress: MULTICALL3_ADDRESS,
      contracts: plan.keys.map(
        (key) => ({ ...networkParameters, functionName: "parameterInfo", args: [key] }) as const,
      ),
    }),
    multicall(client, {
      blockNumber,
      multicallAddress: MULTICALL3_ADDRESS,
      allowFailure: false,
      contracts: plan.accounts.PLM.map(
        (account) => ({ ...token, functionName: "balanceOf", args: [account] }) as const,
      ),
    }),
    multicall(client, {
      blockNumber,
      multicallAddress: MULTICALL3_ADDRESS,
      allowFailure: false,
      contracts: plan.accounts.ETH.map(
        (account) => ({ ...multicall3, functionName: "getEthBalance", args: [account] }) as const,
      ),
    }),
  ]);
  const parameters = new Map<Hex, ParameterBefore>();
  // An unknown key has no info: its setParameter reverts with UnknownParameter and it has no change to show.
  infos.forEach((info, i) => {
    if (info.status === "success") parameters.set(plan.keys[i], { value: info.result.value, unit: info.result.unit });
  });
  return {
    parameters,
    plm: new Map(plan.accounts.PLM.map((account, i) => [account, plm[i]])),
    eth: new Map(plan.accounts.ETH.map((account, i) => [account, eth[i]])),
  };
}

type Shortfall = { index: number; action: SimulatedAction };

/**
 * The first action sending more ETH than the timelock has left (its balance less what earlier actions sent).
 * The timelock's call then fails with FailedCall; eth_simulateV1 and eth_call would instead reject the whole
 * request ("insufficient funds"), so it is caught here. ETH the actions bring in is not counted.
 */
function findEthShortfall(actions: readonly ProposalAction[], balance: bigint): Shortfall | undefined {
  let left = balance;
  for (const [index, action] of actions.entries()) {
    if (action.value > left) {
      return {
        index,
        action: {
          index,
          status: "reverted",
          errorName: "FailedCall",
          error: `The timelock holds ${formatEther(left)} ETH at this point; this action sends ${formatEther(action.value)} ETH, so the call fails. (FailedCall)`,
          events: [],
        },
      };
    }
    left -= action.value;
  }
  return undefined;
}

// ---------------------------------------------------------------- eth_simulateV1

async function simulateInBlock(
  client: Client,
  actions: readonly ProposalAction[],
  plan: ReadPlan,
  before: Before,
  blockNumber: bigint,
  shortfall: Shortfall | undefined,
): Promise<ProposalSimulation> {
  // Nothing after an action that cannot pay its ETH runs; leaving it out keeps the node from rejecting the request.
  const runnable = shortfall ? actions.slice(0, shortfall.index) : actions;
  const from = timelock.address;
  const reads = readsAfter(plan, before);
  const [block] = await simulateBlocks(client, {
    blockNumber,
    validation: false,
    blocks: [
      {
        stateOverrides: governanceCallOverride(runnable),
        calls: [
          ...runnable.map((action) => ({
            account: from,
            to: action.target,
            value: action.value,
            data: action.calldata,
          })),
          ...reads.map((read) => ({ account: from, ...read })),
        ],
      },
    ],
  });
  const results = block.calls;

  const simulated: SimulatedAction[] = [];
  let failed = false;
  for (const index of actions.keys()) {
    const result = results[index];
    if (failed) {
      simulated.push({ index, status: "not run", events: [] });
    } else if (shortfall?.index === index) {
      simulated.push(shortfall.action);
      failed = true;
    } else if (result.status === "success") {
      simulated.push({ index, status: "success", events: decodeEvents(result.logs ?? []), gasUsed: result.gasUsed });
    } else {
      simulated.push({ index, status: "reverted", ...explainRevert(result.data), events: [], gasUsed: result.gasUsed });
      failed = true;
    }
  }

  const ok = !failed;
  return {
    method: "eth_simulateV1",
    ok,
    carriesState: true,
    blockNumber,
    actions: simulated,
    changes: ok ? listChanges(plan, before, readAfter(results.slice(runnable.length), plan, before)) : [],
  };
}

/** Reads of every reported parameter and balance, appended to the simulated block after the actions. */
function readsAfter(plan: ReadPlan, before: Before): { to: Address; data: Hex }[] {
  return [
    ...[...before.parameters.keys()].map((key) => ({
      to: networkParameters.address,
      data: encodeFunctionData({ abi: networkParameters.abi, functionName: "getParameter", args: [key] }),
    })),
    ...plan.accounts.PLM.map((account) => ({
      to: token.address,
      data: encodeFunctionData({ abi: token.abi, functionName: "balanceOf", args: [account] }),
    })),
    ...plan.accounts.ETH.map((account) => ({
      to: multicall3.address,
      data: encodeFunctionData({ abi: multicall3.abi, functionName: "getEthBalance", args: [account] }),
    })),
  ];
}

type CallResult = { status: "success" | "failure"; data: Hex };

/** The state after the actions, from the reads appended to the simulated block (in `readsAfter`'s order). */
function readAfter(results: readonly CallResult[], plan: ReadPlan, before: Before): Before {
  let next = 0;
  const readUint = (abi: Abi, functionName: string): bigint => {
    const result = results[next++];
    if (result?.status !== "success") throw new Error(`Reading ${functionName} after the simulated actions failed.`);
    const value = decodeFunctionResult({ abi, functionName, data: result.data });
    if (typeof value !== "bigint") throw new Error(`${functionName} did not return a number.`);
    return value;
  };
  const parameters = new Map<Hex, ParameterBefore>();
  for (const [key, { unit }] of before.parameters) {
    parameters.set(key, { value: readUint(networkParameters.abi, "getParameter"), unit });
  }
  const plm = new Map(plan.accounts.PLM.map((account) => [account, readUint(token.abi, "balanceOf")]));
  const eth = new Map(plan.accounts.ETH.map((account) => [account, readUint(multicall3.abi, "getEthBalance")]));
  return { parameters, plm, eth };
}

// ---------------------------------------------------------------- eth_call fallback

async function simulateByCalls(
  client: Client,
  actions: readonly ProposalAction[],
  plan: ReadPlan,
  before: Before,
  blockNumber: bigint,
  shortfall: Shortfall | undefined,
): Promise<ProposalSimulation> {
  const simulated = await Promise.all(
    actions.map(async (action, index): Promise<SimulatedAction> => {
      if (shortfall?.index === index) return shortfall.action;
      try {
        await call(client, {
          account: timelock.address,
          to: action.target,
          value: action.value,
          data: action.calldata,
          blockNumber,
        });
        return { index, status: "success", events: [] };
      } catch (error) {
        const data = findRevertData(error);
        const errorName = data ? decodeRevertData(data)?.name : undefined;
        return { index, status: "reverted", error: describeError(error), errorName, events: [] };
      }
    }),
  );
  const ok = simulated.every((action) => action.status === "success");
  return {
    method: "eth_call",
    ok,
    carriesState: false,
    blockNumber,
    actions: simulated,
    changes: ok ? listChanges(plan, before, derivedAfter(plan, before)) : [],
  };
}

/** The state after the actions as their arguments describe it: the last value set per key, the payments made. */
function derivedAfter(plan: ReadPlan, before: Before): Before {
  const parameters = new Map(before.parameters);
  for (const set of plan.parameterSets) {
    const current = parameters.get(set.rawKey);
    if (current) parameters.set(set.rawKey, { ...current, value: set.value });
  }
  const balances = { PLM: new Map(before.plm), ETH: new Map(before.eth) };
  for (const payments of plan.payments.values()) {
    for (const { asset, from, to, amount } of payments) {
      const map = balances[asset];
      const fromKey = plan.accounts[asset].find((account) => isAddressEqual(account, from));
      const toKey = plan.accounts[asset].find((account) => isAddressEqual(account, to));
      if (fromKey) map.set(fromKey, (map.get(fromKey) ?? 0n) - amount);
      if (toKey) map.set(toKey, (map.get(toKey) ?? 0n) + amount);
    }
  }
  return { parameters, plm: balances.PLM, eth: balances.ETH };
}

// ---------------------------------------------------------------- shared

function listChanges(plan: ReadPlan, before: Before, after: Before): SimulationChange[] {
  const changes: SimulationChange[] = [];
  for (const [rawKey, { value, unit }] of before.parameters) {
    changes.push({
      kind: "parameter",
      key: parameterKeyName(rawKey),
      rawKey,
      unit,
      before: value,
      after: after.parameters.get(rawKey)?.value ?? value,
    });
  }
  for (const asset of ["PLM", "ETH"] as const) {
    const [was, is] = asset === "PLM" ? [before.plm, after.plm] : [before.eth, after.eth];
    for (const account of plan.accounts[asset]) {
      const previous = was.get(account) ?? 0n;
      changes.push({ kind: "balance", account, asset, before: previous, after: is.get(account) ?? previous });
    }
  }
  return changes;
}

function explainRevert(data: Hex): { error: string; errorName?: string } {
  return { error: describeError(new RawContractError({ data })), errorName: decodeRevertData(data)?.name };
}

/**
 * The governor's own settings (`onlyGovernance`) accept a call from the timelock only while `Governor.execute` has
 * queued its calldata hash in `_governanceCall`. Run as the timelock directly, they would find that queue empty and
 * revert: the simulation fills it as `execute` would, through a state override of the governor's storage.
 */
function governanceCallOverride(actions: readonly ProposalAction[]) {
  const hashes = actions
    .filter((action) => isAddressEqual(action.target, contracts.governor.address))
    .map((action) => keccak256(action.calldata));
  if (hashes.length === 0) return undefined;
  const slot = governorStorageSlots.governanceCall;
  const dataSlot = slot + 1n;
  return [
    {
      address: contracts.governor.address,
      stateDiff: [
        // _begin = 0 in the low 128 bits, _end = the number of queued calls in the high 128 bits.
        { slot: toHex(slot, { size: 32 }), value: toHex(BigInt(hashes.length) << 128n, { size: 32 }) },
        ...hashes.map((hash, index) => ({
          slot: keccak256(encodeAbiParameters([{ type: "uint128" }, { type: "uint256" }], [BigInt(index), dataSlot])),
          value: hash,
        })),
      ],
    },
  ];
}

/** Every event of every system ABI, for logs from addresses outside the system (another ERC20's Transfer…). */
const systemEvents: Abi = Object.values(abis)
  .flat()
  .filter((item) => item.type === "event");

function decodeEvents(logs: readonly Log[]): SimulatedEvent[] {
  return logs.map((log) => {
    const address = getAddress(log.address);
    const contract = namedContracts.find((known) => isAddressEqual(known.address, address));
    try {
      const { eventName, args } = decodeEventLog({
        abi: contract?.abi ?? systemEvents,
        data: log.data,
        topics: log.topics,
      });
      return { address, contract: contract?.name, name: eventName ?? "", args: toRecord(args) };
    } catch {
      if (contract) {
        // A system contract can emit an event of another system ABI (a library's, an interface's).
        try {
          const { eventName, args } = decodeEventLog({ abi: systemEvents, data: log.data, topics: log.topics });
          return { address, contract: contract.name, name: eventName ?? "", args: toRecord(args) };
        } catch {
          // Fall through to the raw log.
        }
      }
      return {
        address,
        contract: contract?.name,
        name: log.topics[0] ?? "anonymous",
        args: { topics: log.topics, data: log.data },
      };
    }
  });
}

function toRecord(args: unknown): Record<string, unknown> {
  if (Array.isArray(args)) return Object.fromEntries(args.map((value, i) => [String(i), value]));
  if (args && typeof args === "object") return { ...args };
  return {};
}

/** The node has no eth_simulateV1 (method not found / not supported), as opposed to a failure of the request. */
function isUnsupportedMethod(error: unknown): boolean {
  const refusal = (message: string) =>
    /method|eth_simulateV1/i.test(message) && /not found|not supported|unsupported|does not exist/i.test(message);
  if (!(error instanceof BaseError)) return error instanceof Error && refusal(error.message);
  const found = error.walk((cause) => {
    const code = cause && typeof cause === "object" && "code" in cause ? cause.code : undefined;
    // -32601 method not found, -32004 method not supported (EIP-1474).
    if (code === -32601 || code === -32004) return true;
    return cause instanceof BaseError && refusal(cause.details);
  });
  return found !== null;
}
