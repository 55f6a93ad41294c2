import { loadDisputes } from "../chain/dispute-events";
import { useChainQuery } from "./use-chain-query";

/** Every dispute with rulings and its proposal's title, the expert panel with stakes, and the module's settings. */
export function useDisputes() {
  return useChainQuery(["disputes"], loadDisputes);
}
