export function FocusAreaChips({ areas }: { areas: readonly string[] }) {
  if (areas.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Focus areas">
      {areas.map((area) => (
        <li
          key={area}
          data-testid="focus-area"
          className="rounded-full bg-indigo-50 px-2.5 py-0.5 text-xs font-medium text-indigo-800"
        >
          {area}
        </li>
      ))}
    </ul>
  );
}
