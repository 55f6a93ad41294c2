import { readDaoOverview, type DaoOverview } from "../chain/dao-overview";
import { useChainQuery } from "./use-chain-query";

/** The DAO's treasury, supply, settings and parameters, live; `initial` from the server render. */
export function useDaoOverview(initial?: DaoOverview) {
  return useChainQuery(["dao-overview"], readDaoOverview, { initialData: initial });
}
