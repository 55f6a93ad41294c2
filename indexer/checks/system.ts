// Settings, the guardian and the timelock (indexer/src/system.ts, settings.ts) against every contract that logs them.
import { getAddress, hexToString, type Hex } from "viem";
import { expect } from "vitest";
import {
  eventsOf,
  expectSameRows,
  lower,
  readTable,
  timestampOf,
  withoutId,
  type CheckContext,
  type Row,
  type TableCheck,
  type TableName,
} from "./context";

type Logged = { blockTimestamp?: bigint | null; blockNumber: bigint; transactionHash: Hex };

/** A setting's value as the indexer keeps it: decimal, or lower-cased hex for an address. */
const settingText = (value: unknown) => lower(String(value));

function change(contract: string, setting: string, oldValue: unknown, newValue: unknown, log: Logged) {
  return {
    contract,
    setting,
    oldValue: settingText(oldValue),
    newValue: settingText(newValue),
    timestamp: timestampOf(log),
    blockNumber: log.blockNumber,
    transactionHash: log.transactionHash,
  };
}

const keyName = (key: Hex) => hexToString(key, { size: 32 });

/** Every setting change each contract logged, named as the indexer names them. */
async function settingChangesOnChain({ client, contracts }: CheckContext) {
  const { governor, timelock, networkParameters, modelRegistry, grantVesting, disputeModule } = contracts;
  const groups = await Promise.all([
    eventsOf(client, governor, "QuorumNumeratorUpdated").then((logs) =>
      logs.map((log) =>
        change("PlenumGovernor", "quorumNumerator", log.args.oldQuorumNumerator, log.args.newQuorumNumerator, log),
      ),
    ),
    eventsOf(client, governor, "VotingDelaySet").then((logs) =>
      logs.map((log) => change("PlenumGovernor", "votingDelay", log.args.oldVotingDelay, log.args.newVotingDelay, log)),
    ),
    eventsOf(client, governor, "VotingPeriodSet").then((logs) =>
      logs.map((log) =>
        change("PlenumGovernor", "votingPeriod", log.args.oldVotingPeriod, log.args.newVotingPeriod, log),
      ),
    ),
    eventsOf(client, governor, "ProposalThresholdSet").then((logs) =>
      logs.map((log) =>
        change(
          "PlenumGovernor",
          "proposalThreshold",
          log.args.oldProposalThreshold,
          log.args.newProposalThreshold,
          log,
        ),
      ),
    ),
    eventsOf(client, governor, "LateQuorumVoteExtensionSet").then((logs) =>
      logs.map((log) =>
        change("PlenumGovernor", "lateQuorumVoteExtension", log.args.oldVoteExtension, log.args.newVoteExtension, log),
      ),
    ),
    eventsOf(client, governor, "GuardianTermSet").then((logs) =>
      logs.map((log) => change("PlenumGovernor", "guardianTermEnd", log.args.oldTermEnd, log.args.newTermEnd, log)),
    ),
    eventsOf(client, governor, "DisputeModuleSet").then((logs) =>
      logs.map((log) =>
        change("PlenumGovernor", "disputeModule", log.args.oldDisputeModule, log.args.newDisputeModule, log),
      ),
    ),
    eventsOf(client, governor, "TimelockChange").then((logs) =>
      logs.map((log) => change("PlenumGovernor", "timelock", log.args.oldTimelock, log.args.newTimelock, log)),
    ),
    eventsOf(client, governor, "ProposalGuardianSet").then((logs) =>
      logs.map((log) =>
        change("PlenumGovernor", "proposalGuardian", log.args.oldProposalGuardian, log.args.newProposalGuardian, log),
      ),
    ),
    eventsOf(client, timelock, "MinDelayChange").then((logs) =>
      logs.map((log) => change("TimelockController", "minDelay", log.args.oldDuration, log.args.newDuration, log)),
    ),
    eventsOf(client, networkParameters, "ParameterChanged").then((logs) =>
      logs.map((log) => change("NetworkParameters", keyName(log.args.key), log.args.oldValue, log.args.newValue, log)),
    ),
    eventsOf(client, networkParameters, "PauseDurationChanged").then((logs) =>
      logs.map((log) => change("NetworkParameters", "pauseDuration", log.args.oldDuration, log.args.newDuration, log)),
    ),
    eventsOf(client, networkParameters, "OwnershipTransferred").then((logs) =>
      logs.map((log) => change("NetworkParameters", "owner", log.args.previousOwner, log.args.newOwner, log)),
    ),
    eventsOf(client, modelRegistry, "OwnershipTransferred").then((logs) =>
      logs.map((log) => change("ModelRegistry", "owner", log.args.previousOwner, log.args.newOwner, log)),
    ),
    eventsOf(client, grantVesting, "OwnershipTransferred").then((logs) =>
      logs.map((log) => change("GrantVesting", "owner", log.args.previousOwner, log.args.newOwner, log)),
    ),
    eventsOf(client, disputeModule, "OwnershipTransferred").then((logs) =>
      logs.map((log) => change("DisputeModule", "owner", log.args.previousOwner, log.args.newOwner, log)),
    ),
    eventsOf(client, disputeModule, "SettingChanged").then((logs) =>
      logs.map((log) => change("DisputeModule", keyName(log.args.setting), log.args.oldValue, log.args.newValue, log)),
    ),
  ]);
  return groups.flat();
}

/** The current value of every setting, as "Contract.setting" -> the text a change event would give. */
async function currentSettings({ client, contracts }: CheckContext): Promise<Record<string, string>> {
  const { governor, timelock, networkParameters, modelRegistry, grantVesting, disputeModule } = contracts;
  const governorRead = <
    const fn extends
      | "quorumNumerator"
      | "votingDelay"
      | "votingPeriod"
      | "proposalThreshold"
      | "lateQuorumVoteExtension"
      | "guardianTermEnd"
      | "disputeModule"
      | "timelock"
      | "proposalGuardian",
  >(
    functionName: fn,
  ) => client.readContract({ ...governor, functionName }).then(settingText);
  const moduleRead = <
    const fn extends "bond" | "rewardAmount" | "adjudicationPeriod" | "rulingQuorum" | "expertStake" | "owner",
  >(
    functionName: fn,
  ) => client.readContract({ ...disputeModule, functionName }).then(settingText);
  const [keys, infos] = await client.readContract({ ...networkParameters, functionName: "allParameters" });
  const entries: [string, Promise<string>][] = [
    ...(
      [
        "quorumNumerator",
        "votingDelay",
        "votingPeriod",
        "proposalThreshold",
        "lateQuorumVoteExtension",
        "guardianTermEnd",
        "disputeModule",
        "timelock",
        "proposalGuardian",
      ] as const
    ).map((name): [string, Promise<string>] => [`PlenumGovernor.${name}`, governorRead(name)]),
    [
      "TimelockController.minDelay",
      client.readContract({ ...timelock, functionName: "getMinDelay" }).then(settingText),
    ],
    ...keys.map((key, i): [string, Promise<string>] => [
      `NetworkParameters.${keyName(key)}`,
      Promise.resolve(settingText(infos[i].value)),
    ]),
    [
      "NetworkParameters.pauseDuration",
      client.readContract({ ...networkParameters, functionName: "pauseDuration" }).then(settingText),
    ],
    ["NetworkParameters.owner", client.readContract({ ...networkParameters, functionName: "owner" }).then(settingText)],
    ["ModelRegistry.owner", client.readContract({ ...modelRegistry, functionName: "owner" }).then(settingText)],
    ["GrantVesting.owner", client.readContract({ ...grantVesting, functionName: "owner" }).then(settingText)],
    ...(["bond", "rewardAmount", "adjudicationPeriod", "rulingQuorum", "expertStake", "owner"] as const).map(
      (name): [string, Promise<string>] => [`DisputeModule.${name}`, moduleRead(name)],
    ),
  ];
  return Object.fromEntries(await Promise.all(entries.map(async ([key, value]) => [key, await value])));
}

const settingChange: TableCheck = async (context) => {
  const [rows, expected, current] = await Promise.all([
    readTable(context.api, "settingChange"),
    settingChangesOnChain(context),
    currentSettings(context),
  ]);
  expectSameRows(rows.map(withoutId), expected);
  // Event ids sort in chain order: the last change of each setting is its value now.
  const latest: Record<string, string> = {};
  for (const row of [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    latest[`${row.contract}.${row.setting}`] = row.newValue;
  }
  expect(latest).toEqual(current);
};

const guardianAction: TableCheck = async ({ api, client, contracts }) => {
  const [rows, paused, unpaused] = await Promise.all([
    readTable(api, "guardianAction"),
    eventsOf(client, contracts.networkParameters, "Paused"),
    eventsOf(client, contracts.networkParameters, "Unpaused"),
  ]);
  const expected: Omit<Row<"guardianAction">, "id">[] = [
    ...paused.map((log) => ({
      action: "Paused",
      account: lower(log.args.account),
      until: log.args.until,
      timestamp: timestampOf(log),
    })),
    ...unpaused.map((log) => ({
      action: "Unpaused",
      account: lower(log.args.account),
      until: null,
      timestamp: timestampOf(log),
    })),
  ];
  expectSameRows(rows.map(withoutId), expected);
};

const OperationState = { Unset: 0, Waiting: 1, Ready: 2, Done: 3 } as const;

const timelockOperation: TableCheck = async ({ api, client, contracts }) => {
  const { timelock } = contracts;
  const [rows, scheduled, salts, executed, cancelled] = await Promise.all([
    readTable(api, "timelockOperation"),
    eventsOf(client, timelock, "CallScheduled"),
    eventsOf(client, timelock, "CallSalt"),
    eventsOf(client, timelock, "CallExecuted"),
    eventsOf(client, timelock, "Cancelled"),
  ]);
  const ids = [...new Set(scheduled.map((log) => log.args.id))];
  const expected = ids.map((id) => {
    const calls = scheduled.filter((log) => log.args.id === id);
    const execution = executed.findLast((log) => log.args.id === id);
    const cancellation = cancelled.find((log) => log.args.id === id);
    return {
      id,
      status: cancellation ? "Cancelled" : execution ? "Executed" : "Scheduled",
      callCount: calls.length,
      delay: calls[0].args.delay,
      predecessor: calls[0].args.predecessor,
      salt: salts.find((log) => log.args.id === id)?.args.salt ?? null,
      scheduledAt: timestampOf(calls[0]),
      executedAt: execution ? timestampOf(execution) : null,
      cancelledAt: cancellation ? timestampOf(cancellation) : null,
    };
  });
  expectSameRows(rows, expected);
  for (const row of rows) {
    const [state, readyAt] = await Promise.all([
      client.readContract({ ...timelock, functionName: "getOperationState", args: [row.id] }),
      client.readContract({ ...timelock, functionName: "getTimestamp", args: [row.id] }),
    ]);
    const expectedStates = {
      Executed: [OperationState.Done],
      Cancelled: [OperationState.Unset],
      Scheduled: [OperationState.Waiting, OperationState.Ready],
    }[row.status];
    expect(expectedStates, `operation ${row.id} is ${row.status}, the timelock says ${state}`).toContain(state);
    if (row.status === "Scheduled") expect(readyAt).toBe(row.scheduledAt + row.delay);
  }
};

const timelockCall: TableCheck = async ({ api, client, contracts }) => {
  const [rows, logs] = await Promise.all([
    readTable(api, "timelockCall"),
    eventsOf(client, contracts.timelock, "CallScheduled"),
  ]);
  const expected: Row<"timelockCall">[] = logs.map((log) => ({
    operationHash: log.args.id,
    index: log.args.index,
    target: lower(log.args.target),
    value: log.args.value,
    data: log.args.data,
  }));
  expectSameRows(rows, expected);
};

const roleChange: TableCheck = async ({ api, client, contracts }) => {
  const [rows, granted, revoked] = await Promise.all([
    readTable(api, "roleChange"),
    eventsOf(client, contracts.timelock, "RoleGranted"),
    eventsOf(client, contracts.timelock, "RoleRevoked"),
  ]);
  const expected: Omit<Row<"roleChange">, "id">[] = [
    ...granted.map((log) => ({ log, granted: true })),
    ...revoked.map((log) => ({ log, granted: false })),
  ].map(({ log, granted: isGrant }) => ({
    role: log.args.role,
    account: lower(log.args.account),
    sender: lower(log.args.sender),
    granted: isGrant,
    timestamp: timestampOf(log),
  }));
  expectSameRows(rows.map(withoutId), expected);
  // The latest change of each role and account is whether the account holds the role now.
  const latest = new Map<string, Row<"roleChange">>();
  for (const row of [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))) latest.set(`${row.role}:${row.account}`, row);
  for (const row of latest.values()) {
    const holds = await client.readContract({
      ...contracts.timelock,
      functionName: "hasRole",
      args: [row.role, getAddress(row.account)],
    });
    expect(holds, `role ${row.role} of ${row.account}`).toBe(row.granted);
  }
};

export const systemChecks = {
  settingChange,
  guardianAction,
  timelockOperation,
  timelockCall,
  roleChange,
} satisfies Partial<Record<TableName, TableCheck>>;
