import type { ReactNode } from "react";

/**
 * A wide table's box: on a narrow screen the table scrolls sideways inside it, not the page. The box takes focus so
 * that a keyboard can scroll it too, and is a named region so a screen reader says what it holds.
 */
export function ScrollBox({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
