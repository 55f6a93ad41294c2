import { FilterChips } from "@/components/filter-chips";
import { isProposalKind, proposalKinds, type ProposalKind } from "@/lib/governance/proposal-kinds";
import { proposalStateNames, type ProposalStateName } from "@/lib/governance/proposal-state";

export function ProposalFilters({
  state,
  kind,
  search,
  countOf,
  onState,
  onKind,
  onSearch,
}: {
  state: ProposalStateName | undefined;
  kind: ProposalKind | undefined;
  search: string;
  countOf: (option: ProposalStateName | "All") => number;
  onState: (state: ProposalStateName | undefined) => void;
  onKind: (kind: ProposalKind | undefined) => void;
  onSearch: (search: string) => void;
}) {
  const options: (ProposalStateName | "All")[] = ["All", ...proposalStateNames];
  return (
    <div className="space-y-3">
      <FilterChips
        label="Filter by state"
        options={options}
        selected={state ?? "All"}
        onSelect={(option) => onState(option === "All" ? undefined : option)}
        countOf={countOf}
      />
      <div className="flex flex-wrap gap-3">
        <input
          type="search"
          value={search}
          onChange={(event) => onSearch(event.target.value)}
          placeholder="Search titles and descriptions"
          aria-label="Search proposals"
          className="w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        <select
          aria-label="Filter by kind"
          value={kind ?? ""}
          onChange={(event) => {
            const value = event.target.value;
            onKind(isProposalKind(value) ? value : undefined);
          }}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          <option value="">Every kind</option>
          {(Object.keys(proposalKinds) as ProposalKind[]).map((option) => (
            <option key={option} value={option}>
              {proposalKinds[option]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
