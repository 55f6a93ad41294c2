import { config } from "../config";
import type { DecodeContext, ParameterInfo } from "../governance/actions";
import { useDaoOverview } from "./use-dao-overview";
import { useGuardian } from "./use-guardian";

/**
 * What decoding actions needs from the chain (parameters with their bounds, the quorum denominator, the guardian's
 * term and the pause duration).
 */
export function useDecodeContext(): DecodeContext | undefined {
  const overview = useDaoOverview();
  const guardian = useGuardian();
  if (!overview.data || !guardian.data) return undefined;
  const parameters = new Map<string, ParameterInfo>(
    overview.data.parameters.map(({ key, value, min, max, unit }) => [key, { value, min, max, unit }]),
  );
  return {
    addresses: config.deployment,
    parameters,
    quorumDenominator: overview.data.quorumDenominator,
    guardian: guardian.data,
  };
}
