import { decodeFunctionData, encodeFunctionData, parseEther, type Address } from "viem";
import { describe, expect, it } from "vitest";
import { grantVestingAbi, plenumTokenAbi } from "../contracts/abis.generated";
import type { ProposalAction } from "./actions";
import { exportSafeBatch, importSafeBatch, safeBatchChecksum, safeBatchJson, type SafeBatchFile } from "./safe-batch";
import { encodeTemplate, type TemplateAddresses } from "./templates";

const addresses = {
  token: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
  governor: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
  timelock: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  networkParameters: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9",
  modelRegistry: "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
  grantVesting: "0x0165878A594ca255338adfa4d48449f69242Eb8F",
  disputeModule: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
} as const satisfies TemplateAddresses;

const alice: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const bob: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const PLM = 10n ** 18n;
const createdAt = 1_767_225_600_000;

const actions: ProposalAction[] = [
  ...encodeTemplate(
    {
      kind: "grant",
      beneficiary: alice,
      amount: 1_000n * PLM,
      start: 1_767_225_600n,
      cliff: 0n,
      duration: 86_400n * 30n,
      memo: "GPU cluster ops",
    },
    addresses,
  ),
  ...encodeTemplate({ kind: "transferEth", to: bob, amount: parseEther("0.5") }, addresses),
];

const exportOptions = { chainId: 31337, timelock: addresses.timelock, name: "Grant + ETH", createdAt };

function exported(): SafeBatchFile {
  return exportSafeBatch(actions, exportOptions);
}

function importOk(text: string, options = { chainId: 31337, timelock: addresses.timelock as Address }) {
  const result = importSafeBatch(text, options);
  if (!result.ok) throw new Error(result.errors.join("; "));
  return result;
}

function importErrors(json: unknown, chainId = 31337): string[] {
  const result = importSafeBatch(typeof json === "string" ? json : JSON.stringify(json), { chainId });
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

/** An exported file as plain JSON, to break in each test. */
function fileJson(): Record<string, unknown> & {
  meta: Record<string, unknown>;
  transactions: Record<string, unknown>[];
} {
  return JSON.parse(safeBatchJson(exported()));
}

describe("export", () => {
  it("writes the Transaction Builder's format, created from the timelock", () => {
    const file = exported();
    expect(file).toMatchObject({
      version: "1.0",
      chainId: "31337",
      createdAt,
      meta: {
        name: "Grant + ETH",
        description: "",
        createdFromSafeAddress: addresses.timelock,
        createdFromOwnerAddress: "",
        checksum: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      },
    });
    expect(file.transactions).toEqual([
      { to: addresses.token, value: "0", data: actions[0].calldata },
      { to: addresses.grantVesting, value: "0", data: actions[1].calldata },
      { to: bob, value: "500000000000000000", data: "0x" },
    ]);
  });

  it("computes the checksum as the Transaction Builder does (sorted keys, name left out)", () => {
    const file = exported();
    expect(safeBatchChecksum(file)).toBe(file.meta.checksum);
    // The name is not part of the checksum; everything else is.
    expect(safeBatchChecksum({ ...file, meta: { ...file.meta, name: "Renamed" } })).toBe(file.meta.checksum);
    expect(safeBatchChecksum({ ...file, createdAt: createdAt + 1 })).not.toBe(file.meta.checksum);
  });
});

describe("import", () => {
  it("gives back the exported actions", () => {
    const result = importOk(safeBatchJson(exported()));
    expect(result.actions).toEqual(actions);
    expect(result.name).toBe("Grant + ETH");
    expect(result.warnings).toEqual([]);
  });

  it("encodes transactions written from an ABI (data: null, contractMethod + contractInputsValues)", () => {
    const file = fileJson();
    file.transactions = [
      {
        to: addresses.token,
        value: "0",
        data: null,
        contractMethod: {
          inputs: [
            { internalType: "address", name: "spender", type: "address" },
            { internalType: "uint256", name: "value", type: "uint256" },
          ],
          name: "approve",
          payable: false,
        },
        contractInputsValues: { spender: addresses.grantVesting, value: "1000000000000000000000" },
      },
      {
        to: addresses.grantVesting,
        value: "0",
        data: null,
        contractMethod: {
          inputs: grantVestingAbi.find((item) => item.type === "function" && item.name === "createGrant")!.inputs,
          name: "createGrant",
          payable: false,
        },
        contractInputsValues: {
          beneficiary: alice.toLowerCase(),
          amount: "1000000000000000000000",
          start: "1767225600",
          cliffDuration: "0",
          duration: "2592000",
          memo: "GPU cluster ops",
        },
      },
      { to: bob, value: "500000000000000000", data: null, contractMethod: null, contractInputsValues: null },
    ];
    const result = importOk(JSON.stringify(file));
    expect(result.actions).toEqual(actions);
    // The checksum was computed over the original transactions.
    expect(result.warnings).toEqual([
      "meta.checksum does not match: the file was changed after the Transaction Builder wrote it",
    ]);
  });

  it("encodes tuple and array inputs written as JSON text", () => {
    const file = fileJson();
    delete file.meta.checksum;
    file.transactions = [
      {
        to: bob,
        value: "1",
        data: null,
        contractMethod: {
          name: "deposit",
          payable: true,
          inputs: [
            {
              name: "items",
              type: "tuple[]",
              internalType: "struct Item[]",
              components: [
                { name: "to", type: "address", internalType: "address" },
                { name: "amount", type: "uint96", internalType: "uint96" },
              ],
            },
            { name: "ids", type: "uint256[]", internalType: "uint256[]" },
            { name: "on", type: "bool", internalType: "bool" },
          ],
        },
        contractInputsValues: { items: `[["${alice}", "5"]]`, ids: "[1,2]", on: "true" },
      },
    ];
    const [action] = importOk(JSON.stringify(file)).actions;
    expect(action.value).toBe(1n);
    const abi = [
      {
        type: "function",
        name: "deposit",
        stateMutability: "payable",
        outputs: [],
        inputs: [
          {
            name: "items",
            type: "tuple[]",
            components: [
              { name: "to", type: "address" },
              { name: "amount", type: "uint96" },
            ],
          },
          { name: "ids", type: "uint256[]" },
          { name: "on", type: "bool" },
        ],
      },
    ] as const;
    expect(decodeFunctionData({ abi, data: action.calldata }).args).toEqual([
      [{ to: alice, amount: 5n }],
      [1n, 2n],
      true,
    ]);
  });

  it("warns about a checksum mismatch, an unknown version and a batch made for another Safe", () => {
    const file = fileJson();
    file.version = "2.0";
    file.meta.createdFromSafeAddress = alice;
    const result = importOk(JSON.stringify(file));
    expect(result.actions).toEqual(actions);
    expect(result.warnings).toEqual([
      'version: "2.0" (this app knows version "1.0")',
      "meta.checksum does not match: the file was changed after the Transaction Builder wrote it",
      `meta.createdFromSafeAddress: the batch was made for ${alice}, not the timelock (${addresses.timelock}) that ` +
        "executes proposals: check each call still makes sense",
    ]);
  });

  it("accepts a file without checksum, description or owner, and a numeric chain id", () => {
    const file = fileJson();
    file.chainId = 31337;
    file.meta = { name: "Bare" };
    const result = importOk(JSON.stringify(file));
    expect(result).toMatchObject({ name: "Bare", description: "", warnings: [] });
  });
});

describe("import: bad files", () => {
  it("refuses what is not JSON", () => {
    expect(importErrors("{ nope")[0]).toMatch(/^The file is not JSON: /);
  });

  it("refuses JSON of the wrong shape", () => {
    expect(importErrors([1, 2])).toEqual(["a Transaction Builder batch (an object), got a list"]);
    expect(importErrors({})).toEqual([
      "version: missing",
      "chainId: missing",
      "createdAt: missing",
      "meta: missing",
      "transactions: missing",
    ]);
    const file = fileJson();
    file.transactions = [];
    expect(importErrors(file)).toEqual(["transactions: the batch has no transactions"]);
    const noName = fileJson();
    delete noName.meta.name;
    expect(importErrors(noName)).toEqual(["meta.name: missing"]);
  });

  it("names a bad address by its place", () => {
    const file = fileJson();
    file.transactions[2].to = "0x1234";
    expect(importErrors(file)).toEqual([
      'transactions[2].to: "0x1234" is not an address (0x followed by 40 hex digits)',
    ]);
    file.transactions[2].to = bob.replace("C44", "c44");
    expect(importErrors(file)[0]).toMatch(/^transactions\[2\]\.to: ".*" has a wrong checksum/);
  });

  it("refuses a value that is not a non-negative whole number of wei", () => {
    for (const value of ["-1", "1.5", "0x10", "", -1, 1.5]) {
      const file = fileJson();
      file.transactions[0].value = value;
      expect(importErrors(file)).toEqual([
        `transactions[0].value: must be a non-negative whole number of wei (e.g. "0"), got ${typeof value === "string" ? JSON.stringify(value) : value}`,
      ]);
    }
    const file = fileJson();
    delete file.transactions[1].value;
    expect(importErrors(file)).toEqual(["transactions[1].value: missing"]);
  });

  it("refuses data that is not hex", () => {
    const file = fileJson();
    file.transactions[0].data = "0xabc";
    file.transactions[1].data = "hello";
    file.transactions[2].data = 42;
    expect(importErrors(file)).toEqual([
      'transactions[0].data: must be hex: 0x followed by an even number of hex digits, got "0xabc"',
      'transactions[1].data: must be hex: 0x followed by an even number of hex digits, got "hello"',
      'transactions[2].data: hex calldata ("0x…") or null, got 42',
    ]);
  });

  it("refuses a file for another chain", () => {
    expect(importErrors(fileJson(), 1)).toEqual([
      "chainId: the batch is for chain 31337, the app runs on chain 1; its addresses would mean other contracts here",
    ]);
    const file = fileJson();
    file.chainId = "mainnet";
    expect(importErrors(file)).toEqual(['chainId: a chain id, got "mainnet"']);
  });

  it("names bad contract inputs and missing ones", () => {
    const file = fileJson();
    file.transactions = [
      {
        to: addresses.token,
        value: "0",
        data: null,
        contractMethod: {
          name: "transfer",
          payable: false,
          inputs: [
            { name: "to", type: "address" },
            { name: "value", type: "uint96" },
          ],
        },
        contractInputsValues: { to: "0x12", value: (2n ** 96n).toString() },
      },
      {
        to: addresses.token,
        value: "0",
        data: null,
        contractMethod: { name: "transfer", payable: false, inputs: [{ name: "to", type: "address" }] },
        contractInputsValues: {},
      },
      {
        to: addresses.token,
        value: "5",
        data: null,
        contractMethod: { name: "delegate", payable: false, inputs: [{ name: "to", type: "address" }] },
        contractInputsValues: { to: alice },
      },
      {
        to: addresses.token,
        value: "0",
        data: null,
        contractMethod: { name: "f", payable: false, inputs: [{ name: "x", type: "uint7" }] },
        contractInputsValues: { x: "1" },
      },
    ];
    expect(importErrors(file)).toEqual([
      'transactions[0].contractInputsValues.to: "0x12" is not an address (0x followed by 40 hex digits)',
      "transactions[0].contractInputsValues.value: 2^96 does not fit uint96 (0 to 2^96 - 1)",
      "transactions[1].contractInputsValues.to: missing (address)",
      "transactions[2].value: delegate is not payable: sending ETH with it reverts",
      'transactions[3].contractInputsValues.x: unsupported type "uint7"',
    ]);
  });

  it("refuses a malformed contractMethod", () => {
    const file = fileJson();
    file.transactions[0] = { to: bob, value: "0", data: null, contractMethod: { name: "", inputs: "none" } };
    expect(importErrors(file)).toEqual([
      "transactions[0].contractMethod.name: a function name",
      'transactions[0].contractMethod.inputs: a list of inputs, got "none"',
    ]);
  });
});

describe("round trip with calls the decoder knows", () => {
  it("keeps values and calldata byte for byte", () => {
    const transfer = {
      target: addresses.token,
      value: 0n,
      calldata: encodeFunctionData({ abi: plenumTokenAbi, functionName: "transfer", args: [alice, 123n] }),
    } satisfies ProposalAction;
    const big = { target: bob, value: 2n ** 200n, calldata: "0x" } satisfies ProposalAction;
    const file = exportSafeBatch([transfer, big], { ...exportOptions, owner: alice, description: "two calls" });
    expect(file.meta.createdFromOwnerAddress).toBe(alice);
    const result = importOk(safeBatchJson(file));
    expect(result.actions).toEqual([transfer, big]);
    expect(result.description).toBe("two calls");
  });
});
