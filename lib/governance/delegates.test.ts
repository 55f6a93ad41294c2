import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import {
  checkStatement,
  delegateName,
  hasDelegateActivity,
  isDelegateSort,
  participationPercent,
  statementContentHash,
  statementMatchesChain,
  type DelegateStatement,
} from "./delegates";

const ada: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const other: Address = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";

const statement = (version: bigint, displayName: string, focusAreas: string[]): DelegateStatement => ({
  version,
  displayName,
  text: `${displayName}'s statement v${version}`,
  focusAreas,
});

describe("statements", () => {
  it("hashes like the contract's keccak256(abi.encode(displayName, statement, focusAreas))", () => {
    // Computed with `cast keccak $(cast abi-encode "f(string,string,string[])" "Ada" "Hi" "[GPU,SLA]")`.
    expect(statementContentHash("Ada", "Hi", ["GPU", "SLA"])).toBe(
      "0x3c9e2d92bde729b9c3b7dc01973cf98477e58fd5d6c7a1f1eb2e4afc3233e76c",
    );
  });

  it("checks a statement against the version and hash the contract keeps", () => {
    const published = statement(2n, "Ada", ["GPU"]);
    const contentHash = statementContentHash(published.displayName, published.text, published.focusAreas);
    expect(statementMatchesChain(published, { version: 2n, contentHash })).toBe(true);
    expect(statementMatchesChain(published, { version: 3n, contentHash })).toBe(false);
    expect(statementMatchesChain({ ...published, text: "tampered" }, { version: 2n, contentHash })).toBe(false);
  });

  it("tells a newer version on chain from content that differs", () => {
    const published = statement(2n, "Ada", ["GPU"]);
    const contentHash = statementContentHash(published.displayName, published.text, published.focusAreas);
    expect(checkStatement(published, { version: 2n, contentHash })).toBe("matches");
    expect(checkStatement(published, { version: 3n, contentHash: "0x01" })).toBe("newer-on-chain");
    expect(checkStatement({ ...published, text: "tampered" }, { version: 2n, contentHash })).toBe("differs");
    expect(checkStatement(published, { version: 1n, contentHash })).toBe("differs");
  });
});

describe("delegates", () => {
  it("rounds participation to a whole percentage and has none without eligible proposals", () => {
    expect(participationPercent({ eligible: 3, voted: 2 })).toBe(67);
    expect(participationPercent({ eligible: 0, voted: 0 })).toBeUndefined();
  });

  it("names a delegate by its statement, else by its short address", () => {
    expect(delegateName({ address: ada, statement: statement(1n, "Ada Okafor", []) })).toBe("Ada Okafor");
    expect(delegateName({ address: other, statement: null })).toBe("0x15d3…6A65");
  });

  it("knows the sort keys", () => {
    expect(isDelegateSort("participation")).toBe(true);
    expect(isDelegateSort("toString")).toBe(false);
  });

  it("tells an address without any delegate activity", () => {
    const none = { votingPower: 0n, statement: null, votesCast: 0, delegatorCount: 0, powerHistory: [] };
    expect(hasDelegateActivity(none)).toBe(false);
    expect(hasDelegateActivity({ ...none, powerHistory: [{}] })).toBe(true);
    expect(hasDelegateActivity({ ...none, votingPower: 1n })).toBe(true);
    expect(hasDelegateActivity({ ...none, statement: statement(1n, "Ada", []) })).toBe(true);
    expect(hasDelegateActivity({ ...none, votesCast: 1 })).toBe(true);
    expect(hasDelegateActivity({ ...none, delegatorCount: 1 })).toBe(true);
  });
});
