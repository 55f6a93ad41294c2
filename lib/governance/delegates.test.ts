import { zeroAddress, zeroHash, type Address } from "viem";
import { describe, expect, it } from "vitest";
import {
  allFocusAreas,
  currentDelegates,
  delegateCandidates,
  delegateName,
  delegatorsOf,
  filterDelegates,
  hasDelegateActivity,
  latestStatements,
  participation,
  participationPercent,
  sortDelegates,
  statementContentHash,
  statementMatchesChain,
  summarizeDelegate,
  votingPowerHistory,
  type DelegateEvents,
  type DelegateSummary,
  type PublishedStatement,
} from "./delegates";
import type { CastVote } from "./votes";

const ada: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const ravi: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const holder: Address = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const other: Address = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";

const statement = (
  delegate: Address,
  version: bigint,
  displayName: string,
  focusAreas: string[],
): PublishedStatement => ({
  delegate,
  version,
  displayName,
  text: `${displayName}'s statement v${version}`,
  focusAreas,
});

const summary = (address: Address, overrides: Partial<DelegateSummary>): DelegateSummary => ({
  address,
  votes: 0n,
  delegators: [],
  selfDelegated: false,
  votesCast: [],
  participation: { eligible: 0, voted: 0 },
  ...overrides,
});

describe("statements", () => {
  it("hashes like the contract's keccak256(abi.encode(displayName, statement, focusAreas))", () => {
    // Computed with `cast keccak $(cast abi-encode "f(string,string,string[])" "Ada" "Hi" "[GPU,SLA]")`.
    expect(statementContentHash("Ada", "Hi", ["GPU", "SLA"])).toBe(
      "0x3c9e2d92bde729b9c3b7dc01973cf98477e58fd5d6c7a1f1eb2e4afc3233e76c",
    );
  });

  it("checks a statement against the version and hash the contract keeps", () => {
    const published = statement(ada, 2n, "Ada", ["GPU"]);
    const contentHash = statementContentHash(published.displayName, published.text, published.focusAreas);
    expect(statementMatchesChain(published, { version: 2n, contentHash })).toBe(true);
    expect(statementMatchesChain(published, { version: 3n, contentHash })).toBe(false);
    expect(statementMatchesChain({ ...published, text: "tampered" }, { version: 2n, contentHash })).toBe(false);
  });

  it("keeps each delegate's latest version", () => {
    const latest = latestStatements([
      statement(ada, 1n, "Ada v1", []),
      statement(ravi, 1n, "Ravi", []),
      statement(ada, 2n, "Ada v2", []),
    ]);
    expect(latest.get(ada)?.displayName).toBe("Ada v2");
    expect(latest.get(ravi)?.displayName).toBe("Ravi");
  });
});

describe("delegations", () => {
  const delegations = [
    { delegator: ada, fromDelegate: zeroAddress, toDelegate: ada },
    { delegator: holder, fromDelegate: zeroAddress, toDelegate: ravi },
    { delegator: other, fromDelegate: zeroAddress, toDelegate: ada },
    { delegator: holder, fromDelegate: ravi, toDelegate: ada },
    { delegator: other, fromDelegate: ada, toDelegate: zeroAddress },
  ];

  it("follows each delegator to its current delegate", () => {
    expect([...currentDelegates(delegations)]).toEqual([
      [ada, ada],
      [holder, ada],
    ]);
  });

  it("lists a delegate's current delegators, itself included when self-delegated", () => {
    expect(delegatorsOf(ada, delegations)).toEqual([ada, holder]);
    expect(delegatorsOf(ravi, delegations)).toEqual([]);
  });
});

describe("voting power history", () => {
  it("keeps one point per block with the block's final votes", () => {
    const changes = [
      { delegate: ada, previousVotes: 0n, newVotes: 10n, blockNumber: 5n },
      { delegate: ravi, previousVotes: 0n, newVotes: 7n, blockNumber: 5n },
      { delegate: ada, previousVotes: 10n, newVotes: 30n, blockNumber: 8n },
      { delegate: ada, previousVotes: 30n, newVotes: 25n, blockNumber: 8n },
    ];
    expect(votingPowerHistory(ada, changes)).toEqual([
      { blockNumber: 5n, votes: 10n },
      { blockNumber: 8n, votes: 25n },
    ]);
  });
});

describe("participation", () => {
  const vote = (proposalId: bigint): CastVote => ({
    voter: ada,
    proposalId,
    support: "For",
    weight: 1n,
    reason: "",
    transactionHash: zeroHash,
  });

  it("counts votes on eligible proposals only", () => {
    expect(participation([vote(1n), vote(2n), vote(9n)], [1n, 2n, 3n, 4n])).toEqual({ eligible: 4, voted: 2 });
  });

  it("rounds to a whole percentage and has none without eligible proposals", () => {
    expect(participationPercent({ eligible: 3, voted: 2 })).toBe(67);
    expect(participationPercent({ eligible: 0, voted: 0 })).toBeUndefined();
  });
});

describe("summaries", () => {
  const events: DelegateEvents = {
    votesChanges: [
      { delegate: ada, previousVotes: 0n, newVotes: 10n, blockNumber: 2n },
      { delegate: ada, previousVotes: 10n, newVotes: 30n, blockNumber: 3n },
    ],
    delegations: [
      { delegator: ada, fromDelegate: zeroAddress, toDelegate: ada },
      { delegator: holder, fromDelegate: zeroAddress, toDelegate: ada },
    ],
    statements: [statement(ada, 1n, "Ada", ["GPU clusters"]), statement(ravi, 1n, "Ravi", ["Treasury"])],
    votes: [
      { voter: ada, proposalId: 1n, support: "For", weight: 30n, reason: "yes", transactionHash: zeroHash },
      { voter: ravi, proposalId: 1n, support: "Against", weight: 0n, reason: "", transactionHash: zeroHash },
    ],
    proposals: [{ id: 1n, title: "One", voteStart: 100n, votingStarted: true }],
  };

  it("summarizes an address from its reads and the event history", () => {
    const ada1 = events.statements[0];
    const result = summarizeDelegate(
      ada,
      {
        votes: 30n,
        onChainStatement: {
          version: 1n,
          contentHash: statementContentHash(ada1.displayName, ada1.text, ada1.focusAreas),
        },
        eligibleProposalIds: [1n],
      },
      events,
    );
    expect(result).toMatchObject({
      address: ada,
      votes: 30n,
      delegators: [holder],
      selfDelegated: true,
      participation: { eligible: 1, voted: 1 },
    });
    expect(result.statement?.matchesChain).toBe(true);
    expect(result.votesCast).toHaveLength(1);
  });

  it("finds every address that had votes or published a statement", () => {
    expect(delegateCandidates(events)).toEqual([ada, ravi]);
  });

  it("tells an address without any delegate activity", () => {
    expect(hasDelegateActivity(summary(other, {}), [])).toBe(false);
    expect(hasDelegateActivity(summary(other, {}), [{}])).toBe(true);
    expect(hasDelegateActivity(summary(other, { votes: 1n }), [])).toBe(true);
  });
});

describe("directory", () => {
  const adaSummary = summary(ada, {
    votes: 9_000n,
    delegators: [holder],
    participation: { eligible: 4, voted: 2 },
    statement: { ...statement(ada, 1n, "Ada Okafor", ["GPU clusters", "SLA enforcement"]), matchesChain: true },
  });
  const raviSummary = summary(ravi, {
    votes: 10_000n,
    participation: { eligible: 4, voted: 4 },
    statement: { ...statement(ravi, 1n, "Ravi Menon", ["Treasury", "gpu clusters"]), matchesChain: true },
  });
  const anonymous = summary(other, { votes: 500n, delegators: [holder, ada] });
  const all = [adaSummary, raviSummary, anonymous];

  it("sorts by voting power, delegators and participation", () => {
    expect(sortDelegates(all, "votingPower").map(delegateName)).toEqual(["Ravi Menon", "Ada Okafor", "0x15d3…6A65"]);
    expect(sortDelegates(all, "delegators").map(delegateName)).toEqual(["0x15d3…6A65", "Ada Okafor", "Ravi Menon"]);
    expect(sortDelegates(all, "participation").map(delegateName)).toEqual(["Ravi Menon", "Ada Okafor", "0x15d3…6A65"]);
  });

  it("searches by name or address, in any case", () => {
    expect(filterDelegates(all, { query: "okaf" }).map(delegateName)).toEqual(["Ada Okafor"]);
    expect(filterDelegates(all, { query: other.toUpperCase().replace("0X", "0x") })).toEqual([anonymous]);
    expect(filterDelegates(all, { query: "  " })).toHaveLength(3);
  });

  it("filters by focus area, ignoring case", () => {
    expect(filterDelegates(all, { query: "", focusArea: "GPU clusters" }).map(delegateName)).toEqual([
      "Ada Okafor",
      "Ravi Menon",
    ]);
    expect(filterDelegates(all, { query: "ravi", focusArea: "gpu CLUSTERS" })).toEqual([raviSummary]);
  });

  it("lists every focus area once, alphabetically", () => {
    expect(allFocusAreas(all)).toEqual(["GPU clusters", "SLA enforcement", "Treasury"]);
  });
});
