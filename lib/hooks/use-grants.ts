import { useReadContract, useReadContracts } from "wagmi";
import { contracts } from "../contracts";

/** Every treasury grant with what is releasable now, oldest first. */
export function useGrants() {
  const { grantVesting } = contracts;
  const count = useReadContract({ ...grantVesting, functionName: "grantCount" });
  const ids = Array.from({ length: Number(count.data ?? 0n) }, (_, i) => BigInt(i + 1));
  const grants = useReadContracts({
    allowFailure: false,
    contracts: ids.flatMap((id) => [
      { ...grantVesting, functionName: "getGrant", args: [id] } as const,
      { ...grantVesting, functionName: "releasable", args: [id] } as const,
    ]),
    query: {
      enabled: count.isSuccess,
      select: (results) =>
        ids.map((id, i) => {
          const grant = results[2 * i];
          const releasable = results[2 * i + 1];
          if (typeof grant !== "object" || typeof releasable !== "bigint") throw new Error("Unexpected grant read");
          return { id, ...grant, releasable };
        }),
    },
  });
  return count.error ? { ...grants, error: count.error, refetch: count.refetch } : grants;
}
