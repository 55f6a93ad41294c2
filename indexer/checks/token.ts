// The token's tables (indexer/src/token.ts) and the accounts, against PlenumToken and DelegateStatements.
import { getAddress, zeroAddress, type Address } from "viem";
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

/** Each address the indexer must keep an account for, with the time of the first event that named it. */
export async function accountsOnChain({ client, contracts }: CheckContext): Promise<Map<Address, bigint>> {
  const [transfers, delegations, powerChanges, votes, votesWithParams, statements] = await Promise.all([
    eventsOf(client, contracts.token, "Transfer"),
    eventsOf(client, contracts.token, "DelegateChanged"),
    eventsOf(client, contracts.token, "DelegateVotesChanged"),
    eventsOf(client, contracts.governor, "VoteCast"),
    eventsOf(client, contracts.governor, "VoteCastWithParams"),
    eventsOf(client, contracts.delegateStatements, "StatementPublished"),
  ]);
  const named: [Address, bigint][] = [
    ...transfers.flatMap((log) => [log.args.from, log.args.to].map((a): [Address, bigint] => [a, timestampOf(log)])),
    ...delegations.flatMap((log) =>
      [log.args.delegator, log.args.fromDelegate, log.args.toDelegate].map((a): [Address, bigint] => [
        a,
        timestampOf(log),
      ]),
    ),
    ...powerChanges.map((log): [Address, bigint] => [log.args.delegate, timestampOf(log)]),
    ...[...votes, ...votesWithParams].map((log): [Address, bigint] => [log.args.voter, timestampOf(log)]),
    ...statements.map((log): [Address, bigint] => [log.args.delegate, timestampOf(log)]),
  ];
  const firstSeen = new Map<Address, bigint>();
  for (const [address, time] of named) {
    if (address === zeroAddress) continue;
    const earlier = firstSeen.get(getAddress(address));
    if (earlier === undefined || time < earlier) firstSeen.set(getAddress(address), time);
  }
  return firstSeen;
}

/** Balance, voting power and delegate of each account, read from the token now. */
export async function tokenStateOf({ client, contracts }: CheckContext, accounts: Address[]) {
  return Promise.all(
    accounts.map(async (address) => {
      const [balance, votingPower, delegate] = await Promise.all([
        client.readContract({ ...contracts.token, functionName: "balanceOf", args: [address] }),
        client.readContract({ ...contracts.token, functionName: "getVotes", args: [address] }),
        client.readContract({ ...contracts.token, functionName: "delegates", args: [address] }),
      ]);
      return { address, balance, votingPower, delegatesTo: delegate === zeroAddress ? null : delegate };
    }),
  );
}

const account: TableCheck = async (context) => {
  const { api, client, contracts } = context;
  const [rows, firstSeen, statements, votes, votesWithParams] = await Promise.all([
    readTable(api, "account"),
    accountsOnChain(context),
    eventsOf(client, contracts.delegateStatements, "StatementPublished"),
    eventsOf(client, contracts.governor, "VoteCast"),
    eventsOf(client, contracts.governor, "VoteCastWithParams"),
  ]);
  const token = await tokenStateOf(context, [...firstSeen.keys()]);
  const firstSeenAt = [...firstSeen.values()];
  const expected = await Promise.all(
    token.map(async ({ address, balance, votingPower, delegatesTo }, index) => {
      const [statementVersion] = await client.readContract({
        ...contracts.delegateStatements,
        functionName: "statementOf",
        args: [address],
      });
      const latest = statements.findLast((log) => log.args.delegate === address);
      return {
        address: lower(address),
        balance,
        votingPower,
        delegatesTo: delegatesTo && lower(delegatesTo),
        delegatorCount: token.filter((other) => other.delegatesTo === address && other.address !== address).length,
        votesCast: [...votes, ...votesWithParams].filter((log) => log.args.voter === address).length,
        statementVersion,
        displayName: latest?.args.displayName ?? null,
        statement: latest?.args.statement ?? null,
        focusAreas: latest ? [...latest.args.focusAreas] : null,
        firstSeenAt: firstSeenAt[index],
      };
    }),
  );
  const indexed = rows.map((row) => ({
    address: row.address,
    balance: row.balance,
    votingPower: row.votingPower,
    delegatesTo: row.delegatesTo,
    delegatorCount: row.delegatorCount,
    votesCast: row.votesCast,
    statementVersion: row.statementVersion,
    displayName: row.displayName,
    statement: row.statement,
    focusAreas: row.focusAreas,
    firstSeenAt: row.firstSeenAt,
  }));
  expectSameRows(indexed, expected);
};

const delegation: TableCheck = async ({ api, client, contracts }) => {
  const [rows, logs] = await Promise.all([
    readTable(api, "delegation"),
    eventsOf(client, contracts.token, "DelegateChanged"),
  ]);
  const expected: Omit<Row<"delegation">, "id">[] = logs.map((log) => ({
    delegator: lower(log.args.delegator),
    fromDelegate: lower(log.args.fromDelegate),
    toDelegate: lower(log.args.toDelegate),
    timestamp: timestampOf(log),
    blockNumber: log.blockNumber,
  }));
  expectSameRows(rows.map(withoutId), expected);
};

const votingPowerChange: TableCheck = async ({ api, client, contracts }) => {
  const [rows, logs] = await Promise.all([
    readTable(api, "votingPowerChange"),
    eventsOf(client, contracts.token, "DelegateVotesChanged"),
  ]);
  const expected: Omit<Row<"votingPowerChange">, "id">[] = logs.map((log) => ({
    delegate: lower(log.args.delegate),
    previousVotes: log.args.previousVotes,
    newVotes: log.args.newVotes,
    timestamp: timestampOf(log),
    blockNumber: log.blockNumber,
  }));
  expectSameRows(rows.map(withoutId), expected);
  // The last change of each delegate is its voting power now.
  for (const address of new Set(logs.map((log) => log.args.delegate))) {
    const last = logs.findLast((log) => log.args.delegate === address)!;
    expect(await client.readContract({ ...contracts.token, functionName: "getVotes", args: [address] })).toBe(
      last.args.newVotes,
    );
  }
};

const transfer: TableCheck = async ({ api, client, contracts }) => {
  const [rows, logs] = await Promise.all([readTable(api, "transfer"), eventsOf(client, contracts.token, "Transfer")]);
  const expected: Omit<Row<"transfer">, "id">[] = logs.map((log) => ({
    from: lower(log.args.from),
    to: lower(log.args.to),
    value: log.args.value,
    timestamp: timestampOf(log),
    blockNumber: log.blockNumber,
  }));
  expectSameRows(rows.map(withoutId), expected);
};

const statement: TableCheck = async ({ api, client, contracts }) => {
  const [rows, logs] = await Promise.all([
    readTable(api, "statement"),
    eventsOf(client, contracts.delegateStatements, "StatementPublished"),
  ]);
  const expected: Row<"statement">[] = logs.map((log) => ({
    delegate: lower(log.args.delegate),
    version: log.args.version,
    displayName: log.args.displayName,
    statement: log.args.statement,
    focusAreas: [...log.args.focusAreas],
    timestamp: timestampOf(log),
  }));
  expectSameRows(rows, expected);
};

export const tokenChecks = {
  account,
  delegation,
  votingPowerChange,
  transfer,
  statement,
} satisfies Partial<Record<TableName, TableCheck>>;
