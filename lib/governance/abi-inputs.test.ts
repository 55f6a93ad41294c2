import { decodeFunctionData, parseAbiItem, toFunctionSignature, type AbiFunction, type AbiParameter } from "viem";
import { describe, expect, it } from "vitest";
import { grantVestingAbi, plenumTokenAbi } from "../contracts/abis.generated";
import { encodeCustomCall, exampleArgument, parseAbiText, parseArgument, type CallableFunction } from "./abi-inputs";

const alice = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const bob = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

const param = (type: string, name = "x", components?: AbiParameter[]): AbiParameter =>
  components ? { type, name, components } : { type, name };

function ok(result: ReturnType<typeof parseArgument>) {
  if (!result.ok) throw new Error(result.errors.join("; "));
  return result.value;
}

function errors(result: ReturnType<typeof parseArgument>) {
  if (result.ok) throw new Error(`expected errors, got ${String(result.value)}`);
  return result.errors;
}

function functions(text: string): CallableFunction[] {
  const result = parseAbiText(text);
  if (!result.ok) throw new Error(result.error);
  return result.functions;
}

function abiError(text: string): string {
  const result = parseAbiText(text);
  if (result.ok) throw new Error("expected an error");
  return result.error;
}

describe("parseAbiText", () => {
  it("reads a JSON ABI and keeps only state-changing functions", () => {
    const fns = functions(JSON.stringify(plenumTokenAbi));
    const names = fns.map((fn) => fn.name);
    expect(names).toContain("transfer");
    expect(names).toContain("approve");
    expect(names).toContain("delegate");
    expect(names).not.toContain("balanceOf");
    expect(names).not.toContain("Transfer");
    expect(fns.every((fn) => fn.stateMutability === "nonpayable" || fn.stateMutability === "payable")).toBe(true);
  });

  it("reads a Foundry/Hardhat artifact's abi field", () => {
    const artifact = { abi: grantVestingAbi, bytecode: { object: "0x" }, contractName: "GrantVesting" };
    const fns = functions(JSON.stringify(artifact));
    expect(fns.map((fn) => fn.name)).toEqual(expect.arrayContaining(["createGrant", "release", "revoke"]));
    const createGrant = fns.find((fn) => fn.name === "createGrant")!;
    expect(toFunctionSignature(createGrant)).toBe("createGrant(address,uint256,uint64,uint64,uint64,string)");
  });

  it("reads pre-0.5 ABIs (constant / payable instead of stateMutability)", () => {
    const abi = [
      { type: "function", name: "get", constant: true, inputs: [], outputs: [{ type: "uint256" }] },
      { name: "deposit", payable: true, inputs: [] },
      { type: "function", name: "set", inputs: [{ name: "v", type: "uint256" }] },
    ];
    const fns = functions(JSON.stringify(abi));
    expect(fns.map((fn) => [fn.name, fn.stateMutability])).toEqual([
      ["deposit", "payable"],
      ["set", "nonpayable"],
    ]);
  });

  it("reads human-readable signatures with inline tuples, structs, comments and a missing `function`", () => {
    const fns = functions(`
      // the batch payout
      struct Payout { address to; uint96 amount; }
      function pay(Payout[] payouts);
      function setFoo(uint256 a, (address to, uint96 amount)[] items)
      setBar(bool on) external payable
      function balance(address who) view returns (uint256)
      event Paid(address to)
    `);
    expect(fns.map((fn) => toFunctionSignature(fn))).toEqual([
      "pay((address,uint96)[])",
      "setFoo(uint256,(address,uint96)[])",
      "setBar(bool)",
    ]);
    expect(fns[2].stateMutability).toBe("payable");
  });

  it("reads a JSON array of signatures", () => {
    expect(functions(JSON.stringify(["function a(uint8 x)", "function b()"])).map((fn) => fn.name)).toEqual(["a", "b"]);
  });

  it("explains bad input", () => {
    expect(abiError("   ")).toMatch(/Paste an ABI/);
    expect(abiError("[{ not json")).toMatch(/^The ABI is not valid JSON/);
    expect(abiError('{"bytecode": "0x"}')).toMatch(/neither an ABI .* nor an artifact/);
    expect(abiError('[{"type": "function", "name": "f", "inputs": [{"name": "a", "type": "uint7"}]}]')).toBe(
      'abi[0] (f): a: unsupported type "uint7"',
    );
    expect(abiError('[{"type": "function", "name": "f", "inputs": [{"name": "a"}]}]')).toMatch(
      /^abi\[0\]\.inputs\.0\.type/,
    );
    expect(abiError('[{"type": "function", "inputs": []}]')).toBe("abi[0]: a function without a name");
    expect(abiError("function ok(uint256 a)\nfunction broken(uint256 a")).toMatch(/^Line 2 \("function broken/);
    expect(abiError("function get() view returns (uint256)")).toMatch(/no function a proposal can call/);
  });
});

describe("parseArgument: scalars", () => {
  it("parses every scalar type", () => {
    expect(ok(parseArgument(param("address"), alice.toLowerCase()))).toBe(alice);
    expect(ok(parseArgument(param("bool"), "true"))).toBe(true);
    expect(ok(parseArgument(param("bool"), " False "))).toBe(false);
    expect(ok(parseArgument(param("uint256"), "1000"))).toBe(1000n);
    expect(ok(parseArgument(param("uint256"), '"1000"'))).toBe(1000n);
    expect(ok(parseArgument(param("int8"), "-128"))).toBe(-128n);
    expect(ok(parseArgument(param("uint8"), "255"))).toBe(255n);
    expect(ok(parseArgument(param("bytes4"), "0xDEADBEEF"))).toBe("0xdeadbeef");
    expect(ok(parseArgument(param("bytes"), "0x"))).toBe("0x");
    expect(ok(parseArgument(param("bytes"), "0x0102"))).toBe("0x0102");
    expect(ok(parseArgument(param("string"), '  spaces and "quotes" kept '))).toBe('  spaces and "quotes" kept ');
    expect(ok(parseArgument(param("string"), ""))).toBe("");
  });

  it("checks integer ranges and names the type's range", () => {
    expect(errors(parseArgument(param("uint8", "level"), "256"))).toEqual(["level: 256 does not fit uint8 (0 to 255)"]);
    expect(errors(parseArgument(param("int8", "delta"), "-129"))).toEqual([
      "delta: -129 does not fit int8 (-128 to 127)",
    ]);
    expect(errors(parseArgument(param("uint256", "amount"), "-1"))).toEqual([
      "amount: -1 does not fit uint256 (0 to 2^256 - 1)",
    ]);
    expect(errors(parseArgument(param("uint96", "amount"), (2n ** 96n).toString()))).toEqual([
      "amount: 2^96 does not fit uint96 (0 to 2^96 - 1)",
    ]);
    expect(errors(parseArgument(param("int256", "x"), (2n ** 255n).toString()))).toEqual([
      "x: 2^255 does not fit int256 (-2^255 to 2^255 - 1)",
    ]);
  });

  it("explains bad scalars", () => {
    expect(errors(parseArgument(param("bool", "on"), "yes"))).toEqual(['on: expected true or false, got "yes"']);
    expect(errors(parseArgument(param("bytes32", "key"), "0x1234"))).toEqual([
      "key: bytes32 takes exactly 32 bytes (64 hex digits), got 2",
    ]);
    expect(errors(parseArgument(param("bytes", "data"), "0x123"))).toEqual([
      "data: hex needs an even number of digits (2 per byte)",
    ]);
    expect(errors(parseArgument(param("bytes", "data"), "hello"))).toEqual([
      'data: expected hex starting with 0x, got "hello"',
    ]);
    expect(errors(parseArgument(param("address", "to"), "0x12"))).toEqual([
      'to: "0x12" is not an address (0x followed by 40 hex digits)',
    ]);
    expect(errors(parseArgument(param("uint256", "n"), "1.5"))).toEqual(['n: "1.5" is not a whole number']);
  });
});

describe("parseArgument: arrays and tuples", () => {
  const item = param("tuple", "items", [param("address", "to"), param("uint96", "amount")]);
  const items = { ...item, type: "tuple[]" };

  it("parses dynamic and fixed arrays, quoted or not", () => {
    expect(ok(parseArgument(param("uint256[]"), "[1, 2, 3]"))).toEqual([1n, 2n, 3n]);
    expect(ok(parseArgument(param("uint256[]"), '["1", "2",]'))).toEqual([1n, 2n]);
    expect(ok(parseArgument(param("uint256[]"), "[]"))).toEqual([]);
    expect(ok(parseArgument(param("address[2]"), `[${alice}, "${bob.toLowerCase()}"]`))).toEqual([alice, bob]);
    expect(ok(parseArgument(param("uint8[2][]"), "[[1, 2], [3, 4]]"))).toEqual([
      [1n, 2n],
      [3n, 4n],
    ]);
    expect(ok(parseArgument(param("string[]"), `["a, b", 'it\\'s', plain words]`))).toEqual([
      "a, b",
      "it's",
      "plain words",
    ]);
    expect(ok(parseArgument(param("bool[]"), "[true, false]"))).toEqual([true, false]);
  });

  it("parses tuples as lists or objects, nested in arrays", () => {
    expect(ok(parseArgument(item, `["${alice}", "5"]`))).toEqual([alice, 5n]);
    expect(ok(parseArgument(item, `{"to": "${alice}", "amount": "5"}`))).toEqual([alice, 5n]);
    expect(ok(parseArgument(item, `{to: ${alice}, amount: 5}`))).toEqual([alice, 5n]);
    expect(ok(parseArgument(items, `[{"to": "${alice}", "amount": "1"}, ["${bob}", 2]]`))).toEqual([
      [alice, 1n],
      [bob, 2n],
    ]);
  });

  it("parses tuples inside tuples", () => {
    const order = param("tuple", "order", [
      param("uint256", "id"),
      param("tuple[]", "lines", [param("string", "sku"), param("uint16", "qty")]),
    ]);
    expect(ok(parseArgument(order, `{"id": 7, "lines": [{"sku": "gpu-h100", "qty": 8}, ["tpu", 1]]}`))).toEqual([
      7n,
      [
        ["gpu-h100", 8n],
        ["tpu", 1n],
      ],
    ]);
  });

  it("names the path of every bad value", () => {
    expect(errors(parseArgument(items, `[["${alice}", 1], {"to": "${bob}", "amount": "${2n ** 96n}"}]`))).toEqual([
      "items[1].amount: 2^96 does not fit uint96 (0 to 2^96 - 1)",
    ]);
    expect(errors(parseArgument(items, `[["0x12", -1], {"to": "${bob}"}]`))).toEqual([
      'items[0].to: "0x12" is not an address (0x followed by 40 hex digits)',
      "items[0].amount: -1 does not fit uint96 (0 to 2^96 - 1)",
      "items[1].amount: missing",
    ]);
    expect(errors(parseArgument(items, `[{"to": "${bob}", "amount": 1, "memo": "x"}]`))).toEqual([
      "items[0]: unknown field memo",
    ]);
    expect(errors(parseArgument(items, `[["${bob}"]]`))).toEqual(["items[0]: the tuple has 2 fields, got 1 values"]);
    expect(errors(parseArgument(items, `["${bob}"]`))).toEqual([
      `items[0]: expected a tuple like [a, b] or {"field": a}, got "${bob}"`,
    ]);
    expect(errors(parseArgument(param("uint256[3]", "xs"), "[1, 2]"))).toEqual([
      "xs: uint256[3] takes exactly 3 items, got 2",
    ]);
    expect(errors(parseArgument(param("uint256[]", "xs"), "1, 2"))).toEqual([
      'xs: expected a list like [a, b] for uint256[], got "1, 2"',
    ]);
    expect(errors(parseArgument(param("uint256[]", "xs"), "[[1]]"))).toEqual([
      "xs[0]: expected a uint256, got a list of 1",
    ]);
  });

  it("explains syntax errors with a position", () => {
    // A missing comma leaves one bare value with a space in it (bare values may be words, for strings).
    expect(errors(parseArgument(param("uint256[]", "xs"), "[1 2]"))).toEqual(['xs[0]: "1 2" is not a whole number']);
    expect(errors(parseArgument(param("uint256[]", "xs"), '["1" "2"]'))[0]).toMatch(
      /^xs: expected "," or "]" after item 1 at position 6, found/,
    );
    expect(errors(parseArgument(param("uint256[]", "xs"), "[1, 2"))[0]).toMatch(/^xs: expected "," or "]"/);
    expect(errors(parseArgument(param("uint256[]", "xs"), '["1]'))[0]).toMatch(/^xs: unterminated string/);
    expect(errors(parseArgument(param("uint256[]", "xs"), "[1] x"))[0]).toMatch(/^xs: expected nothing more/);
    expect(errors(parseArgument(param("uint256[]", "xs"), ""))).toEqual(["xs: enter a list like [a, b]"]);
  });

  it("refuses object form for unnamed tuple fields", () => {
    const unnamed = param("tuple", "pair", [param("uint8", ""), param("uint8", "")]);
    expect(ok(parseArgument(unnamed, "[1, 2]"))).toEqual([1n, 2n]);
    expect(errors(parseArgument(unnamed, '{"a": 1}'))[0]).toMatch(/fields have no names/);
  });
});

describe("encodeCustomCall", () => {
  const fn = parseAbiItem("function setFoo(uint256 a, (address to, uint96 amount)[] items) payable") as AbiFunction;

  it("encodes a call that decodes back to the same arguments", () => {
    const result = encodeCustomCall(fn, ["42", `[{"to": "${alice}", "amount": "5"}, ["${bob}", "6"]]`]);
    if (!result.ok) throw new Error(result.errors.join("; "));
    const decoded = decodeFunctionData({ abi: [fn], data: result.calldata });
    expect(decoded.functionName).toBe("setFoo");
    expect(decoded.args).toEqual([
      42n,
      [
        { to: alice, amount: 5n },
        { to: bob, amount: 6n },
      ],
    ]);
  });

  it("reports every argument's problems at once", () => {
    expect(encodeCustomCall(fn, ["x", `[["${alice}", "${2n ** 96n}"]]`])).toEqual({
      ok: false,
      errors: ['a: "x" is not a whole number', "items[0].amount: 2^96 does not fit uint96 (0 to 2^96 - 1)"],
    });
  });

  it("checks the number of arguments", () => {
    expect(encodeCustomCall(fn, ["1"])).toEqual({ ok: false, errors: ["setFoo takes 2 arguments, got 1"] });
  });

  it("names unnamed arguments by position", () => {
    const unnamed = parseAbiItem("function f(uint8, bool)") as AbiFunction;
    expect(encodeCustomCall(unnamed, ["300", "maybe"])).toEqual({
      ok: false,
      errors: ["arg0: 300 does not fit uint8 (0 to 255)", 'arg1: expected true or false, got "maybe"'],
    });
  });
});

describe("exampleArgument", () => {
  it("shows what to type", () => {
    const items = param("tuple[]", "items", [param("address", "to"), param("uint96", "amount")]);
    expect(exampleArgument(items)).toBe('[{"to": "0x…", "amount": "0"}, {"to": "0x…", "amount": "0"}]');
    expect(exampleArgument(param("bool[2]"))).toBe("[true, true]");
    expect(exampleArgument(param("bytes2"))).toBe("0x0000");
  });
});
