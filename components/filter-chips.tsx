/** A row of toggle buttons of which one is pressed: the state filter above a list. */
export function FilterChips<Option extends string>({
  label,
  options,
  selected,
  onSelect,
  labelOf = (option) => option,
  countOf,
}: {
  label: string;
  options: readonly Option[];
  selected: Option;
  onSelect: (option: Option) => void;
  labelOf?: (option: Option) => string;
  countOf?: (option: Option) => number;
}) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-2">
      {options.map((option) => {
        const pressed = option === selected;
        return (
          <button
            key={option}
            type="button"
            aria-pressed={pressed}
            onClick={() => onSelect(option)}
            className={`rounded-full border px-3 py-1 text-sm ${
              pressed
                ? "border-slate-900 bg-slate-900 text-white"
                : "border-slate-300 bg-white text-slate-700 hover:border-slate-400"
            }`}
          >
            {labelOf(option)}
            {countOf && <span className={pressed ? "text-slate-300" : "text-slate-600"}> {countOf(option)}</span>}
          </button>
        );
      })}
    </div>
  );
}
