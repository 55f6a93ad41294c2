import { useIndexerQuery } from "./use-indexer";

/** The DAO's indexed totals: delegated supply, delegates, holders, proposals and votes. */
export function useIndexerOverview() {
  return useIndexerQuery(["overview"], (client) => client.overview(), { refetchInterval: 15_000 });
}
