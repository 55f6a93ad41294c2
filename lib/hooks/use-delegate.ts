import type { Address } from "viem";
import { useReadContract } from "wagmi";
import { contracts } from "../contracts";
import type { StatementRecord } from "../governance/delegates";
import { pageSizes } from "../indexer/page-sizes";
import type { DelegateProfileRecord, DelegateVote, Delegator, Page } from "../indexer/types";
import { useIndexerPages, useIndexerQuery } from "./use-indexer";

/**
 * One address's indexed profile: power, delegators, participation, statement and power history. `data` is null when
 * the indexer has never seen the address. `initial` comes from the server render.
 */
export function useDelegateProfile(address: Address, initial?: DelegateProfileRecord | null) {
  return useIndexerQuery(["delegate", address], (client) => client.delegate(address), {
    initialData: initial,
    refetchInterval: 15_000,
  });
}

/** The votes `address` cast, newest first, with the proposals' titles, a page at a time. */
export function useVotingHistory(address: Address, initial?: Page<DelegateVote>) {
  return useIndexerPages(
    ["delegate", address, "votes"],
    (client, cursor) => client.delegateVotes(address, { cursor, limit: pageSizes.delegateVotes }),
    { initial },
  );
}

/** The accounts delegating to `address` (itself included when self-delegated), heaviest first, a page at a time. */
export function useDelegators(address: Address, initial?: Page<Delegator>) {
  return useIndexerPages(
    ["delegate", address, "delegators"],
    (client, cursor) => client.delegators(address, { cursor, limit: pageSizes.delegators }),
    { initial },
  );
}

/** The version and content hash DelegateStatements records for `address`, read live to check the indexed statement. */
export function useStatementRecord(address: Address) {
  return useReadContract({
    ...contracts.delegateStatements,
    functionName: "statementOf",
    args: [address],
    query: { select: ([version, contentHash]): StatementRecord => ({ version, contentHash }) },
  });
}
