// The registry and grant tables (indexer/src/registry.ts) against ModelRegistry and GrantVesting.
import {
  eventsOf,
  expectSameRows,
  lower,
  readTable,
  timestampOf,
  withoutId,
  type TableCheck,
  type TableName,
} from "./context";

const publisher: TableCheck = async ({ api, client, contracts }) => {
  const [rows, addresses] = await Promise.all([
    readTable(api, "publisher"),
    client.readContract({ ...contracts.modelRegistry, functionName: "publishers" }),
  ]);
  const expected = await Promise.all(
    addresses.map(async (address) => {
      const info = await client.readContract({
        ...contracts.modelRegistry,
        functionName: "publisherInfo",
        args: [address],
      });
      return { address: lower(address), name: info.name, verified: info.verified, updatedAt: info.updatedAt };
    }),
  );
  expectSameRows(rows, expected);
};

const model: TableCheck = async ({ api, client, contracts }) => {
  const [rows, count, delisted] = await Promise.all([
    readTable(api, "model"),
    client.readContract({ ...contracts.modelRegistry, functionName: "modelCount" }),
    eventsOf(client, contracts.modelRegistry, "ModelDelisted"),
  ]);
  const expected = await Promise.all(
    Array.from({ length: Number(count) }, async (_, index) => {
      const id = BigInt(index + 1);
      const stored = await client.readContract({ ...contracts.modelRegistry, functionName: "getModel", args: [id] });
      const delisting = delisted.find((log) => log.args.modelId === id);
      return {
        id,
        publisher: lower(stored.publisher),
        name: stored.name,
        uri: stored.uri,
        weightsHash: stored.weightsHash,
        license: stored.license,
        registeredAt: stored.registeredAt,
        delisted: stored.delisted,
        delistedAt: delisting ? timestampOf(delisting) : null,
        delistReason: delisting?.args.reason ?? null,
      };
    }),
  );
  expectSameRows(
    rows.map((row) => ({ ...row, delisted: row.delistedAt !== null })),
    expected,
  );
};

const grant: TableCheck = async ({ api, client, contracts }) => {
  const [rows, count, created, revoked] = await Promise.all([
    readTable(api, "grant"),
    client.readContract({ ...contracts.grantVesting, functionName: "grantCount" }),
    eventsOf(client, contracts.grantVesting, "GrantCreated"),
    eventsOf(client, contracts.grantVesting, "GrantRevoked"),
  ]);
  const expected = await Promise.all(
    Array.from({ length: Number(count) }, async (_, index) => {
      const id = BigInt(index + 1);
      const stored = await client.readContract({ ...contracts.grantVesting, functionName: "getGrant", args: [id] });
      const creation = created.find((log) => log.args.grantId === id)!;
      const revocation = revoked.find((log) => log.args.grantId === id);
      return {
        id,
        beneficiary: lower(stored.beneficiary),
        amount: stored.amount,
        start: stored.start,
        cliffDuration: stored.cliffDuration,
        duration: stored.duration,
        memo: stored.memo,
        released: stored.released,
        createdAt: timestampOf(creation),
        revokedAt: stored.revokedAt === 0n ? null : stored.revokedAt,
        vestedAtRevoke: revocation?.args.vestedAmount ?? null,
        returnedAtRevoke: revocation?.args.returnedAmount ?? null,
      };
    }),
  );
  expectSameRows(rows, expected);
};

const grantRelease: TableCheck = async ({ api, client, contracts }) => {
  const [rows, logs] = await Promise.all([
    readTable(api, "grantRelease"),
    eventsOf(client, contracts.grantVesting, "GrantReleased"),
  ]);
  const expected = logs.map((log) => ({
    grantId: log.args.grantId,
    beneficiary: lower(log.args.beneficiary),
    amount: log.args.amount,
    timestamp: timestampOf(log),
  }));
  expectSameRows(rows.map(withoutId), expected);
};

export const registryChecks = { publisher, model, grant, grantRelease } satisfies Partial<
  Record<TableName, TableCheck>
>;
