import { isAddressEqual, type Address } from "viem";
import { CollapsibleMarkdown } from "@/components/markdown";
import { formatTimestamp, shortAddress } from "@/lib/format";
import type { DisputeRecord } from "@/lib/governance/disputes";

/** Who added a piece of evidence, as the panel should read it: the filer, a co-challenger, or someone without a bond. */
function authorRole(dispute: Pick<DisputeRecord, "challenger" | "challengers">, author: Address): string {
  if (isAddressEqual(author, dispute.challenger)) return "filed the dispute";
  const bonded = dispute.challengers.some((challenger) => isAddressEqual(challenger.account, author));
  return bonded ? "co-challenger" : "no bond";
}

/** Every piece of evidence the panel rules on, in the order it was added. */
export function EvidenceList({ dispute }: { dispute: Pick<DisputeRecord, "challenger" | "challengers" | "evidence"> }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">Evidence ({dispute.evidence.length})</h3>
      <ol data-testid="dispute-evidence" className="mt-1 space-y-2">
        {dispute.evidence.map((item, index) => (
          <li key={index} data-testid="dispute-evidence-item" className="rounded-md bg-slate-50 p-3 text-sm">
            <p className="mb-1 text-xs text-slate-600">
              <span className="font-mono" title={item.author}>
                {shortAddress(item.author)}
              </span>{" "}
              ({authorRole(dispute, item.author)}) · {formatTimestamp(item.time)}
            </p>
            <div data-testid="dispute-evidence-text">
              <CollapsibleMarkdown source={item.text} />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
