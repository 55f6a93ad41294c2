import { formatTokens, shortAddress } from "@/lib/format";
import type { DisputeRecord } from "@/lib/governance/disputes";

/** The accounts with a bond in the dispute, its filer first, and what they posted together. */
export function ChallengerList({ dispute }: { dispute: Pick<DisputeRecord, "challengers" | "bond" | "totalBond"> }) {
  return (
    <span data-testid="dispute-challengers">
      {dispute.challengers.map((challenger, index) => (
        <span key={challenger.account}>
          {index > 0 && ", "}
          <span
            className="font-mono"
            title={challenger.account}
            data-testid={index === 0 ? "dispute-challenger" : undefined}
          >
            {shortAddress(challenger.account)}
          </span>
          {index === 0 && " (filed)"}
        </span>
      ))}
      <span className="text-slate-600">
        {" "}
        · {dispute.challengers.length} × {formatTokens(dispute.bond)} = {formatTokens(dispute.totalBond)} PLM bonded
      </span>
    </span>
  );
}
