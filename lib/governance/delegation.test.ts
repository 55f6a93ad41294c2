import { getAddress, zeroAddress, type Address } from "viem";
import { describe, expect, it } from "vitest";
import { parseDelegateeInput, previewDelegation, type DelegatorState } from "./delegation";

const holder: Address = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const ada: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const ravi: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const plm = (amount: bigint) => amount * 10n ** 18n;

describe("parseDelegateeInput", () => {
  it("accepts a lowercase address and returns it checksummed", () => {
    expect(parseDelegateeInput(ada.toLowerCase())).toEqual({ ok: true, address: ada });
  });

  it("accepts a checksummed address and ignores surrounding spaces", () => {
    expect(parseDelegateeInput(`  ${ravi}\n`)).toEqual({ ok: true, address: ravi });
  });

  it("refuses mixed case that does not match the checksum", () => {
    // ada with one letter's case flipped (C -> c): still mixed case, no longer its checksum.
    const typo = "0x70997970c51812dc3A010C7d01b50e0d17dc79C8";
    expect(getAddress(typo.toLowerCase())).toBe(ada);
    const result = parseDelegateeInput(typo);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/checksum/);
  });

  it("refuses an empty field", () => {
    expect(parseDelegateeInput("   ")).toEqual({ ok: false, error: "Enter the 0x address to delegate to." });
  });

  it("says ENS names are not supported", () => {
    const result = parseDelegateeInput("vitalik.eth");
    expect(!result.ok && result.error).toMatch(/ENS names are not supported/);
  });

  it.each([
    ["too short", ada.slice(0, 41)],
    ["too long", `${ada}0`],
    ["no 0x", ada.slice(2)],
    ["not hexadecimal", `0x${"g".repeat(40)}`],
    ["words", "my friend"],
  ])("refuses what is not an address (%s)", (_, text) => {
    const result = parseDelegateeInput(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/not an address/);
  });

  it("refuses the zero address and points at removing the delegation", () => {
    const result = parseDelegateeInput(zeroAddress);
    expect(!result.ok && result.error).toMatch(/Remove delegation/);
  });
});

describe("previewDelegation", () => {
  const neverDelegated: DelegatorState = { account: holder, balance: plm(1000n), votingPower: 0n, delegate: undefined };

  it("self-delegation of a holder who never delegated: voting power goes from 0 to the balance", () => {
    expect(previewDelegation(neverDelegated, holder, { to: 0n })).toEqual({
      kind: "self",
      unchanged: false,
      you: { before: 0n, after: plm(1000n) },
    });
  });

  it("keeps votes others delegated to the account when it delegates to itself", () => {
    const state = { ...neverDelegated, votingPower: plm(50n) };
    expect(previewDelegation(state, holder, { to: plm(50n) }).you).toEqual({ before: plm(50n), after: plm(1050n) });
  });

  it("delegation to another address: the new delegate gains the balance, the account's power stays", () => {
    expect(previewDelegation(neverDelegated, ada, { to: plm(300_000n) })).toEqual({
      kind: "other",
      unchanged: false,
      you: { before: 0n, after: 0n },
      newDelegate: { address: ada, before: plm(300_000n), after: plm(301_000n) },
    });
  });

  it("moving from yourself to another address takes the balance out of your power", () => {
    const self = { ...neverDelegated, votingPower: plm(1200n), delegate: holder };
    const preview = previewDelegation(self, ada, { to: plm(5n), previousDelegate: plm(1200n) });
    expect(preview.you).toEqual({ before: plm(1200n), after: plm(200n) });
    expect(preview.newDelegate).toEqual({ address: ada, before: plm(5n), after: plm(1005n) });
    expect(preview.previousDelegate).toBeUndefined();
  });

  it("changing from one delegate to another moves the balance between them", () => {
    const toAda = { ...neverDelegated, delegate: ada };
    expect(previewDelegation(toAda, ravi, { to: plm(10n), previousDelegate: plm(4000n) })).toEqual({
      kind: "other",
      unchanged: false,
      you: { before: 0n, after: 0n },
      newDelegate: { address: ravi, before: plm(10n), after: plm(1010n) },
      previousDelegate: { address: ada, before: plm(4000n), after: plm(3000n) },
    });
  });

  it("changing from another delegate to yourself", () => {
    const toAda = { ...neverDelegated, delegate: ada };
    const preview = previewDelegation(toAda, holder, { to: 0n, previousDelegate: plm(4000n) });
    expect(preview.you).toEqual({ before: 0n, after: plm(1000n) });
    expect(preview.previousDelegate).toEqual({ address: ada, before: plm(4000n), after: plm(3000n) });
    expect(preview.newDelegate).toBeUndefined();
  });

  it("removing a self-delegation: the tokens stop voting", () => {
    const self = { ...neverDelegated, votingPower: plm(1000n), delegate: holder };
    expect(previewDelegation(self, zeroAddress, { to: 0n, previousDelegate: plm(1000n) })).toEqual({
      kind: "remove",
      unchanged: false,
      you: { before: plm(1000n), after: 0n },
    });
  });

  it("removing a delegation to another address takes the balance from that delegate", () => {
    const toAda = { ...neverDelegated, delegate: ada };
    const preview = previewDelegation(toAda, zeroAddress, { to: 0n, previousDelegate: plm(4000n) });
    expect(preview.kind).toBe("remove");
    expect(preview.you).toEqual({ before: 0n, after: 0n });
    expect(preview.previousDelegate).toEqual({ address: ada, before: plm(4000n), after: plm(3000n) });
  });

  it("delegating to the current delegate changes nothing, compared case-insensitively", () => {
    const toAda = { ...neverDelegated, delegate: ada };
    const preview = previewDelegation(toAda, ada.toLowerCase() as Address, {
      to: plm(4000n),
      previousDelegate: plm(4000n),
    });
    expect(preview.unchanged).toBe(true);
    expect(preview.newDelegate).toEqual({ address: ada.toLowerCase(), before: plm(4000n), after: plm(4000n) });
    expect(preview.previousDelegate).toBeUndefined();
  });

  it("removing when nothing is delegated changes nothing", () => {
    expect(previewDelegation(neverDelegated, zeroAddress, { to: 0n })).toMatchObject({
      unchanged: true,
      you: { before: 0n, after: 0n },
    });
  });

  it("an account without tokens moves no power", () => {
    const empty = { ...neverDelegated, balance: 0n };
    expect(previewDelegation(empty, ada, { to: plm(7n) }).newDelegate).toEqual({
      address: ada,
      before: plm(7n),
      after: plm(7n),
    });
  });

  it("never shows a negative power when the reads are from different blocks", () => {
    const toAda = { ...neverDelegated, delegate: ada };
    expect(previewDelegation(toAda, ravi, { to: 0n, previousDelegate: plm(1n) }).previousDelegate?.after).toBe(0n);
  });
});
