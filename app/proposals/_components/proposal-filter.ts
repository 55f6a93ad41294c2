import { isProposalKind } from "@/lib/governance/proposal-kinds";
import { proposalStateNames } from "@/lib/governance/proposal-state";
import type { ProposalListFilter } from "@/lib/hooks/use-proposals";

/** The list's filters from the URL (`state`, `kind`, `q`), as the server and the browser both read them. */
export function parseProposalFilter(param: (name: string) => string | null): ProposalListFilter {
  const state = proposalStateNames.find((name) => name.toLowerCase() === param("state")?.toLowerCase());
  const kind = param("kind") ?? "";
  return { state, kind: isProposalKind(kind) ? kind : undefined, search: param("q")?.trim() || undefined };
}
